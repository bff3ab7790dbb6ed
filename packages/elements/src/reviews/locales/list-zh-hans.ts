import type { ReviewsListTexts } from './list-texts.js';

const zhHans: ReviewsListTexts = {
  $lang: 'zh-Hans',
  sortLabel: '排序方式',
  sorts: { newest: '最新', highest: '评分最高', lowest: '评分最低' },
  allLanguages: '所有语言',
  inLanguage: (language) => `${language}评价`,
  inAllLanguages: '所有语言的评价',
  noneInLanguage: (language) => `暂无${language}评价：显示所有语言的评价`,
  verified: '已验证买家',
  reply: '商家回复',
  showMore: '显示更多评价',
  moreFailed: (reason) => `无法加载更多评价：${reason}。`,
  emptyFiltered: '没有符合筛选条件的评价。',
  newReviews: (n) => `${n} 条新评价。`,
};

export default zhHans;
