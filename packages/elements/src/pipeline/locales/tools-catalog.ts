import type { Catalog } from '../../locales/translation.js';
import en from './tools-en.js';
import type { BoardToolsTexts } from './tools-texts.js';

/** The tools' texts: English ships with the tools chunk; the Chinese texts load on first use. */
export const boardToolsTexts: Catalog<BoardToolsTexts> = {
  en,
  'zh-Hans': () => import('./tools-zh-hans.js'),
  'zh-Hant': () => import('./tools-zh-hant.js'),
};
