import type { Catalog } from '../../locales/translation.js';
import en from './survey-en.js';
import type { SurveyTexts } from './survey-texts.js';

/** The survey's texts: English ships with the survey's chunk; the Chinese texts load on first use. */
export const surveyTexts: Catalog<SurveyTexts> = {
  en,
  'zh-Hans': () => import('./survey-zh-hans.js'),
  'zh-Hant': () => import('./survey-zh-hant.js'),
};
