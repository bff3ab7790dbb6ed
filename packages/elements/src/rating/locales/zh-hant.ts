import type { RatingTexts } from './texts.js';

// Chinese has no plural forms: one wording for every count.
const zhHant: RatingTexts = {
  $lang: 'zh-Hant',
  label: (average, best, reviews) => `評分 ${average}（滿分 ${best}）` + (reviews ? `，${reviews.formatted} 則評論` : ''),
  count: (n) => `(${n})`,
  empty: '尚無評論',
  loading: '正在載入評分…',
  unavailable: '暫時無法顯示評分',
  saved: (label) => `${label}（已儲存的評分，無法載入最新資料）`,
};

export default zhHant;
