import type { LedgerReason } from '@kith/schema';
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
  historyLoading: string;
  historyEmpty: string;
  /** Why points moved, one label per ledger reason. */
  reasons: Record<LedgerReason, string>;
  /** Announced when the balance changes while shown (a live update, a redemption). */
  balanceUpdated: (formatted: string, count: number) => string;
  loading: string;
  notFound: string;
  /** Shown when no client could be found (no provider, no page settings, no base-url + key). */
  notConfigured: string;
  /** The default content of the `sign-in` slot: no customer (or staff) token, or no customer-id. */
  signIn: string;
  /** Shown under saved data when the latest could not be loaded: offline (network, timeout) or another failure. */
  stale: { offline: string; failed: string };
  /** The lead-in before why it could not be loaded (a shared reason): "The customer could not be loaded: the server had a problem." */
  failed: (reason: string) => string;
}
