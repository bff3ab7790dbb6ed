import type { LedgerReason } from '@kith/schema';
import type { KithErrorCode } from '@kith/sdk';
import type { Texts } from '../../locales/translation.js';

/** Every text `<kith-loyalty-badge>` shows, with its recent points and redeem form. One object per language, one file each; only the active one is loaded. */
export interface LoyaltyBadgeTexts extends Texts {
  /** Accessible name of the badge while it shows an account, e.g. "Loyalty: Gold". */
  label: (tier: string) => string;
  /** Accessible name of the badge in the other states. */
  title: string;
  /** Shown instead of a tier name when the member has none yet. */
  noTier: string;
  /** A number of points, already formatted with Intl ("1,180"); `count` picks the plural. */
  points: (formatted: string, count: number) => string;
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
  historyLoading: string;
  historyEmpty: string;
  /** Why points moved, one label per ledger reason. */
  reasons: Record<LedgerReason, string>;
  /** Announced when the balance changes while shown (a live update, a redemption). */
  balanceUpdated: (formatted: string, count: number) => string;
  redeem: {
    title: string;
    points: string;
    /** Under the points field: "You have 1,180 points." */
    available: (formatted: string, count: number) => string;
    note: string;
    submit: string;
    sending: string;
    sent: (formatted: string, count: number) => string;
    /** Stored in the outbox (offline, server down): it will be sent. */
    queued: string;
    /** Refused: the server's own message follows. */
    failed: (message: string) => string;
    invalid: string;
    tooMany: (formatted: string, count: number) => string;
  };
  loading: string;
  notFound: string;
  /** Shown when no client could be found (no provider, no page settings, no base-url + key). */
  notConfigured: string;
  /** The default content of the `sign-in` slot: no customer (or staff) token, or no customer-id. */
  signIn: string;
  retry: string;
  /** Shown under saved data when the latest could not be loaded: offline (network, timeout) or another failure. */
  stale: { offline: string; failed: string };
  errors: Record<KithErrorCode, string>;
}
