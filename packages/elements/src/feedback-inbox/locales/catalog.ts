import type { Catalog } from '../../locales/translation.js';
import en from './en.js';
import type { FeedbackInboxTexts } from './texts.js';

/** English ships with the element; the Chinese texts are chunks of their own, loaded on first use. */
export const feedbackInboxTexts: Catalog<FeedbackInboxTexts> = {
  en,
  'zh-Hans': () => import('./zh-hans.js'),
  'zh-Hant': () => import('./zh-hant.js'),
};
