import type { Texts } from '../../locales/translation.js';

/** The texts `<kith-reviews>` shows before its list (see `list-texts.ts`). One object per language, one file each; only the active one is loaded. */
export interface ReviewsTexts extends Texts {
  /** The heading, and the accessible name of the element. */
  title: string;
  /** The average as a sentence for the stars' `role="img"`, e.g. "Rated 4.3 out of 5" (`value` already formatted). */
  rated: (value: string) => string;
  /** A number of reviews, already formatted with Intl ("1,280"); `count` picks the plural. */
  reviewCount: (formatted: string, count: number) => string;
  /** The accessible name of the list of star bars. */
  distribution: string;
  /** The visible label of a star bar ("5 stars"). */
  stars: (stars: number) => string;
  /** A star bar's accessible name: its label and how many reviews it counts ("5 stars, 80 reviews"). */
  bar: (stars: number, formatted: string, count: number) => string;
  /** The link to the page listing every review (the `href` attribute). */
  seeAll: string;
  empty: string;
  loading: string;
  notFound: string;
  /** Shown when no client could be found (no provider, no page settings, no base-url + key), or no `product`. */
  notConfigured: string;
  /** Shown under saved reviews when the latest could not be loaded: offline (network, timeout) or another failure. */
  stale: { offline: string; failed: string };
  /** The lead-in before why the reviews could not be loaded (a shared reason). */
  failed: (reason: string) => string;
}
