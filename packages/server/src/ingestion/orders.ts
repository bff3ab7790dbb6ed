import type { IngestOrder } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { orderIngested } from '../events/commerce-events.js';
import { ItemError } from './item-error.js';

/** What the points rule needs of an upserted order. */
export interface UpsertedOrder {
  id: string;
  externalId: string;
  customerId: string;
  status: string;
  total: number;
  currency: string;
  created: boolean;
  changed: boolean;
}

/** The order's customer, by Kith id or the shop's id; 400 naming the field when unknown. */
async function customerOf(tx: Queryable, input: IngestOrder): Promise<string> {
  const [path, sql, value] = input.customerId !== undefined
    ? (['customerId', 'SELECT id FROM customers WHERE id = $1', input.customerId] as const)
    : (['customerExternalId', 'SELECT id FROM customers WHERE external_id = $1', input.customerExternalId ?? ''] as const);
  const { rows } = await tx.query<{ id: string }>(sql, [value]);
  const id = rows[0]?.id;
  if (!id) throw new ItemError(400, { path: [path], message: 'No such customer: ingest the customer first.' });
  return id;
}

interface LineRow {
  line_no: number;
  product_id: string | null;
  external_product_id: string | null;
  name: string;
  quantity: number;
  unit_price: number;
  total: number;
}

/**
 * The lines as stored: a `productId` must exist (400 otherwise); an `externalProductId`
 * links to the product with that id if it is synced already, else stays unlinked until
 * the product is (see `upsertProduct`).
 */
async function linesOf(tx: Queryable, input: IngestOrder): Promise<LineRow[]> {
  const ids = input.lines.flatMap((line) => (line.productId ? [line.productId] : []));
  const externals = input.lines.flatMap((line) => (!line.productId && line.externalProductId ? [line.externalProductId] : []));
  const { rows } = await tx.query<{ id: string; external_id: string | null }>(
    'SELECT id, external_id FROM products WHERE id = ANY($1::uuid[]) OR external_id = ANY($2::text[])',
    [ids, externals],
  );
  const byExternal = new Map(rows.flatMap((row) => (row.external_id ? [[row.external_id, row.id] as const] : [])));
  const known = new Set(rows.map((row) => row.id));
  return input.lines.map((line, i) => {
    if (line.productId && !known.has(line.productId)) {
      throw new ItemError(400, { path: ['lines', i, 'productId'], message: 'No product with this id.' });
    }
    const external = line.externalProductId ?? null;
    return {
      line_no: i + 1,
      product_id: line.productId ?? (external ? byExternal.get(external) ?? null : null),
      external_product_id: external,
      name: line.name,
      quantity: line.quantity,
      unit_price: line.unitPrice.amount,
      total: line.total.amount,
    };
  });
}

const sameLines = (a: readonly LineRow[], b: readonly LineRow[]) =>
  a.length === b.length &&
  a.every((x, i) => {
    const y = b[i];
    return !!y && x.product_id === y.product_id && x.external_product_id === y.external_product_id && x.name === y.name &&
      x.quantity === y.quantity && x.unit_price === y.unit_price && x.total === y.total;
  });

/**
 * Upserts one order by the shop's order number, lines included. Re-sending the same order
 * changes nothing (`updated_at` moves only when the order or a line changed).
 */
export async function upsertOrder(tx: Queryable, input: IngestOrder, now: Date): Promise<UpsertedOrder> {
  const customerId = await customerOf(tx, input);
  const lines = await linesOf(tx, input);
  const currency = input.total.currency;
  const values = [
    customerId, input.status, input.subtotal.amount, input.discount?.amount ?? 0, input.tax?.amount ?? 0,
    input.shipping?.amount ?? 0, input.total.amount, currency, new Date(input.placedAt),
  ];
  const result = { externalId: input.externalId, customerId, status: input.status, total: input.total.amount, currency };

  // Insert or, when the shop's order number is known (now or by a concurrent write), lock it.
  const { rows: inserted } = await tx.query<{ id: string }>(
    `INSERT INTO orders (external_id, customer_id, status, subtotal, discount, tax, shipping, total, currency, placed_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) ON CONFLICT (external_id) DO NOTHING RETURNING id`,
    [input.externalId, ...values, now],
  );
  const newId = inserted[0]?.id;
  if (newId) {
    await insertLines(tx, newId, lines);
    const order = { id: newId, ...result, created: true, changed: true };
    await orderIngested(tx, order, now);
    return order;
  }
  const { rows: found } = await tx.query<{ id: string }>(
    'SELECT id FROM orders WHERE external_id = $1 FOR UPDATE',
    [input.externalId],
  );
  const existing = found[0];
  if (!existing) throw new Error('order upsert: the conflicting order vanished');
  const { rows: updated } = await tx.query(
    `UPDATE orders o SET customer_id = $2, status = $3, subtotal = $4, discount = $5, tax = $6, shipping = $7, total = $8,
        currency = $9, placed_at = $10, updated_at = $11
      WHERE o.id = $1 AND (o.customer_id, o.status, o.subtotal, o.discount, o.tax, o.shipping, o.total, o.currency, o.placed_at)
        IS DISTINCT FROM ($2::uuid, $3::text, $4::int8, $5::int8, $6::int8, $7::int8, $8::int8, $9::char(3), $10::timestamptz)
      RETURNING o.id`,
    [existing.id, ...values, now],
  );
  const { rows: stored } = await tx.query<LineRow>(
    `SELECT line_no, product_id, external_product_id, name, quantity, unit_price, total
       FROM order_lines WHERE order_id = $1 ORDER BY line_no`,
    [existing.id],
  );
  const linesChanged = !sameLines(stored, lines);
  if (linesChanged) {
    await tx.query('DELETE FROM order_lines WHERE order_id = $1', [existing.id]);
    await insertLines(tx, existing.id, lines);
    await tx.query('UPDATE orders SET updated_at = $2 WHERE id = $1', [existing.id, now]);
  }
  const order = { id: existing.id, ...result, created: false, changed: updated.length > 0 || linesChanged };
  // Re-sending the same order changes nothing, and announces nothing.
  if (order.changed) await orderIngested(tx, order, now);
  return order;
}

async function insertLines(tx: Queryable, orderId: string, lines: readonly LineRow[]): Promise<void> {
  await tx.query(
    `INSERT INTO order_lines (order_id, line_no, product_id, external_product_id, name, quantity, unit_price, total)
     SELECT $1, x.line_no, x.product_id, x.external_product_id, x.name, x.quantity, x.unit_price, x.total
       FROM jsonb_to_recordset($2::jsonb) AS x(line_no int, product_id uuid, external_product_id text, name text,
            quantity int, unit_price int8, total int8)`,
    [orderId, JSON.stringify(lines)],
  );
}
