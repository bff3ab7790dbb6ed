import type { ReviewAggregate } from '@kith/schema';
import type { Queryable } from '../db/database.js';

interface AggregateRow {
  product_id: string;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
  r5: number;
}

/**
 * The star summaries of several products' published reviews in ONE query (a listing page
 * asks for 20 products at once): one row per requested id, zero counts for a product
 * without reviews. Results follow the order of `productIds`, duplicates dropped.
 */
export async function reviewAggregates(q: Queryable, productIds: readonly string[]): Promise<ReviewAggregate[]> {
  const ids = [...new Set(productIds)];
  const { rows } = await q.query<AggregateRow>(
    `SELECT p.id AS product_id,
            count(f.id) FILTER (WHERE f.rating = 1)::int AS r1,
            count(f.id) FILTER (WHERE f.rating = 2)::int AS r2,
            count(f.id) FILTER (WHERE f.rating = 3)::int AS r3,
            count(f.id) FILTER (WHERE f.rating = 4)::int AS r4,
            count(f.id) FILTER (WHERE f.rating = 5)::int AS r5
       FROM unnest($1::uuid[]) AS p(id)
       LEFT JOIN feedback f ON f.product_id = p.id AND f.kind = 'review' AND f.moderation_status = 'published'
      GROUP BY p.id`,
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.product_id, row]));
  return ids.map((id) => toAggregate(id, byId.get(id)));
}

/**
 * Counts per star, and the average rounded half up to 2 decimals from the integer sums
 * (hundredths computed in integers, so 4.125 cannot become 4.12 through a float).
 */
function toAggregate(productId: string, row: AggregateRow | undefined): ReviewAggregate {
  const distribution = { 1: row?.r1 ?? 0, 2: row?.r2 ?? 0, 3: row?.r3 ?? 0, 4: row?.r4 ?? 0, 5: row?.r5 ?? 0 };
  const count = distribution[1] + distribution[2] + distribution[3] + distribution[4] + distribution[5];
  const stars = distribution[1] + 2 * distribution[2] + 3 * distribution[3] + 4 * distribution[4] + 5 * distribution[5];
  const hundredths = count === 0 ? null : Math.floor((stars * 200 + count) / (2 * count));
  return { productId, count, average: hundredths === null ? null : hundredths / 100, distribution };
}
