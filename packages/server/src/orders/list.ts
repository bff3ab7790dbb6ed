// A customer's orders, newest placed first, a cursor page at a time.
import * as z from 'zod/mini';
import { Id, type OrderListQuery, type OrderPage } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import { decodeCursor, encodeCursor } from '../interactions/cursor.js';
import { ORDER_COLUMNS, toOrder, type OrderRow } from './read.js';

const DEFAULT_LIMIT = 20;
/**
 * The cursor: the last row's exact `placed_at` (microseconds, UTC — a JavaScript `Date`
 * would round them off and skip or repeat orders placed within the same millisecond) and id.
 */
const OrderCursor = z.tuple([z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)), Id]);
const CURSOR_AT = `to_char(o.placed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;

/**
 * One page of the customer's orders, with their lines, newest placed first (id breaks ties).
 * The caller has checked that the credential may see the customer.
 */
export async function listOrders(db: Queryable, customerId: string, query: OrderListQuery): Promise<OrderPage> {
  const limit = query.limit ?? DEFAULT_LIMIT;
  const params: SqlValue[] = [customerId];
  const add = (value: SqlValue) => `$${params.push(value)}`;
  const where = ['o.customer_id = $1'];
  if (query.status !== undefined) where.push(`o.status = ${add(query.status)}`);
  if (query.cursor !== undefined) {
    const [at, id] = decodeCursor(query.cursor, OrderCursor);
    where.push(`(o.placed_at, o.id) < (${add(at)}::timestamptz, ${add(id)}::uuid)`);
  }
  const { rows } = await db.query<OrderRow & { cursor_at: string }>(
    `SELECT ${ORDER_COLUMNS}, ${CURSOR_AT} FROM orders o
      WHERE ${where.join(' AND ')} ORDER BY o.placed_at DESC, o.id DESC LIMIT ${add(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(toOrder), next: rows.length > limit && last ? encodeCursor([last.cursor_at, last.id]) : null };
}
