import type { Catalog } from '../../locales/translation.js';
import en from './en.js';
import type { SurveyResultsTexts } from './texts.js';

/** English ships with the element; the Chinese texts are chunks of their own, loaded on first use. */
export const surveyResultsTexts: Catalog<SurveyResultsTexts> = {
  en,
  'zh-Hans': () => import('./zh-hans.js'),
  'zh-Hant': () => import('./zh-hant.js'),
};
