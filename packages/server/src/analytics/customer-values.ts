/**
 * Customer value in SQL, as of a given time — the same rules as `value.ts` (which the seed
 * and ingestion store on customers) and `@kith/sdk/analytics` (see the SDK README):
 * - orders count unless cancelled, returned or refunded, and only when placed by `now`;
 * - RFM: quintile scores among all buyers, min(5, 1 + ⌊5 × below / n⌋) where `below` counts
 *   buyers strictly lower (`rank() − 1`), so ties share a score; the segment from (R, F);
 * - churn: days since the last order / max(cadence, 1); cadence is the customer's own
 *   (last − first) / (orders − 1), or the shop's for one-order customers (the repeat
 *   buyers' cadences sorted, the one at index ⌊n / 2⌋; 90 days without any); the score is
 *   (ratio − 0.5) / 2.5 clamped to 0…1 in basis points, halves up.
 * Arithmetic: time differences are exact milliseconds (numeric) turned into float8 and
 * divided in the same order as the TypeScript, so both give the same doubles; rounding
 * is Math.round's (halves up), written out because float8 `round()` rounds halves to even.
 *
 * Scores are the shop's: every customer is scored among all buyers, whoever looks; the
 * routes then keep the rows the viewer may see.
 */

/** The segment grid (rfmSegment in value.ts and the SDK) over the score expressions `r` and `f`. */
export const segmentSql = (r: string, f: string) => `CASE
    WHEN ${r} IS NULL THEN NULL
    WHEN ${r} >= 4 THEN CASE WHEN ${f} >= 4 THEN 'champion' WHEN ${f} = 3 THEN 'loyal' WHEN ${f} = 2 THEN 'potential'
                             WHEN ${r} = 5 THEN 'new' ELSE 'promising' END
    WHEN ${r} = 3 THEN CASE WHEN ${f} >= 3 THEN 'loyal' ELSE 'needs_attention' END
    WHEN ${f} = 5 THEN 'cannot_lose'
    WHEN ${f} >= 3 THEN 'at_risk'
    WHEN ${r} = 2 THEN 'hibernating'
    ELSE 'lost' END`;

/** Exact milliseconds between two timestamptz expressions, as float8. */
const ms = (later: string, earlier: string) => `((extract(epoch FROM ${later}) - extract(epoch FROM ${earlier})) * 1000)::float8`;

/**
 * `WITH …` defining `customer_values` (one row per customer: `id`, `ltv`, `orders`,
 * `first_at`, `last_at`, `r`, `f`, `m`, `segment`, and for buyers `since_days`,
 * `cadence_days`, `churn_score`, `churn_level`). `$<nowParam>` is the as-of time.
 */
export function customerValuesCte(nowParam: number): string {
  const now = `$${nowParam}::timestamptz`;
  return `WITH counted AS (
    SELECT o.customer_id, o.total, o.placed_at FROM orders o
     WHERE o.status NOT IN ('cancelled', 'returned', 'refunded') AND o.placed_at <= ${now}
  ), per_customer AS (
    SELECT c.id, COALESCE(sum(v.total), 0)::bigint AS ltv, count(v.customer_id)::int AS orders,
           min(v.placed_at) AS first_at, max(v.placed_at) AS last_at
      FROM customers c LEFT JOIN counted v ON v.customer_id = c.id
     GROUP BY c.id
  ), buyers AS (
    SELECT p.*, count(*) OVER () AS n,
           CASE WHEN p.orders > 1 THEN ${ms('p.last_at', 'p.first_at')} / 86400000::float8 / (p.orders - 1)::float8 END AS own_cadence
      FROM per_customer p WHERE p.orders > 0
  ), shop AS (
    SELECT COALESCE((
      SELECT g.own_cadence FROM (
        SELECT own_cadence, row_number() OVER (ORDER BY own_cadence) AS i, count(*) OVER () AS k
          FROM buyers WHERE own_cadence IS NOT NULL) g
       WHERE g.i = g.k / 2 + 1), 90::float8) AS cadence
  ), scored AS (
    SELECT b.id,
           least(5, 1 + (5 * (rank() OVER (ORDER BY b.last_at) - 1)) / b.n)::int AS r,
           least(5, 1 + (5 * (rank() OVER (ORDER BY b.orders) - 1)) / b.n)::int AS f,
           least(5, 1 + (5 * (rank() OVER (ORDER BY b.ltv) - 1)) / b.n)::int AS m,
           ${ms(now, 'b.last_at')} / 86400000::float8 AS since_days,
           COALESCE(b.own_cadence, shop.cadence) AS cadence_days
      FROM buyers b CROSS JOIN shop
  ), risk AS (
    SELECT s.*, least(1::float8, greatest(0::float8,
             (s.since_days / greatest(s.cadence_days, 1::float8) - 0.5::float8) / 2.5::float8)) * 10000::float8 AS x
      FROM scored s
  ), churn AS (
    SELECT k.*, (CASE WHEN k.x - floor(k.x) >= 0.5::float8 THEN floor(k.x) + 1 ELSE floor(k.x) END)::int AS churn_score
      FROM risk k
  ), customer_values AS (
    SELECT p.id, p.ltv, p.orders, p.first_at, p.last_at, s.r, s.f, s.m, ${segmentSql('s.r', 's.f')} AS segment,
           s.since_days, s.cadence_days, s.churn_score,
           CASE WHEN s.churn_score < 3334 THEN 'low' WHEN s.churn_score < 6667 THEN 'medium' ELSE 'high' END AS churn_level
      FROM per_customer p LEFT JOIN churn s ON s.id = p.id
  )`;
}

/** Lowest churn score of each level (the SDK's thresholds). */
export const CHURN_LEVEL_FLOOR = { low: 0, medium: 3334, high: 6667 } as const;
