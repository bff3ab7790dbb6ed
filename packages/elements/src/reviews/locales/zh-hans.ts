import type { ReviewsTexts } from './texts.js';

const zhHans: ReviewsTexts = {
  $lang: 'zh-Hans',
  title: '顾客评价',
  rated: (value) => `评分 ${value}（满分 5 分）`,
  reviewCount: (n) => `${n} 条评价`,
  distribution: '按评分筛选',
  stars: (stars) => `${stars} 星`,
  bar: (stars, n) => `${stars} 星，${n} 条评价`,
  seeAll: '查看全部评价',
  empty: '暂无评价。',
  loading: '正在加载评价…',
  notFound: '未找到该商品。',
  notConfigured: '评价未连接：请设置 product、base-url 和 key，或将其放入 kith-provider。',
  stale: {
    offline: '您已离线：显示的是已保存的评价，可能不是最新的。',
    failed: '显示的是已保存的评价：无法加载最新数据。',
  },
  failed: (reason) => `无法加载评价：${reason}。`,
};

export default zhHans;
