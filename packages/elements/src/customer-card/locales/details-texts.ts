import type { ContactChannelKind, Credit, InteractionChannel } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';

/**
 * The texts of a full card's details (contact, orders, credit, last contact, owner, tags,
 * language) and of its inline editor: loaded with the details, which a compact card never shows.
 */
export interface CustomerDetailsTexts extends Texts {
  /** The heading of the orders row. */
  ordersTitle: string;
  /** "12 orders" — `formatted` is the count formatted with Intl. */
  orders: (formatted: string, count: number) => string;
  /** "Last order 3 Mar 2026" — the date formatted with Intl. */
  lastOrder: (date: string) => string;
  noOrders: string;
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
  /** Shown while the owner's name is read from the staff directory. */
  ownerLoading: string;
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
}
