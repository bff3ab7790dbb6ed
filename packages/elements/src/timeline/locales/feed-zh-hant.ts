import type { TimelineFeedTexts } from './feed-texts.js';

const zhHant: TimelineFeedTexts = {
  $lang: 'zh-Hant',
  showMore: '顯示更多',
  moreFailed: (reason) => `無法載入更多紀錄：${reason}。`,
  newItems: (_count, formatted) => `頂部有 ${formatted} 筆新的互動紀錄。`,
};

export default zhHant;
