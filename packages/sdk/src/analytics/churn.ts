import { cadenceBetween, churnRiskOf, DAY_MS, DEFAULT_CADENCE_DAYS, medianCadence, type ChurnRisk } from '@kith/schema';
import { countedOrders, timeOf, type AnalyticsCustomer } from './orders.js';

// The default cadence is a shared value rule (`@kith/schema`).
export { DEFAULT_CADENCE_DAYS } from '@kith/schema';

/** A customer's usual gap between orders in days: (last − first) / (orders − 1); null below two orders. */
export function cadenceDays(orderDates: readonly (string | Date)[]): number | null {
  if (orderDates.length < 2) return null;
  const times = orderDates.map(timeOf);
  return cadenceBetween(Math.min(...times), Math.max(...times), orderDates.length);
}

/**
 * The shop's cadence, for customers with one order: the median of the repeat buyers'
 * cadences — the element at index ⌊n / 2⌋ of them sorted (the upper median) — else 90 days.
 */
export function shopCadence(customers: readonly AnalyticsCustomer[], now: Date): number {
  const gaps = customers
    .flatMap((c) => cadenceDays(countedOrders(c.orders, now).map((o) => o.placedAt)) ?? [])
    .sort((a, b) => a - b);
  return medianCadence(gaps);
}

/**
 * Churn risk: recency against the customer's own cadence. With `ratio` = days since the
 * last order / max(cadence, 1 day), the score is (ratio − 0.5) / 2.5 clamped to 0…1, in
 * basis points (halves up): at half the usual gap or sooner 0, at three gaps or later
 * 10,000. Level: below 3,334 low, below 6,667 medium, else high. `orderDates` are the
 * counted orders' times; a one-order customer uses `options.cadenceDays` (the shop's, see
 * `shopCadence`; default 90). No orders → null.
 */
export function churnRisk(orderDates: readonly (string | Date)[], now: Date, options: { cadenceDays?: number } = {}): ChurnRisk | null {
  if (orderDates.length === 0) return null;
  const sinceLast = (now.getTime() - Math.max(...orderDates.map(timeOf))) / DAY_MS;
  const cadence = cadenceDays(orderDates) ?? options.cadenceDays ?? DEFAULT_CADENCE_DAYS;
  return churnRiskOf(sinceLast, cadence);
}
