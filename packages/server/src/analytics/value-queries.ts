// The customer-value analytics routes' SQL: segments, Pareto and the churn list, over the
// customers the viewer may see. Every figure is computed in the database over all rows.
import type { ChurnItem, ChurnLevel, ParetoResponse, RfmSegment, SegmentsResponse } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import { iso, money } from '../db/rows.js';
import { visibleCustomers, type Visibility } from '../visibility/visibility.js';
import { CHURN_LEVEL_FLOOR, customerValuesCte } from './customer-values.js';

const SEGMENTS: readonly RfmSegment[] = ['champion', 'loyal', 'potential', 'new', 'promising', 'needs_attention', 'at_risk', 'cannot_lose', 'hibernating', 'lost'];

/** The one currency of the counted orders of the viewer's customers; null when none or mixed. */
async function currencyOf(db: Queryable, v: Visibility, now: Date): Promise<string | null> {
  const seen = visibleCustomers(v, 'c', 2);
  const { rows } = await db.query<{ currency: string | null }>(
    `SELECT CASE WHEN count(DISTINCT o.currency) = 1 THEN min(o.currency) END AS currency
       FROM orders o JOIN customers c ON c.id = o.customer_id
      WHERE o.status NOT IN ('cancelled', 'returned', 'refunded') AND o.placed_at <= $1 AND ${seen.sql}`,
    [now, ...seen.params],
  );
  return rows[0]?.currency?.trim() ?? null;
}

/** Count and lifetime value per RFM segment. */
export async function segments(db: Queryable, v: Visibility, now: Date): Promise<SegmentsResponse> {
  const seen = visibleCustomers(v, 'c', 2);
  const { rows } = await db.query<{ segment: RfmSegment | null; customers: number; value: number }>(
    `${customerValuesCte(1)}
     SELECT cv.segment, count(*)::int AS customers, sum(cv.ltv)::bigint AS value
       FROM customer_values cv JOIN customers c ON c.id = cv.id
      WHERE ${seen.sql}
      GROUP BY cv.segment`,
    [now, ...seen.params],
  );
  const by = new Map(rows.map((row) => [row.segment, row]));
  return {
    asOf: iso(now),
    currency: await currencyOf(db, v, now),
    customers: rows.reduce((sum, row) => sum + row.customers, 0),
    withoutOrders: by.get(null)?.customers ?? 0,
    segments: SEGMENTS.map((segment) => ({ segment, customers: by.get(segment)?.customers ?? 0, value: by.get(segment)?.value ?? 0 })),
  };
}

/** The top ⌈n / 5⌉ of the viewer's customers by lifetime value and their share (halves up). */
export async function pareto(db: Queryable, v: Visibility, now: Date): Promise<ParetoResponse> {
  const seen = visibleCustomers(v, 'c', 2);
  const { rows } = await db.query<Omit<ParetoResponse, 'asOf' | 'currency'>>(
    `${customerValuesCte(1)}, ranked AS (
       SELECT cv.ltv, row_number() OVER (ORDER BY cv.ltv DESC, cv.id) AS i, (count(*) OVER () + 4) / 5 AS k
         FROM customer_values cv JOIN customers c ON c.id = cv.id
        WHERE ${seen.sql}
     ), sums AS (
       SELECT count(*)::int AS customers, COALESCE(sum(ltv), 0)::bigint AS total,
              ((count(*) + 4) / 5)::int AS "topCount",
              COALESCE(sum(ltv) FILTER (WHERE i <= k), 0)::bigint AS "topValue",
              min(ltv) FILTER (WHERE i <= k) AS cutoff,
              count(*) FILTER (WHERE i <= k AND ltv > 0)::int AS "keyAccounts"
         FROM ranked
     )
     SELECT customers, total, "topCount", "topValue", cutoff, "keyAccounts",
            CASE WHEN total > 0 THEN div(2 * "topValue"::numeric * 10000 + total, 2 * total::numeric)::int ELSE 0 END AS "shareBp"
       FROM sums`,
    [now, ...seen.params],
  );
  const row = rows[0] ?? { customers: 0, total: 0, topCount: 0, topValue: 0, cutoff: null, keyAccounts: 0, shareBp: 0 };
  return { asOf: iso(now), currency: await currencyOf(db, v, now), ...row };
}

interface ChurnRow {
  id: string;
  name: string;
  owner_id: string | null;
  currency: string;
  churn_score: number;
  churn_level: ChurnLevel;
  orders: number;
  last_at: Date;
  since_days: number;
  cadence_days: number;
  ltv: number;
}

/**
 * Customers at `level` risk or above, highest score first, then by id; `after` is the last
 * row of the previous page. Returns one row more than `limit` when there is a next page.
 */
export async function churnList(
  db: Queryable,
  v: Visibility,
  now: Date,
  options: { level: ChurnLevel; limit: number; after: { score: number; id: string } | null },
): Promise<ChurnItem[]> {
  const seen = visibleCustomers(v, 'c', 3);
  const params: SqlValue[] = [now, CHURN_LEVEL_FLOOR[options.level], ...seen.params];
  let page = '';
  if (options.after) {
    params.push(options.after.score, options.after.id);
    page = `AND (cv.churn_score < $${params.length - 1} OR (cv.churn_score = $${params.length - 1} AND c.id > $${params.length}::uuid))`;
  }
  params.push(options.limit + 1);
  const { rows } = await db.query<ChurnRow>(
    `${customerValuesCte(1)}
     SELECT c.id, c.name, c.owner_id, c.currency, cv.churn_score, cv.churn_level, cv.orders, cv.last_at, cv.ltv,
            round(cv.since_days::numeric, 1)::float8 AS since_days, round(cv.cadence_days::numeric, 1)::float8 AS cadence_days
       FROM customer_values cv JOIN customers c ON c.id = cv.id
      WHERE cv.churn_score >= $2 AND ${seen.sql} ${page}
      ORDER BY cv.churn_score DESC, c.id
      LIMIT $${params.length}`,
    params,
  );
  return rows.map((row) => ({
    customerId: row.id,
    name: row.name,
    ownerId: row.owner_id,
    churnRisk: { level: row.churn_level, score: row.churn_score },
    orderCount: row.orders,
    lastOrderAt: iso(row.last_at),
    daysSinceLastOrder: row.since_days,
    cadenceDays: row.cadence_days,
    lifetimeValue: money(row.ltv, row.currency),
  }));
}
