import type { IngestProduct } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { productUpdated } from '../events/commerce-events.js';
import { must } from '../util/must.js';

interface Row {
  id: string;
  name: string;
  url: string | null;
  image_url: string | null;
  price: number | null;
  currency: string | null;
}

/**
 * Upserts one product by the shop's `externalId`; fields left out keep their value, null
 * clears. Order lines that named this product's `externalId` before it was synced are
 * linked to it now, so their buyers become verified buyers of it.
 */
export async function upsertProduct(tx: Queryable, input: IngestProduct, now: Date): Promise<{ id: string; created: boolean; changed: boolean }> {
  const { rows: found } = await tx.query<Row>(
    'SELECT id, name, url, image_url, price, currency FROM products WHERE external_id = $1 FOR UPDATE',
    [input.externalId],
  );
  const current = found[0];
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const price = input.price === undefined ? (current ? { amount: current.price, currency: current.currency } : null) : input.price;
  const values = [
    input.name, pick(input.url, current?.url ?? null), pick(input.imageUrl, current?.image_url ?? null),
    price?.amount ?? null, price?.currency ?? null,
  ];
  let result: { id: string; created: boolean; changed: boolean };
  if (!current) {
    // A concurrent insert of the same product wins; this one then updates it.
    const { rows } = await tx.query<{ id: string; created: boolean }>(
      `INSERT INTO products (external_id, name, url, image_url, price, currency, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
       ON CONFLICT (external_id) DO UPDATE SET name = EXCLUDED.name, url = EXCLUDED.url, image_url = EXCLUDED.image_url,
         price = EXCLUDED.price, currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at
       RETURNING id, (xmax = 0) AS created`,
      [input.externalId, ...values, now],
    );
    const row = must(rows[0], 'the upserted product');
    result = { id: row.id, created: row.created, changed: true };
  } else {
    const { rows } = await tx.query(
      `UPDATE products p SET name = $2, url = $3, image_url = $4, price = $5, currency = $6, updated_at = $7
        WHERE p.id = $1 AND (p.name, p.url, p.image_url, p.price, p.currency)
          IS DISTINCT FROM ($2::text, $3::text, $4::text, $5::int8, $6::char(3)) RETURNING p.id`,
      [current.id, ...values, now],
    );
    result = { id: current.id, created: false, changed: rows.length > 0 };
  }
  await tx.query('UPDATE order_lines SET product_id = $1 WHERE external_product_id = $2 AND product_id IS NULL', [result.id, input.externalId]);
  if (result.changed) await productUpdated(tx, { id: result.id, name: input.name, created: result.created }, now);
  return result;
}
