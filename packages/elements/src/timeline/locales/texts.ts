import type { InteractionChannel, InteractionDirection, InteractionPhase, InteractionType } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';

/** The texts of `<kith-timeline>`. One object per language, one file each; only the active one is loaded. */
export interface TimelineTexts extends Texts {
  /** Accessible name of the feed. */
  label: string;
  channels: Record<InteractionChannel, string>;
  types: Record<InteractionType, string>;
  directions: Record<InteractionDirection, string>;
  phases: Record<InteractionPhase, string>;
  /** An item's readable line: "Call, outbound". */
  line: (type: string, direction: string) => string;
  /** Day headings. */
  today: string;
  yesterday: string;
  /** The filter groups' names and the search field's label. */
  filters: { label: string; channel: string; type: string; phase: string; search: string; clear: string };
  /** "12 of 48". */
  shown: (shown: string, total: string) => string;
  showMore: string;
  empty: string;
  emptyFiltered: string;
  loading: string;
  notFound: string;
  notConfigured: string;
  notAuthorized: { title: string; body: string };
  /** Shown when there is a client but no customer-id. */
  noCustomer: string;
  stale: { offline: string; failed: string };
  /** "The timeline could not be loaded: …" */
  failed: (reason: string) => string;
  /** The next page could not be loaded. */
  moreFailed: (reason: string) => string;
}
