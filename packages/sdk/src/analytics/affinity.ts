import type { Order, OrderLine } from '@kith/schema';
import { countedOrders } from './orders.js';
import { divideHalfUp } from '@kith/schema';

/** What affinity reads of an order: an `Order` from the API fits as it is. */
export type BasketOrder = Pick<Order, 'status' | 'placedAt'> & { lines: readonly Pick<OrderLine, 'productId'>[] };

/** A product bought together with the one asked about. */
export interface AffinityItem {
  productId: string;
  /** Counted orders holding both products. */
  together: number;
  /** `together / all counted orders`, basis points, halves up. */
  supportBp: number;
  /** `together / orders holding the product asked about`, basis points, halves up. */
  confidenceBp: number;
  /** `together × all / (orders with one × orders with the other)`, to 3 decimals, halves up. */
  lift: number;
}

export interface Affinity {
  productId: string;
  /** Counted orders holding the product. */
  orders: number;
  /** All counted orders. */
  totalOrders: number;
  /** Most often bought together first (then higher lift, then product id); at most `limit`. */
  items: AffinityItem[];
}

/**
 * Products most often bought together with `productId`, for cross-selling: over the
 * counted orders as of `now` (see `countedOrders`), a product counts once per order however
 * many lines hold it; lines without a product are ignored.
 */
export function affinity(orders: readonly BasketOrder[], productId: string, now: Date, limit = 10): Affinity {
  const baskets = countedOrders(orders, now).map(
    (order) => new Set(order.lines.flatMap((line) => (line.productId === null ? [] : [line.productId]))),
  );
  const ordersWith = new Map<string, number>();
  const together = new Map<string, number>();
  for (const basket of baskets) {
    for (const id of basket) {
      ordersWith.set(id, (ordersWith.get(id) ?? 0) + 1);
      if (id !== productId && basket.has(productId)) together.set(id, (together.get(id) ?? 0) + 1);
    }
  }
  const total = baskets.length;
  const withIt = ordersWith.get(productId) ?? 0;
  const items = [...together].map(([id, both]): AffinityItem => ({
    productId: id,
    together: both,
    supportBp: divideHalfUp(BigInt(both) * 10_000n, BigInt(total)),
    confidenceBp: divideHalfUp(BigInt(both) * 10_000n, BigInt(withIt)),
    lift: divideHalfUp(BigInt(both) * BigInt(total) * 1_000n, BigInt(withIt) * BigInt(ordersWith.get(id) ?? 1)) / 1_000,
  }));
  items.sort((a, b) => b.together - a.together || b.lift - a.lift || (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  return { productId, orders: withIt, totalOrders: total, items: items.slice(0, limit) };
}
