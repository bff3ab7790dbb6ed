// Pure pieces of the board as it first shows: columns in rank order, the board's state, dates.
// (The totals the board works out itself, with its tools, are in board-totals.ts.)
import { BOARD_PAGE_MAX, type Opportunity, type OpportunityQuery, type Stage } from '@kith/schema';
import { dateTimeFormat } from '../internal/format.js';
import { ResourceStatus } from '../internal/resource-controller.js';

/** Rank order within a stage, as the server's (rank in byte order, then id). */
export const byRank = (a: Opportunity, b: Opportunity): number =>
  a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Each stage's deals in rank order (stages with no deal get an empty list; deals of unknown stages are left out). */
export function columnsOf(stages: readonly Stage[], deals: readonly Opportunity[]): Map<string, Opportunity[]> {
  const columns = new Map<string, Opportunity[]>(stages.map((stage) => [stage.id, []]));
  for (const deal of deals) columns.get(deal.stageId)?.push(deal);
  for (const list of columns.values()) list.sort(byRank);
  return columns;
}

/** From the state that says least to the one that says most: the board shows the more telling of its two reads. */
const WEIGHT: readonly ResourceStatus[] = [
  ResourceStatus.ready, ResourceStatus.empty, ResourceStatus.stale, ResourceStatus.offline, ResourceStatus.loading,
  ResourceStatus.idle, ResourceStatus.error, ResourceStatus.notFound, ResourceStatus.notAuthorized,
];

/** The board's state from the pipeline's and the board's reads (empty only when the pipeline is ready and the board empty). */
export function boardStatus(pipeline: ResourceStatus, board: ResourceStatus): ResourceStatus {
  return WEIGHT.indexOf(pipeline) >= WEIGHT.indexOf(board) ? pipeline : board;
}

/** A calendar date (no time zone of its own, "2027-03-12"), formatted as the date it is, in UTC ("Mar 12, 2027"). */
export const calendarDay = (date: string, locale: string): string => dateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(date));

/** The query of every page of a board: the largest pages, and one customer's deals when it is for one. */
export const boardQuery = (customerId: string | undefined): OpportunityQuery =>
  customerId ? { limit: BOARD_PAGE_MAX, customerId } : { limit: BOARD_PAGE_MAX };
