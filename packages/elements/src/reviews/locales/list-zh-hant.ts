import type { ReviewsListTexts } from './list-texts.js';

const zhHant: ReviewsListTexts = {
  $lang: 'zh-Hant',
  sortLabel: '排序方式',
  sorts: { newest: '最新', highest: '評分最高', lowest: '評分最低' },
  allLanguages: '所有語言',
  inLanguage: (language) => `${language}評價`,
  inAllLanguages: '所有語言的評價',
  noneInLanguage: (language) => `尚無${language}評價：顯示所有語言的評價`,
  verified: '已驗證買家',
  reply: '商家回覆',
  showMore: '顯示更多評價',
  moreFailed: (reason) => `無法載入更多評價：${reason}。`,
  emptyFiltered: '沒有符合篩選條件的評價。',
  newReviews: (n) => `${n} 則新評價。`,
};

export default zhHant;
