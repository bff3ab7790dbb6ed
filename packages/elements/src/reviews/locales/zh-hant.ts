import type { ReviewsTexts } from './texts.js';

const zhHant: ReviewsTexts = {
  $lang: 'zh-Hant',
  title: '顧客評價',
  rated: (value) => `評分 ${value}（滿分 5 分）`,
  reviewCount: (n) => `${n} 則評價`,
  distribution: '依評分篩選',
  stars: (stars) => `${stars} 星`,
  bar: (stars, n) => `${stars} 星，${n} 則評價`,
  seeAll: '查看全部評價',
  empty: '尚無評價。',
  loading: '正在載入評價…',
  notFound: '找不到該商品。',
  notConfigured: '評價未連線：請設定 product、base-url 和 key，或將其放入 kith-provider。',
  stale: {
    offline: '您已離線：顯示的是已儲存的評價，可能不是最新的。',
    failed: '顯示的是已儲存的評價：無法載入最新資料。',
  },
  failed: (reason) => `無法載入評價：${reason}。`,
};

export default zhHant;
