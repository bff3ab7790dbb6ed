import type { ContactChannelKind, Credit, CustomerKind, InteractionChannel, RfmSegment } from '@kith/schema';
import type { KithErrorCode } from '@kith/sdk';
import type { Texts } from '../../locales/translation.js';

/** Every text `<kith-customer-card>` shows. One object per language, one file each; only the active one is loaded. */
export interface CustomerCardTexts extends Texts {
  /** Accessible name of the card while it shows a customer. */
  label: (name: string) => string;
  kind: Record<CustomerKind, string>;
  /** "Buyer at Acme Ltd" (a contact person's role at their company). */
  roleAt: (role: string, company: string) => string;
  company: string;
  tier: string;
  lifetimeValue: string;
  /** The heading of the orders row. */
  ordersTitle: string;
  /** "12 orders" — `formatted` is the count formatted with Intl. */
  orders: (formatted: string, count: number) => string;
  /** "Last order 3 Mar 2026" — the date formatted with Intl. */
  lastOrder: (date: string) => string;
  noOrders: string;
  noCompany: string;
  noTier: string;
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
  contacts: string;
  noContacts: string;
  channels: Record<ContactChannelKind, string>;
  /** Marks the channel the customer prefers for its kind. */
  preferred: string;
  credit: {
    title: string;
    /** "€3,200 of €10,000 used" */
    used: (used: string, limit: string) => string;
    available: (amount: string) => string;
    /** "Over the limit by €400" */
    over: (amount: string) => string;
    rating: (rating: Credit['rating']) => string;
    /** Accessible name of the credit bar. */
    barLabel: string;
    none: string;
  };
  owner: string;
  noOwner: string;
  /** The owner's name could not be looked up (no right to the staff directory): shown instead. */
  ownerUnknown: string;
  tags: string;
  noTags: string;
  language: string;
  lastContact: string;
  noContact: string;
  /** "3 days ago by phone" — `when` is Intl relative time, `channel` from `interactionChannels`. */
  lastContactAt: (when: string, channel: string) => string;
  interactionChannels: Record<InteractionChannel, string>;
  /** Inline editing of tags and owner. */
  edit: {
    editTags: string;
    editOwner: string;
    /** Accessible name of the button that removes one tag. */
    removeTag: (tag: string) => string;
    addTag: string;
    addTagHint: string;
    chooseOwner: string;
    ownersLoading: string;
    ownersFailed: string;
    save: string;
    cancel: string;
    saving: string;
    saved: string;
    /** Stored on this device (offline, server down): it will be sent. */
    queued: string;
    /** Refused: the server's message follows. */
    failed: (message: string) => string;
    tooLong: string;
    tooMany: string;
    duplicate: string;
    /** Someone else edited the same customer meanwhile: show both, let the person choose. */
    conflict: {
      title: string;
      body: string;
      theirs: string;
      yours: string;
      keepTheirs: string;
      useMine: string;
    };
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
  retry: string;
  /** Shown under saved data when the latest could not be loaded: offline (network, timeout) or another failure. */
  stale: { offline: string; failed: string };
  errors: Record<KithErrorCode, string>;
}
