/**
 * Customer value from orders: lifetime value, RFM scores and segment, key accounts (the
 * top 20 % by value — the 80/20 rule) and churn risk (recency against the customer's own
 * purchase cadence). Pure functions: the seed uses them now, order ingestion later.
 */
import {
  cadenceBetween,
  DAY_MS,
  churnRiskOf,
  countsTowardValue,
  keyAccountCount as keyAccountCountOf,
  medianCadence,
  NON_VALUE_STATUSES as SHARED_NON_VALUE_STATUSES,
  quintileScore,
  rfmSegmentOf,
  type ChurnRisk,
  type RfmSegment,
} from '@kith/schema';

// The rules themselves live in `@kith/schema` (rules/value-rules.ts), shared with `@kith/sdk/analytics`.
/** Order statuses that do not count toward value (the money did not stay with the shop). */
export const NON_VALUE_STATUSES: ReadonlySet<string> = SHARED_NON_VALUE_STATUSES;

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
  churn: ChurnRisk | null;
}


/** The segment of an (R, F) pair on the usual 5 × 5 grid (`rfmSegmentOf` of `@kith/schema`). */
export const rfmSegment: (recency: number, frequency: number) => RfmSegment = rfmSegmentOf;

/**
 * Churn score in basis points from the ratio of days since the last order to the
 * customer's usual gap between orders (`churnRiskOf` of `@kith/schema`).
 */
export const churnRisk: (daysSinceLast: number, cadenceDays: number) => ChurnRisk = churnRiskOf;

/** Value figures for every customer id given, from their orders, as of `now`. */
export function customerValues(
  customerIds: readonly string[],
  orders: readonly ValueOrder[],
  now: Date,
): Map<string, CustomerValueFigures> {
  const byCustomer = new Map<string, ValueOrder[]>();
  for (const order of orders) {
    // An order placed after `now` did not exist yet (the same rule as the SQL and the SDK).
    if (!countsTowardValue(order.status, order.placedAt.getTime(), now.getTime())) continue;
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
    .flatMap((b) => cadenceBetween(b.first.getTime(), b.last.getTime(), b.count) ?? [])
    .sort((a, b) => a - b);
  const medianGap = medianCadence(gaps);

  const keyAccountCount = keyAccountCountOf(customerIds.length);
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
      recency: quintileScore(-sinceLast, recencies),
      frequency: quintileScore(b.count, frequencies),
      monetary: quintileScore(b.ltv, monetaries),
    };
    const cadence = cadenceBetween(b.first.getTime(), b.last.getTime(), b.count) ?? medianGap;
    result.set(id, {
      lifetimeValue: b.ltv,
      orderCount: b.count,
      firstOrderAt: b.first,
      lastOrderAt: b.last,
      rfm,
      segment: rfmSegmentOf(rfm.recency, rfm.frequency),
      keyAccount: keyAccounts.has(id),
      churn: churnRiskOf(sinceLast / DAY_MS, cadence),
    });
  }
  return result;
}
