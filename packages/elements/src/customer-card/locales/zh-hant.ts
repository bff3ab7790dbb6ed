import type { CustomerCardTexts } from './texts.js';

const zhHant: CustomerCardTexts = {
  $lang: 'zh-Hant',
  label: (name) => `客戶：${name}`,
  kind: { person: '個人', organisation: '機構' },
  roleAt: (role, company) => `${company} ${role}`,
  tier: '等級',
  lifetimeValue: '累計消費',
  segment: '客戶分群',
  segments: {
    champion: '冠軍客戶',
    loyal: '忠誠客戶',
    potential: '潛在忠誠客戶',
    new: '新客戶',
    promising: '潛力客戶',
    needs_attention: '需要關注',
    at_risk: '有流失風險',
    cannot_lose: '不容流失',
    hibernating: '沉睡客戶',
    lost: '已流失',
  },
  keyAccount: '重點客戶',
  keyAccountHint: '累計消費排名前 20% 的客戶',
  churn: {
    medium: '有流失跡象',
    high: '很可能流失',
    reason: (days, _daysCount, usual) => `已 ${days} 天未下單；通常每 ${usual} 天下單一次。`,
    reasonNoCadence: (days) => `已 ${days} 天未下單。`,
    score: (percent) => `預估風險：${percent}`,
  },
  loading: '正在載入客戶…',
  notFound: '此客戶不存在或已被刪除。',
  notConfigured: '此卡片未連接：請設定 base-url 和 key，或將其放入 kith-provider。',
  notAuthorized: {
    title: '需要員工登入',
    body: '客戶資料僅向已登入的員工顯示。請先登入，然後重試。',
  },
  noCustomer: '未選擇客戶。',
  updated: '客戶資料已更新。',
  failed: (reason) => `無法載入客戶：${reason}。`,
};

export default zhHant;
