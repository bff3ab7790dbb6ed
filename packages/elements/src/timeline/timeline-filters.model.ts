// What the filter bar and the pending notes share (both chunks of their own): the facets, and
// whether a note written here would match the filters the server applies.
import { InteractionChannel, InteractionPhase, InteractionType, type CreateInteraction } from '@kith/schema';
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

