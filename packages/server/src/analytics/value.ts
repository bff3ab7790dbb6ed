/**
 * Customer value from orders: lifetime value, RFM scores and segment, key accounts (the
 * top 20 % by value — the 80/20 rule) and churn risk (recency against the customer's own
 * purchase cadence). Pure functions: the seed uses them now, order ingestion later.
 */
import type { RfmSegment } from '@kith/schema';

/** Order statuses that do not count toward value (the money did not stay with the shop). */
export const NON_VALUE_STATUSES: ReadonlySet<string> = new Set(['cancelled', 'returned', 'refunded']);

export interface ValueOrder {
  customerId: string;
  status: string;
  total: number;
  placedAt: Date;
}

export interface CustomerValueFigures {
  lifetimeValue: number;
  orderCount: number;
  firstOrderAt: Date | null;
  lastOrderAt: Date | null;
  rfm: { recency: number; frequency: number; monetary: number } | null;
  segment: RfmSegment | null;
  keyAccount: boolean;
  churn: { level: 'low' | 'medium' | 'high'; score: number } | null;
}

const DAY = 86_400_000;

/** The segment of an (R, F) pair on the usual 5 × 5 grid. */
export function rfmSegment(recency: number, frequency: number): RfmSegment {
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

/** Quintile score 1–5 of `value` among `all` (higher is better); ties share a score. */
function quintile(value: number, sortedAscending: readonly number[]): number {
  let below = 0;
  while (below < sortedAscending.length && (sortedAscending[below] ?? value) < value) below++;
  return Math.min(5, 1 + Math.floor((5 * below) / sortedAscending.length));
}

/**
 * Churn score in basis points from the ratio of days since the last order to the
 * customer's usual gap between orders: ≤ 0.5 × the cadence is 0, ≥ 3 × is 10,000.
 */
export function churnRisk(daysSinceLast: number, cadenceDays: number): { level: 'low' | 'medium' | 'high'; score: number } {
  const ratio = daysSinceLast / Math.max(cadenceDays, 1);
  const score = Math.round(Math.min(1, Math.max(0, (ratio - 0.5) / 2.5)) * 10_000);
  return { level: score < 3_334 ? 'low' : score < 6_667 ? 'medium' : 'high', score };
}

/** Value figures for every customer id given, from their orders, as of `now`. */
export function customerValues(
  customerIds: readonly string[],
  orders: readonly ValueOrder[],
  now: Date,
): Map<string, CustomerValueFigures> {
  const byCustomer = new Map<string, ValueOrder[]>();
  for (const order of orders) {
    // An order placed after `now` did not exist yet (the same rule as the SQL and the SDK).
    if (NON_VALUE_STATUSES.has(order.status) || order.placedAt.getTime() > now.getTime()) continue;
    const list = byCustomer.get(order.customerId) ?? [];
    list.push(order);
    byCustomer.set(order.customerId, list);
  }

  const base = new Map<string, { ltv: number; count: number; first: Date | null; last: Date | null }>();
  for (const id of customerIds) {
    const list = byCustomer.get(id) ?? [];
    const times = list.map((o) => o.placedAt.getTime());
    base.set(id, {
      ltv: list.reduce((sum, o) => sum + o.total, 0),
      count: list.length,
      first: times.length ? new Date(Math.min(...times)) : null,
      last: times.length ? new Date(Math.max(...times)) : null,
    });
  }

  const buyers = [...base.values()].flatMap((b) => (b.first && b.last ? [{ ...b, first: b.first, last: b.last }] : []));
  const recencies = buyers.map((b) => -(now.getTime() - b.last.getTime())).sort((a, b) => a - b);
  const frequencies = buyers.map((b) => b.count).sort((a, b) => a - b);
  const monetaries = buyers.map((b) => b.ltv).sort((a, b) => a - b);
  // The shop's median gap between orders stands in for one-order customers' cadence.
  const gaps = buyers
    .filter((b) => b.count > 1)
    .map((b) => (b.last.getTime() - b.first.getTime()) / DAY / (b.count - 1))
    .sort((a, b) => a - b);
  const medianGap = gaps[Math.floor(gaps.length / 2)] ?? 90;

  // ⌈n / 5⌉ in exact arithmetic (n × 0.2 is a float product).
  const keyAccountCount = Math.ceil(customerIds.length / 5);
  const keyAccounts = new Set(
    [...base.entries()]
      .filter(([, b]) => b.ltv > 0)
      .sort(([idA, a], [idB, b]) => b.ltv - a.ltv || idA.localeCompare(idB))
      .slice(0, keyAccountCount)
      .map(([id]) => id),
  );

  const result = new Map<string, CustomerValueFigures>();
  for (const [id, b] of base) {
    if (!b.first || !b.last) {
      result.set(id, { lifetimeValue: 0, orderCount: 0, firstOrderAt: null, lastOrderAt: null, rfm: null, segment: null, keyAccount: false, churn: null });
      continue;
    }
    const sinceLast = now.getTime() - b.last.getTime();
    const rfm = {
      recency: quintile(-sinceLast, recencies),
      frequency: quintile(b.count, frequencies),
      monetary: quintile(b.ltv, monetaries),
    };
    const cadence = b.count > 1 ? (b.last.getTime() - b.first.getTime()) / DAY / (b.count - 1) : medianGap;
    result.set(id, {
      lifetimeValue: b.ltv,
      orderCount: b.count,
      firstOrderAt: b.first,
      lastOrderAt: b.last,
      rfm,
      segment: rfmSegment(rfm.recency, rfm.frequency),
      keyAccount: keyAccounts.has(id),
      churn: churnRisk(sinceLast / DAY, cadence),
    });
  }
  return result;
}
