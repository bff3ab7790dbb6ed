import { quintileScore, rfmSegmentOf, type RfmScores, type RfmSegment } from '@kith/schema';
import { countedOrders, timeOf, type AnalyticsCustomer } from './orders.js';

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
    scores.set(b.id, { recency: quintileScore(b.last, lasts), frequency: quintileScore(b.count, counts), monetary: quintileScore(b.value, values) });
  }
  return scores;
}

/** The segment of a customer's scores on the usual 5 × 5 recency × frequency grid. */
export function rfmSegment(scores: Pick<RfmScores, 'recency' | 'frequency'>): RfmSegment {
  return rfmSegmentOf(scores.recency, scores.frequency);
}
