import type { Catalog } from '../translation.js';
import en from './en.js';
import type { CommonTexts } from './texts.js';

/** The texts every element shares: English in the shared runtime, the others on first use. */
export const commonTexts: Catalog<CommonTexts> = {
  en,
  'zh-Hans': () => import('./zh-hans.js'),
  'zh-Hant': () => import('./zh-hant.js'),
};
