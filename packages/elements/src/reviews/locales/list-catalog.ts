import type { Catalog } from '../../locales/translation.js';
import en from './list-en.js';
import type { ReviewsListTexts } from './list-texts.js';

/** English ships with the list's chunk; the Chinese texts are chunks of their own, loaded on first use. */
export const reviewsListTexts: Catalog<ReviewsListTexts> = {
  en,
  'zh-Hans': () => import('./list-zh-hans.js'),
  'zh-Hant': () => import('./list-zh-hant.js'),
};
