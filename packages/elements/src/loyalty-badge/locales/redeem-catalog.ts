import type { Catalog } from '../../locales/translation.js';
import en from './redeem-en.js';
import type { LoyaltyRedeemTexts } from './redeem-texts.js';

/** The redeem form's texts: English ships with the form's chunk; the Chinese texts load on first use. */
export const loyaltyRedeemTexts: Catalog<LoyaltyRedeemTexts> = {
  en,
  'zh-Hans': () => import('./redeem-zh-hans.js'),
  'zh-Hant': () => import('./redeem-zh-hant.js'),
};
