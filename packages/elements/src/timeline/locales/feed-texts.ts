import type { Texts } from '../../locales/translation.js';

/** The texts of the timeline beyond its first page (a chunk of its own, with the feed). */
export interface TimelineFeedTexts extends Texts {
  showMore: string;
  /** The next page could not be loaded. */
  moreFailed: (reason: string) => string;
  /** Announced when someone else's interactions arrive: "2 new interactions at the top". */
  newItems: (count: number, formatted: string) => string;
}
