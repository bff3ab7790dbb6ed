import type { TimelineFeedTexts } from './feed-texts.js';

const zhHans: TimelineFeedTexts = {
  $lang: 'zh-Hans',
  showMore: '显示更多',
  moreFailed: (reason) => `无法加载更多记录：${reason}。`,
  newItems: (_count, formatted) => `顶部有 ${formatted} 条新的互动记录。`,
};

export default zhHans;
