// A pipeline's board: its deals the viewer may see, by stage (left to right), then rank, then id.
import * as z from 'zod/mini';
import { Id, Rank, type OpportunityPage, type OpportunityQuery } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import { decodeCursor, encodeCursor } from '../interactions/cursor.js';
import { visibleOpportunities, type Visibility } from '../visibility/visibility.js';
import { OPPORTUNITY_COLUMNS, toOpportunity, type OpportunityRow } from './read.js';

const DEFAULT_LIMIT = 20;
/** The last card handed out: its stage's position, its rank and id. */
const BoardCursor = z.tuple([z.int().check(z.minimum(0)), Rank, Id]);

export async function listOpportunities(db: Queryable, v: Visibility, pipelineId: string, query: OpportunityQuery): Promise<OpportunityPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const params: SqlValue[] = [pipelineId];
  const p = (value: SqlValue) => `$${params.push(value)}`;
  const conditions = ['o.pipeline_id = $1'];
  const visible = visibleOpportunities(v, 'o', params.length + 1);
  conditions.push(visible.sql);
  params.push(...visible.params);
  if (query.stageId !== undefined) conditions.push(`o.stage_id = ${p(query.stageId)}`);
  if (query.ownerId !== undefined) conditions.push(`o.owner_id = ${p(query.ownerId)}`);
  if (query.customerId !== undefined) conditions.push(`o.customer_id = ${p(query.customerId)}`);
  if (query.cursor !== undefined) {
    const [position, rank, id] = decodeCursor(query.cursor, BoardCursor);
    conditions.push(`(s.position, o.rank, o.id) > (${p(position)}::int, ${p(rank)}::text COLLATE "C", ${p(id)}::uuid)`);
  }
  const { rows } = await db.query<OpportunityRow & { position: number }>(
    `SELECT ${OPPORTUNITY_COLUMNS}, s.position FROM opportunities o JOIN stages s ON s.id = o.stage_id
     WHERE ${conditions.join(' AND ')} ORDER BY s.position, o.rank, o.id LIMIT ${p(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toOpportunity),
    next: rows.length > limit && last ? encodeCursor([last.position, last.rank, last.id]) : null,
  };
}
