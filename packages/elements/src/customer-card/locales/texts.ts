import type { CustomerKind, RfmSegment } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';

/** The texts of `<kith-customer-card>` itself (its details' are `details-texts.ts`). One object per language, one file each; only the active one is loaded. */
export interface CustomerCardTexts extends Texts {
  /** Accessible name of the card while it shows a customer. */
  label: (name: string) => string;
  kind: Record<CustomerKind, string>;
  /** "Buyer at Acme Ltd" (a contact person's role at their company). */
  roleAt: (role: string, company: string) => string;
  tier: string;
  lifetimeValue: string;
  /** The RFM segment chip's label and one name per segment. */
  segment: string;
  segments: Record<RfmSegment, string>;
  /** The key-account chip (top 20 % by lifetime value). */
  keyAccount: string;
  keyAccountHint: string;
  /** Churn risk: its heading by level, and the reason in the customer's own rhythm. */
  churn: {
    medium: string;
    high: string;
    /** "No order for 94 days; usually every 30." */
    reason: (days: string, daysCount: number, usual: string, usualCount: number) => string;
    /** No rhythm yet (one order): "No order for 94 days." */
    reasonNoCadence: (days: string, daysCount: number) => string;
    /** "Estimated risk 72 %" — the percentage formatted with Intl. */
    score: (percent: string) => string;
  };
  loading: string;
  notFound: string;
  /** Shown when no client could be found (no provider, no base-url + key). */
  notConfigured: string;
  /** Shown when the credential may not read customers (a key alone, or a token without the right): a staff sign-in is needed. */
  notAuthorized: { title: string; body: string };
  /** Shown when there is a client but no customer-id. */
  noCustomer: string;
  /** Announced when a live update changed the customer while shown. */
  updated: string;
  /** The lead-in before why it could not be loaded (a shared reason): "The customer could not be loaded: the server had a problem." */
  failed: (reason: string) => string;
}
