import type { Opportunity } from '@kith/schema';
import { iso, money } from '../db/rows.js';

/** An `opportunities` row as `OPPORTUNITY_COLUMNS` selects it. */
export interface OpportunityRow {
  id: string;
  pipeline_id: string;
  stage_id: string;
  customer_id: string;
  title: string;
  amount: number;
  currency: string;
  expected_close: string | null;
  owner_id: string | null;
  rank: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

/**
 * The columns `toOpportunity` needs, from `opportunities o`. The `date` column is
 * formatted in SQL: drivers turn a bare date into a local-midnight Date, which shifts
 * the day in time zones west or east of UTC.
 */
export const OPPORTUNITY_COLUMNS = `o.id, o.pipeline_id, o.stage_id, o.customer_id, o.title, o.amount, o.currency,
  to_char(o.expected_close, 'YYYY-MM-DD') AS expected_close, o.owner_id, o.rank, o.version, o.created_at, o.updated_at`;
/** Append WHERE / ORDER BY / LIMIT (a column: `ORDER BY o.rank`). */
export const SELECT_OPPORTUNITIES = `SELECT ${OPPORTUNITY_COLUMNS} FROM opportunities o`;

/** Maps a row to `Opportunity`. */
export function toOpportunity(row: OpportunityRow): Opportunity {
  return {
    id: row.id,
    pipelineId: row.pipeline_id,
    stageId: row.stage_id,
    customerId: row.customer_id,
    title: row.title,
    amount: money(row.amount, row.currency),
    expectedClose: row.expected_close,
    ownerId: row.owner_id,
    rank: row.rank,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
