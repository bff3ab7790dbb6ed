import type { Texts } from '../../locales/translation.js';

/** The full badge's texts (progress, expiry, benefits, the recent-points disclosure): loaded with its details, which a compact badge never shows. */
export interface LoyaltyDetailsTexts extends Texts {
  /** The text of the progress bar: "320 points to Gold". */
  toNext: (formatted: string, count: number, tier: string) => string;
  /** Accessible name of the progress bar: "Progress to Gold". */
  progressLabel: (tier: string) => string;
  /** Shown instead of the progress bar in the top tier. */
  topTier: string;
  /** When the tier lapses, the date formatted with Intl: "Silver until 12 Mar 2027". */
  expires: (tier: string, date: string) => string;
  /** Accessible name of the benefits list: "Benefits of Gold". */
  benefits: (tier: string) => string;
  /** The disclosure button that shows the recent ledger entries. */
  history: string;
}
