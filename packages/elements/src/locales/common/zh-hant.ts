import type { CommonTexts } from './texts.js';

const zhHant: CommonTexts = {
  $lang: 'zh-Hant',
  retry: '重試',
  stale: {
    offline: '您已離線：顯示的是已儲存的資料，可能不是最新的。',
    failed: '顯示的是已儲存的資料：無法載入最新資料。',
  },
  reasons: {
    network: '無法連線至伺服器',
    timeout: '伺服器回應逾時',
    unauthorized: '金鑰或登入未被接受',
    forbidden: '此頁面無權讀取',
    not_found: '不存在或已被刪除',
    conflict: '已被修改',
    rate_limited: '請求過於頻繁，請稍後再試',
    validation: '請求無效',
    server: '伺服器發生問題',
    invalid_response: '伺服器傳回了非預期的資料',
  },
};

export default zhHant;
