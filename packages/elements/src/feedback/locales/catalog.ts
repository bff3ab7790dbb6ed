import type { Catalog } from '../../locales/translation.js';
import en from './en.js';
import type { FeedbackTexts } from './texts.js';

/** The review form's texts: English ships with the form; the Chinese texts load on first use. */
export const feedbackTexts: Catalog<FeedbackTexts> = {
  en,
  'zh-Hans': () => import('./zh-hans.js'),
  'zh-Hant': () => import('./zh-hant.js'),
};
