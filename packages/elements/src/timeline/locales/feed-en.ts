import type { TimelineFeedTexts } from './feed-texts.js';

const en: TimelineFeedTexts = {
  $lang: 'en',
  showMore: 'Show more',
  moreFailed: (reason) => `More interactions could not be loaded: ${reason}.`,
  newItems: (count, formatted) => (count === 1 ? '1 new interaction at the top.' : `${formatted} new interactions at the top.`),
};

export default en;
