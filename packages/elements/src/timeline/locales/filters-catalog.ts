import type { Catalog } from '../../locales/translation.js';
import en from './filters-en.js';
import type { TimelineFiltersTexts } from './filters-texts.js';

/** The filter bar's texts: English ships with its chunk; the Chinese texts load on first use. */
export const timelineFiltersTexts: Catalog<TimelineFiltersTexts> = {
  en,
  'zh-Hans': () => import('./filters-zh-hans.js'),
  'zh-Hant': () => import('./filters-zh-hant.js'),
};
