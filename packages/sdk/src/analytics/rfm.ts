import type { RfmScores, RfmSegment } from '@kith/schema';
import { countedOrders, timeOf, type AnalyticsCustomer } from './orders.js';

/**
 * Quintile score 1–5 of `value` among the sorted values of every buyer: 1 + ⌊5 × below / n⌋
 * (at most 5), where `below` counts buyers with a strictly lower value — so ties share a score.
 */
function quintile(value: number, sortedAscending: readonly number[]): number {
  let below = 0;
  while (below < sortedAscending.length && (sortedAscending[below] ?? value) < value) below++;
  return Math.min(5, 1 + Math.floor((5 * below) / sortedAscending.length));
}

/**
 * RFM scores of each customer among the given ones, as of `now`. Only counted orders
 * count (see `countedOrders`); a customer without one has no scores (`null`). Among the
 * buyers: recency ranks the last order's time (later is better), frequency the number of
 * orders, monetary the lifetime value, each as a quintile score (ties share a score).
 */
export function rfmScores(customers: readonly AnalyticsCustomer[], now: Date): Map<string, RfmScores | null> {
  const figures = customers.map((customer) => {
    const orders = countedOrders(customer.orders, now);
    return {
      id: customer.id,
      count: orders.length,
      last: orders.length ? Math.max(...orders.map((o) => timeOf(o.placedAt))) : null,
      value: orders.reduce((sum, o) => sum + o.total.amount, 0),
    };
  });
  const buyers = figures.flatMap((f) => (f.last === null ? [] : [{ ...f, last: f.last }]));
  const lasts = buyers.map((b) => b.last).sort((a, b) => a - b);
  const counts = buyers.map((b) => b.count).sort((a, b) => a - b);
  const values = buyers.map((b) => b.value).sort((a, b) => a - b);
  const scores = new Map<string, RfmScores | null>(figures.map((f) => [f.id, null]));
  for (const b of buyers) {
    scores.set(b.id, { recency: quintile(b.last, lasts), frequency: quintile(b.count, counts), monetary: quintile(b.value, values) });
  }
  return scores;
}

/** The segment of a customer's scores on the usual 5 × 5 recency × frequency grid. */
export function rfmSegment(scores: Pick<RfmScores, 'recency' | 'frequency'>): RfmSegment {
  const { recency, frequency } = scores;
  if (recency >= 4) {
    if (frequency >= 4) return 'champion';
    if (frequency === 3) return 'loyal';
    if (frequency === 2) return 'potential';
    return recency === 5 ? 'new' : 'promising';
  }
  if (recency === 3) return frequency >= 3 ? 'loyal' : 'needs_attention';
  if (frequency === 5) return 'cannot_lose';
  if (frequency >= 3) return 'at_risk';
  return recency === 2 ? 'hibernating' : 'lost';
}
