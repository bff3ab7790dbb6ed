import type { Catalog } from '../../locales/translation.js';
import en from './feed-en.js';
import type { TimelineFeedTexts } from './feed-texts.js';

/** The feed's texts: English ships with its chunk; the Chinese texts load on first use. */
export const timelineFeedTexts: Catalog<TimelineFeedTexts> = {
  en,
  'zh-Hans': () => import('./feed-zh-hans.js'),
  'zh-Hant': () => import('./feed-zh-hant.js'),
};
