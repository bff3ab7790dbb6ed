import type { Texts } from '../../locales/translation.js';

/** Every text `<kith-rating>` shows. One object per language, one file each; only the active one is loaded. */
export interface RatingTexts extends Texts {
  /**
   * The accessible name of the stars, e.g. "Rated 4.3 out of 5, 128 reviews". The numbers come
   * formatted with Intl; `count` (the number of reviews, when known) picks the plural.
   */
  label: (average: string, best: string, reviews: { formatted: string; count: number } | undefined) => string;
  /** The number of reviews beside the stars, already formatted: "(128)". */
  count: (formatted: string) => string;
  /** Shown instead of stars when the product has no published review. */
  empty: string;
  loading: string;
  /** The dash's name when no rating can be shown (the server failed, no product or value). */
  unavailable: string;
  /** The name while a saved rating is shown because the latest could not be loaded. */
  saved: (label: string) => string;
}
