// Pure pieces of moving, sorting and filtering cards (the tools chunk): what the board shows is the
// server's deals, with the newer copies this page knows, the moves not yet on the server, the
// filters and each column's sort, and the card being moved at the place it would drop.
import type { Opportunity } from '@kith/schema';
import { byRank } from './pipeline.model.js';

/** A column's order: by rank (the only one a person reorders), by amount (largest first) or by expected close (soonest first). */
export const SORTS = ['rank', 'amount', 'close'] as const;
export type SortKey = (typeof SORTS)[number];

/** A move sent or waiting in the outbox: where the card goes, and the version it was made against. */
export interface PendingMove {
  id: string;
  stageId: string;
  afterId: string | null;
  beforeId: string | null;
  version: number;
}

/** The card being moved: where it was, and where it would drop (an index in the target column as shown). */
export interface Lift {
  id: string;
  fromStage: string;
  fromIndex: number;
  stageId: string;
  index: number;
}

export interface Filters {
  /** A staff id; `''` everyone, `'-'` deals without an owner. */
  owner: string;
  /** Words the title contains (any case). */
  q: string;
}

/** The board's deals with the newer copies this page received (a sent move's answer) in their place. */
export function withNewer(deals: readonly Opportunity[], newer: ReadonlyMap<string, Opportunity>): Opportunity[] {
  if (newer.size === 0) return [...deals];
  return deals.map((deal) => {
    const mine = newer.get(deal.id);
    return mine && mine.version > deal.version ? mine : deal;
  });
}

/** Moves the board has not caught up with (its copy of the deal is no newer than the version moved). */
export function stillPending(moves: readonly PendingMove[], deals: readonly Opportunity[]): PendingMove[] {
  const versions = new Map(deals.map((deal) => [deal.id, deal.version]));
  return moves.filter((move) => (versions.get(move.id) ?? move.version) <= move.version);
}

/**
 * Each move applied to rank-ordered columns, as the server will place it: right after `afterId`,
 * else right before `beforeId`, else at the end of the stage.
 */
export function applyMoves(columns: Map<string, Opportunity[]>, moves: readonly PendingMove[]): Map<string, Opportunity[]> {
  for (const move of moves) {
    let card: Opportunity | undefined;
    for (const list of columns.values()) {
      const at = list.findIndex((deal) => deal.id === move.id);
      if (at >= 0) [card] = list.splice(at, 1);
    }
    const target = columns.get(move.stageId);
    if (!card || !target) continue;
    const after = move.afterId ? target.findIndex((deal) => deal.id === move.afterId) : -1;
    const before = move.beforeId ? target.findIndex((deal) => deal.id === move.beforeId) : -1;
    const at = after >= 0 ? after + 1 : before >= 0 ? before : target.length;
    target.splice(at, 0, { ...card, stageId: move.stageId });
  }
  return columns;
}

const closeKey = (deal: Opportunity) => deal.expectedClose ?? '9999-99-99';

/** A column as shown: the deals that pass the filters, in the column's sort (ties in rank order). */
export function shown(list: readonly Opportunity[], filters: Filters, sort: SortKey): Opportunity[] {
  const q = filters.q.trim().toLocaleLowerCase();
  const kept = list.filter(
    (deal) =>
      (filters.owner === '' || (deal.ownerId ?? '-') === filters.owner) &&
      (q === '' || deal.title.toLocaleLowerCase().includes(q)),
  );
  if (sort === 'amount') kept.sort((a, b) => b.amount.amount - a.amount.amount || byRank(a, b));
  if (sort === 'close') kept.sort((a, b) => (closeKey(a) < closeKey(b) ? -1 : closeKey(a) > closeKey(b) ? 1 : byRank(a, b)));
  return kept;
}

/** Where a card goes in a sorted column (its place in the sort), or at `index` in a column in rank order. */
export function insertAt(list: readonly Opportunity[], card: Opportunity, sort: SortKey, index: number): number {
  if (sort === 'rank') return Math.max(0, Math.min(index, list.length));
  return shown([...list, card], { owner: '', q: '' }, sort).indexOf(card);
}

/** The neighbours a drop names to the server: the cards shown just above and below it (rank order only). */
export function neighboursOf(list: readonly Opportunity[], index: number, sort: SortKey): { afterId: string | null; beforeId: string | null } {
  if (sort !== 'rank') return { afterId: null, beforeId: null };
  return { afterId: list[index - 1]?.id ?? null, beforeId: list[index + 1]?.id ?? null };
}
