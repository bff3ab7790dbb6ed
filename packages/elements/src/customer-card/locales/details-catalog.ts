import type { Catalog } from '../../locales/translation.js';
import en from './details-en.js';
import type { CustomerDetailsTexts } from './details-texts.js';

/** The details' texts: English ships with the details chunk; the Chinese texts load on first use. */
export const customerDetailsTexts: Catalog<CustomerDetailsTexts> = {
  en,
  'zh-Hans': () => import('./details-zh-hans.js'),
  'zh-Hant': () => import('./details-zh-hant.js'),
};
