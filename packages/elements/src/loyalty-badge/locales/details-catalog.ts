import type { Catalog } from '../../locales/translation.js';
import en from './details-en.js';
import type { LoyaltyDetailsTexts } from './details-texts.js';

/** The full badge's texts: English ships with its details' chunk; the Chinese texts load on first use. */
export const loyaltyDetailsTexts: Catalog<LoyaltyDetailsTexts> = {
  en,
  'zh-Hans': () => import('./details-zh-hans.js'),
  'zh-Hant': () => import('./details-zh-hant.js'),
};
