// Pipelines with, per stage, the count, value and forecast of the deals the viewer may see.
import * as z from 'zod/mini';
import { Id, type DealTotals, type PageQuery, type PipelinePage, type PipelineWithTotals } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { decodeCursor, encodeCursor } from '../interactions/cursor.js';
import { visibleOpportunities, type Visibility } from '../visibility/visibility.js';
import { PIPELINE_COLUMNS, toPipeline, type PipelineRow } from './read.js';

interface TotalsRow {
  stage_id: string;
  n: number;
  amount: number;
  forecast: number;
}

/**
 * One aggregate per stage over every deal the viewer sees. The forecast is
 * round(Σ amount × probability / 10,000) per stage — rounded once, half up, in SQL's exact
 * `numeric` — and a pipeline's forecast is the sum of its stages' (design.md).
 */
async function stageTotals(db: Queryable, v: Visibility, pipelineIds: string[]): Promise<Map<string, TotalsRow>> {
  const visible = visibleOpportunities(v, 'o', 2);
  const { rows } = await db.query<TotalsRow>(
    `SELECT s.id AS stage_id, count(o.id)::int AS n, COALESCE(sum(o.amount), 0)::bigint AS amount,
            round(COALESCE(sum(o.amount), 0)::numeric * s.probability / 10000)::bigint AS forecast
     FROM stages s LEFT JOIN opportunities o ON o.stage_id = s.id AND ${visible.sql}
     WHERE s.pipeline_id = ANY($1::uuid[]) GROUP BY s.id, s.probability`,
    [pipelineIds, ...visible.params],
  );
  return new Map(rows.map((row) => [row.stage_id, row]));
}

async function withTotals(db: Queryable, v: Visibility, rows: PipelineRow[]): Promise<PipelineWithTotals[]> {
  const totals = await stageTotals(db, v, rows.map((row) => row.id));
  return rows.map((row) => {
    const pipeline = toPipeline(row);
    const money = (amount: number) => ({ amount, currency: pipeline.currency });
    const sum: DealTotals = { count: 0, amount: money(0), forecast: money(0) };
    const stages = pipeline.stages.map((stage) => {
      const t = totals.get(stage.id);
      const own: DealTotals = { count: t?.n ?? 0, amount: money(t?.amount ?? 0), forecast: money(t?.forecast ?? 0) };
      sum.count += own.count;
      sum.amount.amount += own.amount.amount;
      sum.forecast.amount += own.forecast.amount;
      return { ...stage, totals: own };
    });
    return { ...pipeline, stages, totals: sum };
  });
}

/** One pipeline with totals, or null. */
export async function getPipeline(db: Queryable, v: Visibility, id: string): Promise<PipelineWithTotals | null> {
  const { rows } = await db.query<PipelineRow>(`SELECT ${PIPELINE_COLUMNS} FROM pipelines p WHERE p.id = $1`, [id]);
  return (await withTotals(db, v, rows))[0] ?? null;
}

const PipelineCursor = z.tuple([z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)), Id]);
const CURSOR_AT = `to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

/** Pipelines oldest first (the shop's main pipeline is usually its first). */
export async function listPipelines(db: Queryable, v: Visibility, query: PageQuery): Promise<PipelinePage> {
  const limit = query.limit ?? 20;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor, PipelineCursor);
  const { rows } = await db.query<PipelineRow & { cursor_at: string }>(
    `SELECT ${PIPELINE_COLUMNS}, ${CURSOR_AT} FROM pipelines p
     WHERE $1::timestamptz IS NULL OR (p.created_at, p.id) > ($1::timestamptz, $2::uuid)
     ORDER BY p.created_at, p.id LIMIT $3`,
    [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: await withTotals(db, v, page),
    next: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null,
  };
}
