import type { InteractionDirection, InteractionPhase, InteractionType } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';

/** The texts of `<kith-timeline>`. One object per language, one file each; only the active one is loaded. */
export interface TimelineTexts extends Texts {
  /** Accessible name of the feed. */
  label: string;
  types: Record<InteractionType, string>;
  directions: Record<InteractionDirection, string>;
  phases: Record<InteractionPhase, string>;
  /** An item's readable line: "Call, outbound". */
  line: (type: string, direction: string) => string;
  /** Day headings. */
  today: string;
  yesterday: string;
  /** "12 of 48". */
  shown: (shown: string, total: string) => string;
  empty: string;
  loading: string;
  notFound: string;
  notConfigured: string;
  notAuthorized: { title: string; body: string };
  /** Shown when there is a client but no customer-id. */
  noCustomer: string;
  /** "The timeline could not be loaded: …" */
  failed: (reason: string) => string;
}
