import type { Catalog } from '../../locales/translation.js';
import en from './complaint-en.js';
import type { ComplaintTexts } from './complaint-texts.js';

/** The complaint form's texts: English ships with the complaint's chunk; the Chinese texts load on first use. */
export const complaintTexts: Catalog<ComplaintTexts> = {
  en,
  'zh-Hans': () => import('./complaint-zh-hans.js'),
  'zh-Hant': () => import('./complaint-zh-hant.js'),
};
