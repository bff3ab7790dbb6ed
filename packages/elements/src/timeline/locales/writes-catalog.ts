import type { Catalog } from '../../locales/translation.js';
import en from './writes-en.js';
import type { TimelineWritesTexts } from './writes-texts.js';

/** Writing's texts: English ships with the writes chunk; the Chinese texts load on first use. */
export const timelineWritesTexts: Catalog<TimelineWritesTexts> = {
  en,
  'zh-Hans': () => import('./writes-zh-hans.js'),
  'zh-Hant': () => import('./writes-zh-hant.js'),
};
