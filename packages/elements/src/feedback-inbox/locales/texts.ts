import type { ComplaintStatus, ModerationStatus } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';
import type { InboxView } from '../inbox.model.js';

/** The kinds of record a list of the inbox holds (one per view that lists). */
export type ListedKind = 'review' | 'complaint' | 'survey';

/** What `<kith-feedback-inbox>` shows around its items (each item words itself). One object per language, one file each. */
export interface FeedbackInboxTexts extends Texts {
  /** The accessible name of the inbox. */
  label: string;
  /** The accessible name of the row of tabs. */
  views: string;
  /** Each tab's name. */
  tabs: Record<InboxView, string>;
  /** The label of the status filter. */
  statusFilter: string;
  reviewStatuses: Record<ModerationStatus, string>;
  /** The complaints' status filter's first choice: no filter. */
  allStatuses: string;
  complaintStatuses: Record<ComplaintStatus, string>;
  /** The complaints' check box: overdue ones only. */
  overdueOnly: string;
  /** No item in a view (with its filters). */
  empty: Record<ListedKind, string>;
  /** The accessible name of a view's list ("Reviews awaiting moderation"…). */
  list: Record<ListedKind, string>;
  /** "Load more" (the next page of the list). */
  loadMore: string;
  /** The next page could not be loaded (a shared reason follows). */
  moreFailed: (reason: string) => string;
  /** The mark on an item that arrived while the inbox was open. */
  fresh: string;
  /** Said politely when items arrive live: "1 new complaint" (`formatted` already formatted, `count` picks the plural). */
  arrived: (kind: ListedKind, formatted: string, count: number) => string;
  loading: string;
  notFound: string;
  notConfigured: string;
  failed: (reason: string) => string;
  /** No staff token, or one without `feedback:read`. */
  notAuthorized: { title: string; body: string };
}
