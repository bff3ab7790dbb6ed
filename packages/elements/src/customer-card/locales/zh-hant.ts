import type { CustomerCardTexts } from './texts.js';

const zhHant: CustomerCardTexts = {
  $lang: 'zh-Hant',
  label: (name) => `客戶：${name}`,
  company: '公司',
  tier: '等級',
  lifetimeValue: '累計消費',
  noCompany: '無',
  noTier: '無等級',
  loading: '正在載入客戶…',
  notFound: '此客戶不存在或已被刪除。',
  notConfigured: '此卡片未連接：請設定 base-url 和 key，或將其放入 kith-provider。',
  notAuthorized: {
    title: '需要員工登入',
    body: '客戶資料僅向已登入的員工顯示。請先登入，然後重試。',
  },
  noCustomer: '未選擇客戶。',
  retry: '重試',
  stale: {
    offline: '您已離線：顯示的是已儲存的資料，可能不是最新的。',
    failed: '顯示的是已儲存的資料：無法載入最新資料。',
  },
  errors: {
    network: '無法載入客戶：無法連線至伺服器。',
    timeout: '無法載入客戶：伺服器回應逾時。',
    unauthorized: '無法載入客戶：金鑰或登入未被接受。',
    forbidden: '無法載入客戶：此頁面無權讀取。',
    not_found: '此客戶不存在或已被刪除。',
    conflict: '客戶資料已被修改。',
    rate_limited: '請求過於頻繁，請稍後再試。',
    validation: '無法載入客戶：請求無效。',
    server: '無法載入客戶：伺服器發生問題。',
    invalid_response: '無法載入客戶：伺服器傳回了非預期的資料。',
  },
};

export default zhHant;
