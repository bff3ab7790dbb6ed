// The inbox's pure rules: which query each view reads, the complaints' order at a moment, which
// items are new, and keeping the items acted on where they were. No DOM and no clock of its own:
// `now` is always given, so the order can be worked out again on each tick without a refetch.
import { isOverdue, type Complaint, type ComplaintStatus, type Feedback, type FeedbackListQuery, type ModerationStatus } from '@kith/schema';

/** The inbox's views, in the order of its tabs. */
export const VIEWS = ['reviews', 'complaints', 'surveys', 'results'] as const;
export type InboxView = (typeof VIEWS)[number];

/** The review statuses the reviews view filters on (moderation first: `pending` is the default). */
export const REVIEW_FILTERS: readonly ModerationStatus[] = ['pending', 'published', 'rejected'];
/** The complaint statuses the complaints view filters on (`undefined`: every status). */
export const COMPLAINT_FILTERS: readonly ComplaintStatus[] = ['open', 'in_progress', 'answered', 'resolved', 'closed'];

/** What the person chose in the filters of each view. */
export interface InboxFilters {
  reviewStatus: ModerationStatus;
  complaintStatus: ComplaintStatus | undefined;
  overdueOnly: boolean;
}

export const DEFAULT_FILTERS: InboxFilters = { reviewStatus: 'pending', complaintStatus: undefined, overdueOnly: false };

/** The server's query for a view and its filters; `undefined` for a view that lists nothing (results). */
export function queryOf(view: InboxView, filters: InboxFilters, pageSize?: number): FeedbackListQuery | undefined {
  const query = listQuery(view, filters);
  // A page size the server would refuse (0, 500, NaN) is left out: its default applies.
  const limit = pageSize !== undefined && Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 100 ? pageSize : undefined;
  return query && limit ? { ...query, limit } : query;
}

function listQuery(view: InboxView, filters: InboxFilters): FeedbackListQuery | undefined {
  switch (view) {
    case 'reviews':
      return { kind: 'review', status: filters.reviewStatus };
    case 'complaints':
      return {
        kind: 'complaint',
        ...(filters.complaintStatus ? { status: filters.complaintStatus } : {}),
        ...(filters.overdueOnly ? { overdue: true } : {}),
      };
    case 'surveys':
      return { kind: 'survey' };
    default:
      return undefined;
  }
}

/** The view a string names, or `undefined` (an attribute may hold anything). */
export function viewOf(value: string | null | undefined): InboxView | undefined {
  return VIEWS.find((view) => view === value);
}

/** Still waiting for the shop's answer: open or in progress and never answered. */
const waiting = (c: Pick<Complaint, 'status' | 'answeredAt'>) => (c.status === 'open' || c.status === 'in_progress') && c.answeredAt === null;

/** 0 overdue, 1 waiting, 2 settled (answered, resolved, closed): the groups of the complaints' order. */
export function complaintGroup(complaint: Pick<Complaint, 'status' | 'dueAt' | 'answeredAt'>, now: number): 0 | 1 | 2 {
  if (isOverdue(complaint, new Date(now))) return 0;
  return waiting(complaint) ? 1 : 2;
}

/**
 * Complaints in the order staff should answer them at `now`: overdue first (the most overdue
 * first), then those still waiting by due time (soonest first), then settled ones newest first.
 * Other kinds keep their place after the complaints, in the order given. A new array; stable.
 */
export function orderComplaints<T extends Feedback>(items: readonly T[], now: number): T[] {
  const rank = (item: T) => (item.kind === 'complaint' ? complaintGroup(item, now) : 3);
  const due = (item: T) => (item.kind === 'complaint' ? Date.parse(item.dueAt) : 0);
  return items
    .map((item, index) => ({ item, index, group: rank(item), due: due(item) }))
    .sort((a, b) => a.group - b.group || (a.group === 2 ? b.due - a.due : a.due - b.due) || a.index - b.index)
    .map(({ item }) => item);
}

/**
 * The complaints' order at `now`, with each item acted on here ranked as it was before the action
 * (`before`): an answered complaint stays where the person answered it, under their keyboard,
 * rather than dropping to the settled ones; the next view or filter orders it anew.
 */
export function orderInPlace(items: readonly Feedback[], now: number, before: ReadonlyMap<string, Feedback>): Feedback[] {
  if (before.size === 0) return orderComplaints(items, now);
  const byId = new Map(items.map((item) => [item.id, item]));
  return orderComplaints(items.map((item) => before.get(item.id) ?? item), now).map((item) => byId.get(item.id) ?? item);
}

/** The items of several pages in order, each once (an item acted on or arriving moves the pages' edges). */
export function mergeItems<T extends { id: string }>(...pages: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  return pages.flat().filter((item) => !seen.has(item.id) && (seen.add(item.id), true));
}

/** What the inbox has shown of one list: the ids, and the newest creation time among them. */
export interface Seen {
  ids: ReadonlySet<string>;
  latest: string;
}

export const NOTHING_SEEN: Seen = { ids: new Set(), latest: '' };

/** `seen` with `items` added. */
export function see(seen: Seen, items: readonly Pick<Feedback, 'id' | 'createdAt'>[]): Seen {
  const ids = new Set(seen.ids);
  let latest = seen.latest;
  for (const item of items) {
    ids.add(item.id);
    if (item.createdAt > latest) latest = item.createdAt;
  }
  return { ids, latest };
}

/**
 * The items that arrived since `seen`: never shown and newer than anything shown. The newer test
 * matters: an item from beyond the first page that moves up into it (because one above was
 * published, say) was not shown, yet it is not new.
 */
export function arrivals<T extends Pick<Feedback, 'id' | 'createdAt'>>(seen: Seen, items: readonly T[]): T[] {
  if (seen.ids.size === 0) return [];
  return items.filter((item) => !seen.ids.has(item.id) && item.createdAt > seen.latest);
}

/** The later of two versions of one record (a local copy after an action, or the server's). */
function later(local: Feedback, server: Feedback): Feedback {
  const at = (item: Feedback) => (item.kind === 'survey' ? item.createdAt : item.updatedAt);
  return at(local) > at(server) ? local : server;
}

/**
 * The list to show: the server's `items` with each record acted on here replaced by its later
 * copy, and those acted on that no longer match the list (a review just published, in the
 * "pending" view) kept where they were in `previous`, so nothing jumps away from the keyboard.
 */
export function withActed(previous: readonly Feedback[], items: readonly Feedback[], acted: ReadonlyMap<string, Feedback>): Feedback[] {
  if (acted.size === 0) return [...items];
  const shown = items.map((item) => {
    const local = acted.get(item.id);
    return local ? later(local, item) : item;
  });
  const present = new Set(shown.map((item) => item.id));
  previous.forEach((item, index) => {
    const local = acted.get(item.id);
    if (local && !present.has(item.id)) {
      shown.splice(Math.min(index, shown.length), 0, local);
      present.add(item.id);
    }
  });
  return shown;
}
