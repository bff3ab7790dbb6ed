import type { Catalog } from '../../locales/translation.js';
import en from './en.js';
import type { InboxItemTexts } from './texts.js';

/** English ships with the item; the Chinese texts are chunks of their own, loaded on first use. */
export const inboxItemTexts: Catalog<InboxItemTexts> = {
  en,
  'zh-Hans': () => import('./zh-hans.js'),
  'zh-Hant': () => import('./zh-hant.js'),
};
