// Where a card lands in a stage: a rank strictly between its new neighbours. The stage is
// locked by the caller (guard.ts `lockStage`), so the neighbours read here stay put.
import type { Queryable } from '../db/database.js';
import { opportunityEvent, type OpportunityState } from '../events/pipeline-events.js';
import { visibleOpportunities, type Visibility } from '../visibility/visibility.js';
import { badField } from './guard.js';
import { RankSpaceError, rankBetween, spreadRanks } from './rank.js';

export interface Placement {
  stageId: string;
  /** The card being moved (left out of its new column's neighbours), or null for a new one. */
  movingId: string | null;
  afterId?: string | null | undefined;
  beforeId?: string | null | undefined;
}

/** The rank of a neighbour the viewer named: a visible card of the target stage, not the moving one. */
async function anchorRank(tx: Queryable, v: Visibility, place: Placement, field: 'afterId' | 'beforeId'): Promise<string | null> {
  const id = place[field];
  if (id === undefined || id === null) return null;
  const visible = visibleOpportunities(v, 'o', 4);
  const { rows } = await tx.query<{ rank: string }>(
    `SELECT o.rank FROM opportunities o
     WHERE o.id = $1 AND o.stage_id = $2 AND o.id IS DISTINCT FROM $3::uuid AND ${visible.sql}`,
    [id, place.stageId, place.movingId, ...visible.params],
  );
  const rank = rows[0]?.rank;
  if (rank === undefined) throw badField(field, 'is not a card of the target stage');
  return rank;
}

/**
 * The closest rank on one side among ALL cards of the stage (hidden ones too: ranks are
 * global), so the new rank falls right next to the named card.
 */
async function closest(tx: Queryable, place: Placement, side: 'below' | 'above', of: string | null): Promise<string | null> {
  const sql =
    side === 'below'
      ? `SELECT max(o.rank) AS rank FROM opportunities o WHERE o.stage_id = $1 AND o.id IS DISTINCT FROM $2::uuid
           AND ($3::text IS NULL OR o.rank < $3::text COLLATE "C")`
      : `SELECT min(o.rank) AS rank FROM opportunities o WHERE o.stage_id = $1 AND o.id IS DISTINCT FROM $2::uuid
           AND o.rank > $3::text COLLATE "C"`;
  const { rows } = await tx.query<{ rank: string | null }>(sql, [place.stageId, place.movingId, of]);
  return rows[0]?.rank ?? null;
}

async function neighbours(tx: Queryable, v: Visibility, place: Placement): Promise<[string | null, string | null]> {
  const after = await anchorRank(tx, v, place, 'afterId');
  const before = await anchorRank(tx, v, place, 'beforeId');
  if (after !== null && before !== null) {
    if (after >= before) throw badField('beforeId', 'must come after afterId in the stage');
    return [after, before];
  }
  if (after !== null) return [after, await closest(tx, place, 'above', after)];
  // Before a card: after the one above it; neither: after the last card (the end of the column).
  return [await closest(tx, place, 'below', before), before];
}

/**
 * Renumbers a stage evenly (the moving card left out). Only needed when two neighbours
 * leave no room within 64 characters — practically never with `rankBetween`'s steps —
 * and it changes ranks only, which are positions, not content: versions stay. Open boards
 * hear each card's new rank (`opportunity.moved` within its stage).
 */
async function renumber(tx: Queryable, place: Placement, now: Date): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT o.id FROM opportunities o WHERE o.stage_id = $1 AND o.id IS DISTINCT FROM $2::uuid ORDER BY o.rank, o.id',
    [place.stageId, place.movingId],
  );
  const ranks = spreadRanks(rows.length);
  const { rows: renumbered } = await tx.query<{ id: string; pipelineId: string; stageId: string; rank: string; version: number; ownerId: string | null; customerId: string }>(
    `UPDATE opportunities o SET rank = r.rank FROM unnest($1::uuid[], $2::text[]) AS r(id, rank) WHERE o.id = r.id
     RETURNING o.id, o.pipeline_id AS "pipelineId", o.stage_id AS "stageId", o.rank, o.version, o.owner_id AS "ownerId",
               o.customer_id AS "customerId"`,
    [rows.map((row) => row.id), ranks],
  );
  for (const card of renumbered satisfies OpportunityState[]) await opportunityEvent(tx, 'opportunity.moved', card, now);
}

/** The new rank for a card placed in a (locked) stage; `now` dates a renumbering's events. */
export async function rankFor(tx: Queryable, v: Visibility, place: Placement, now: Date): Promise<string> {
  try {
    return rankBetween(...(await neighbours(tx, v, place)));
  } catch (error) {
    if (!(error instanceof RankSpaceError)) throw error;
    await renumber(tx, place, now);
    return rankBetween(...(await neighbours(tx, v, place)));
  }
}
