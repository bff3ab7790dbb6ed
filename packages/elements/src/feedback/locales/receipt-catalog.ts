import type { Catalog } from '../../locales/translation.js';
import en from './receipt-en.js';
import type { ReceiptTexts } from './receipt-texts.js';

/** The receipt's texts: English ships with the sending code; the Chinese texts load on first use. */
export const receiptTexts: Catalog<ReceiptTexts> = {
  en,
  'zh-Hans': () => import('./receipt-zh-hans.js'),
  'zh-Hant': () => import('./receipt-zh-hant.js'),
};
