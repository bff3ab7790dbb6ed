import type { Queryable } from '../db/database.js';
import { customerValues, type CustomerValueFigures } from '../analytics/value.js';

/**
 * Serialises value refreshes across transactions (PostgreSQL): RFM quintiles and the
 * top-20 % key accounts are relative to every customer, so two order ingestions refreshing
 * at once would each miss the other's order. Taken first thing in a write that refreshes,
 * before any row lock, so it cannot deadlock with them. ("kitv" in ASCII.)
 */
export async function lockValues(tx: Queryable): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [0x6b697476]);
}

/** A customer's stored value columns (the readers' and the demo seed's rows carry them too). */
export interface CustomerValueColumns {
  id: string;
  currency: string;
  lifetime_value: number;
  order_count: number;
  first_order_at: Date | null;
  last_order_at: Date | null;
  rfm_recency: number | null;
  rfm_frequency: number | null;
  rfm_monetary: number | null;
  segment: string | null;
  key_account: boolean;
  churn_level: string | null;
  churn_score: number | null;
}

/** The stored columns of one customer's figures, in `CustomerValueColumns`'s shape. */
function columns(id: string, currency: string, f: CustomerValueFigures): CustomerValueColumns {
  return {
    id, currency,
    lifetime_value: f.lifetimeValue,
    order_count: f.orderCount,
    first_order_at: f.firstOrderAt,
    last_order_at: f.lastOrderAt,
    rfm_recency: f.rfm?.recency ?? null,
    rfm_frequency: f.rfm?.frequency ?? null,
    rfm_monetary: f.rfm?.monetary ?? null,
    segment: f.segment,
    key_account: f.keyAccount,
    churn_level: f.churn?.level ?? null,
    churn_score: f.churn?.score ?? null,
  };
}

const time = (d: Date | null) => d?.getTime() ?? null;
const same = (a: CustomerValueColumns, b: CustomerValueColumns) =>
  a.lifetime_value === b.lifetime_value && a.order_count === b.order_count &&
  time(a.first_order_at) === time(b.first_order_at) && time(a.last_order_at) === time(b.last_order_at) &&
  a.rfm_recency === b.rfm_recency && a.rfm_frequency === b.rfm_frequency && a.rfm_monetary === b.rfm_monetary &&
  a.segment === b.segment && a.key_account === b.key_account && a.churn_level === b.churn_level && a.churn_score === b.churn_score;

/**
 * Recomputes every customer's value figures from the orders (lifetime value, order count,
 * first/last order, RFM and segment, key account, churn risk — `analytics/value.ts`) as of
 * `now`, and writes the rows that changed, in one statement. Only orders in the customer's
 * own currency count (no exchange rates). The figures are derived, so `version` (the
 * profile's edit counter) does not move. Returns how many customers changed.
 */
export async function refreshValues(tx: Queryable, now: Date): Promise<number> {
  const { rows: stored } = await tx.query<CustomerValueColumns>(
    `SELECT id, currency, lifetime_value, order_count, first_order_at, last_order_at, rfm_recency, rfm_frequency,
            rfm_monetary, segment, key_account, churn_level, churn_score FROM customers ORDER BY id`,
  );
  const { rows: orders } = await tx.query<{ customer_id: string; status: string; total: number; placed_at: Date }>(
    `SELECT o.customer_id, o.status, o.total, o.placed_at FROM orders o
       JOIN customers c ON c.id = o.customer_id AND c.currency = o.currency`,
  );
  const figures = customerValues(
    stored.map((row) => row.id),
    orders.map((o) => ({ customerId: o.customer_id, status: o.status, total: o.total, placedAt: o.placed_at })),
    now,
  );
  const changed = stored.flatMap((row) => {
    const f = figures.get(row.id);
    const next = f ? columns(row.id, row.currency, f) : null;
    return next && !same(row, next) ? [next] : [];
  });
  if (changed.length === 0) return 0;
  await tx.query(
    `UPDATE customers c SET lifetime_value = v.lifetime_value, order_count = v.order_count,
        first_order_at = v.first_order_at, last_order_at = v.last_order_at, rfm_recency = v.rfm_recency,
        rfm_frequency = v.rfm_frequency, rfm_monetary = v.rfm_monetary, segment = v.segment,
        key_account = v.key_account, churn_level = v.churn_level, churn_score = v.churn_score
       FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, lifetime_value int8, order_count int, first_order_at timestamptz,
        last_order_at timestamptz, rfm_recency int2, rfm_frequency int2, rfm_monetary int2, segment text,
        key_account boolean, churn_level text, churn_score int)
      WHERE c.id = v.id`,
    [JSON.stringify(changed)],
  );
  return changed.length;
}
