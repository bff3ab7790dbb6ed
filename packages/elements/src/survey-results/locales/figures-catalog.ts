import type { Catalog } from '../../locales/translation.js';
import en from './figures-en.js';
import type { SurveyFiguresTexts } from './figures-texts.js';

/** English ships with the figures' chunk; the Chinese texts are chunks of their own, loaded on first use. */
export const surveyFiguresTexts: Catalog<SurveyFiguresTexts> = {
  en,
  'zh-Hans': () => import('./figures-zh-hans.js'),
  'zh-Hant': () => import('./figures-zh-hant.js'),
};
