import type { LoyaltyBadgeTexts } from './texts.js';

const zhHant: LoyaltyBadgeTexts = {
  $lang: 'zh-Hant',
  label: (tier) => `會員積分：${tier}`,
  title: '會員積分',
  noTier: '尚無等級',
  points: (n) => `${n} 積分`,
  historyLoading: '正在載入最近積分紀錄…',
  historyEmpty: '尚無積分紀錄。',
  reasons: {
    purchase: '購物',
    review: '評價',
    referral: '推薦',
    redeem: '兌換',
    adjust: '調整',
    expire: '過期',
  },
  balanceUpdated: (n) => `積分餘額已更新：${n} 積分。`,
  loading: '正在載入會員積分…',
  notFound: '找不到此客戶的會員帳戶。',
  notConfigured: '此徽章未連接：請設定 base-url 和 key，或將其放入 kith-provider。',
  signIn: '登入後即可查看您的積分和獎勵。',
  stale: {
    offline: '您已離線：顯示的是已儲存的積分，可能不是最新的。',
    failed: '顯示的是已儲存的積分：無法載入最新資料。',
  },
  failed: (reason) => `無法載入積分：${reason}。`,
};

export default zhHant;
