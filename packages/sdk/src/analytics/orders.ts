import { countsTowardValue, type Order } from '@kith/schema';

// The day length and the statuses that do not count are shared value rules (`@kith/schema`).
export { DAY_MS, NON_VALUE_STATUSES } from '@kith/schema';

/** What the analytics read of an order: an `Order` from the API fits as it is. */
export type AnalyticsOrder = Pick<Order, 'status' | 'total' | 'placedAt'>;

/** A customer and their orders (any statuses: the helpers pick the ones that count). */
export interface AnalyticsCustomer {
  id: string;
  orders: readonly AnalyticsOrder[];
}

/** Milliseconds since the epoch of an API timestamp or a `Date`. */
export const timeOf = (at: string | Date): number => (typeof at === 'string' ? Date.parse(at) : at.getTime());

/**
 * The orders that count as of `now`: not cancelled, returned or refunded, and placed at or
 * before `now` (an order placed later did not exist yet).
 */
export function countedOrders<T extends Pick<Order, 'status' | 'placedAt'>>(orders: readonly T[], now: Date): T[] {
  const limit = now.getTime();
  return orders.filter((order) => countsTowardValue(order.status, timeOf(order.placedAt), limit));
}

/** Lifetime value in minor units: the sum of the counted orders' totals. */
export function lifetimeValue(orders: readonly AnalyticsOrder[], now: Date): number {
  return countedOrders(orders, now).reduce((sum, order) => sum + order.total.amount, 0);
}
