// A product named the way a shop's page names it: Kith's id, or the shop's own id / SKU.
import type { ProductRef } from '@kith/schema';
import type { Queryable } from '../db/database.js';

/** What Postgres casts to `uuid` in the form the API writes ids (either case). */
const UUID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Kith's product id for each reference (`ProductRef`), null for an unknown one, in ONE
 * parameterised query. A reference in UUID form is looked up as an id first, then as an
 * external id (a shop may use UUIDs of its own); anything else as an external id only — it
 * is never cast to `uuid`, which would fail the statement. `products.external_id` is UNIQUE
 * (migration 0001), so both lookups are index scans.
 */
export async function resolveProducts(q: Queryable, refs: readonly ProductRef[]): Promise<Map<ProductRef, string | null>> {
  const distinct = [...new Set(refs)];
  const { rows } = await q.query<{ ref: string; id: string | null }>(
    `SELECT r.ref, COALESCE((SELECT p.id FROM products p WHERE p.id = r.as_id),
                            (SELECT p.id FROM products p WHERE p.external_id = r.ref)) AS id
       FROM unnest($1::text[], $2::uuid[]) AS r(ref, as_id)`,
    [distinct, distinct.map((ref) => (UUID_FORM.test(ref) ? ref : null))],
  );
  return new Map(rows.map((row) => [row.ref, row.id]));
}

/** Kith's id of one referenced product, or null when no product has that reference. */
export async function resolveProduct(q: Queryable, ref: ProductRef): Promise<string | null> {
  return (await resolveProducts(q, [ref])).get(ref) ?? null;
}
