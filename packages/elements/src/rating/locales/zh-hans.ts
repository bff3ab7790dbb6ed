import type { RatingTexts } from './texts.js';

// Chinese has no plural forms: one wording for every count.
const zhHans: RatingTexts = {
  $lang: 'zh-Hans',
  label: (average, best, reviews) => `评分 ${average}（满分 ${best}）` + (reviews ? `，${reviews.formatted} 条评价` : ''),
  count: (n) => `(${n})`,
  empty: '暂无评价',
  loading: '正在加载评分…',
  unavailable: '暂时无法显示评分',
  saved: (label) => `${label}（已保存的评分，无法加载最新数据）`,
};

export default zhHans;
