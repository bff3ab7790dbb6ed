import type { Order, OrderLine } from '@kith/schema';
import { iso, money } from '../db/rows.js';

/**
 * An `order_lines` row. Lines have no currency column: an order is charged in one
 * currency, the order's.
 */
export interface OrderLineRow {
  product_id: string | null;
  external_product_id: string | null;
  name: string;
  quantity: number;
  unit_price: number;
  total: number;
}

/** An `orders` row with its lines, as `ORDER_COLUMNS` selects it. */
export interface OrderRow {
  id: string;
  external_id: string;
  customer_id: string;
  status: Order['status'];
  subtotal: number;
  discount: number;
  tax: number;
  shipping: number;
  total: number;
  currency: string;
  placed_at: Date;
  created_at: Date;
  updated_at: Date;
  lines: OrderLineRow[];
}

/**
 * The columns `toOrder` needs, from `orders o`. The lines come along as one JSON array
 * (in line order) so a page of orders is one query; their keys are `OrderLineRow`'s.
 * Amounts in JSON are plain numbers: safe below 2^53 minor units, as everywhere.
 */
export const ORDER_COLUMNS = `o.id, o.external_id, o.customer_id, o.status, o.subtotal, o.discount, o.tax, o.shipping,
  o.total, o.currency, o.placed_at, o.created_at, o.updated_at,
  (SELECT COALESCE(jsonb_agg(jsonb_build_object('product_id', l.product_id, 'external_product_id', l.external_product_id,
      'name', l.name, 'quantity', l.quantity, 'unit_price', l.unit_price, 'total', l.total) ORDER BY l.line_no), '[]'::jsonb)
     FROM order_lines l WHERE l.order_id = o.id) AS lines`;
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_ORDERS = `SELECT ${ORDER_COLUMNS} FROM orders o`;

/** Maps a line in the order's `currency` to `OrderLine`. */
export function toOrderLine(row: OrderLineRow, currency: string): OrderLine {
  return {
    productId: row.product_id,
    externalProductId: row.external_product_id,
    name: row.name,
    quantity: row.quantity,
    unitPrice: money(row.unit_price, currency),
    total: money(row.total, currency),
  };
}

/** Maps a row with its lines to `Order`. */
export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    externalId: row.external_id,
    customerId: row.customer_id,
    status: row.status,
    lines: row.lines.map((line) => toOrderLine(line, row.currency)),
    subtotal: money(row.subtotal, row.currency),
    discount: money(row.discount, row.currency),
    tax: money(row.tax, row.currency),
    shipping: money(row.shipping, row.currency),
    total: money(row.total, row.currency),
    placedAt: iso(row.placed_at),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}
