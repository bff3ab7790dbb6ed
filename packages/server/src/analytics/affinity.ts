// Product affinity (market-basket analysis) in SQL, for cross-selling: the products most
// often in the same counted order as a given product, with support, confidence and lift —
// the same rules and rounding as `affinity` in @kith/sdk/analytics.
import type { AffinityResponse } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { visibleCustomers, type Visibility } from '../visibility/visibility.js';

/**
 * Over the counted orders (not cancelled, returned or refunded; placed by `now`) of the
 * customers the viewer sees. A product counts once per order however many lines hold it.
 * Ratios are rounded halves up in exact numeric arithmetic: support and confidence to
 * basis points, lift to 3 decimals.
 */
export async function productAffinity(db: Queryable, v: Visibility, now: Date, productId: string, limit: number): Promise<AffinityResponse> {
  const seen = visibleCustomers(v, 'c', 3);
  const params = [now, productId, ...seen.params, limit];
  const { rows } = await db.query<{ orders: number; total: number; items: AffinityResponse['items'] | null }>(
    `WITH counted AS (
       SELECT o.id FROM orders o JOIN customers c ON c.id = o.customer_id
        WHERE o.status NOT IN ('cancelled', 'returned', 'refunded') AND o.placed_at <= $1 AND ${seen.sql}
     ), baskets AS (
       SELECT DISTINCT l.order_id, l.product_id FROM order_lines l JOIN counted ON counted.id = l.order_id
        WHERE l.product_id IS NOT NULL
     ), with_it AS (
       SELECT order_id FROM baskets WHERE product_id = $2::uuid
     ), sizes AS (
       SELECT (SELECT count(*) FROM counted)::numeric AS total, (SELECT count(*) FROM with_it)::numeric AS a
     ), pairs AS (
       SELECT b.product_id, count(*)::numeric AS together,
              (SELECT count(*) FROM baskets x WHERE x.product_id = b.product_id)::numeric AS b
         FROM baskets b JOIN with_it w ON w.order_id = b.order_id
        WHERE b.product_id <> $2::uuid
        GROUP BY b.product_id
     ), items AS (
       SELECT p.product_id, pr.name, p.together::int AS together,
              div(2 * p.together * 10000 + s.total, 2 * s.total)::int AS support_bp,
              div(2 * p.together * 10000 + s.a, 2 * s.a)::int AS confidence_bp,
              (div(2 * p.together * s.total * 1000 + s.a * p.b, 2 * s.a * p.b) / 1000)::float8 AS lift
         FROM pairs p CROSS JOIN sizes s JOIN products pr ON pr.id = p.product_id
        ORDER BY together DESC, lift DESC, p.product_id
        LIMIT $${params.length}
     )
     SELECT s.a::int AS orders, s.total::int AS total,
            (SELECT json_agg(json_build_object('productId', i.product_id, 'name', i.name, 'together', i.together,
                    'supportBp', i.support_bp, 'confidenceBp', i.confidence_bp, 'lift', i.lift)
                    ORDER BY i.together DESC, i.lift DESC, i.product_id) FROM items i) AS items
       FROM sizes s`,
    params,
  );
  const row = rows[0];
  return { productId, orders: row?.orders ?? 0, totalOrders: row?.total ?? 0, items: row?.items ?? [] };
}
