/** The languages Kith ships text for; other locales fall back to the nearest of these. */
export const LANGUAGES = ['en', 'zh-Hans', 'zh-Hant'] as const;
export type Language = (typeof LANGUAGES)[number];

/** What every element's texts have: the language, set as `lang` on what the element renders. */
export interface Texts {
  /** The BCP 47 tag of this translation. */
  $lang: Language;
}

/**
 * An element's texts in every language: English ships with the element, the others load on
 * first use (design: "Size"). Each element keeps its own, in `<element>/locales/`: a page that
 * shows one element loads one element's texts. A missing key in any language is a type error.
 */
export interface Catalog<T extends Texts> {
  en: T;
  'zh-Hans': () => Promise<{ default: T }>;
  'zh-Hant': () => Promise<{ default: T }>;
}
