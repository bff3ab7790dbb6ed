// What the filter bar and the pending notes share (both chunks of their own): the facets, the
// filters as the server's query, and whether a note written here would match them.
import { InteractionChannel, InteractionPhase, InteractionType, type CreateInteraction, type InteractionQuery } from '@kith/schema';
import type { TimelineFilters } from './timeline.model.js';

export type Facet = 'channel' | 'type' | 'phase';
export const FACETS: Record<Facet, readonly string[]> = {
  channel: InteractionChannel.options,
  type: InteractionType.options,
  phase: InteractionPhase.options,
};
/** Whether an interaction written here (still in the outbox) would be shown under these filters. */
export function matchesFilters(item: CreateInteraction, filters: TimelineFilters): boolean {
  const q = filters.q.toLowerCase();
  return (
    (!filters.channel.length || filters.channel.includes(item.channel)) &&
    (!filters.type.length || filters.type.includes(item.type)) &&
    (!filters.phase.length || filters.phase.includes(item.phase)) &&
    (!q || item.summary.toLowerCase().includes(q) || (item.body ?? '').toLowerCase().includes(q))
  );
}


/** The filters as a query, empty ones left out (so the same filters give the same query). */
export function queryOf(filters: TimelineFilters): InteractionQuery {
  const query: InteractionQuery = {};
  if (filters.channel.length) query.channel = filters.channel;
  if (filters.type.length) query.type = filters.type;
  if (filters.phase.length) query.phase = filters.phase;
  if (filters.q) query.q = filters.q;
  return query;
}
