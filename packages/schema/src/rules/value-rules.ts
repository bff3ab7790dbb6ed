/**
 * The customer-value rules shared by the server (stored RFM, key accounts, churn) and
 * `@kith/sdk/analytics` (the same figures computed in the browser): which orders count,
 * quintile scores, the RFM segment grid, churn risk from cadence, the key-account count
 * and half-up integer rounding. Pure functions over plain numbers, no dependencies.
 */
import type { RfmSegment, ChurnRisk } from '../customer.js';
import type { OrderStatus } from '../order.js';

/** A day in milliseconds: cadences and recency are measured in (fractional) days. */
export const DAY_MS = 86_400_000;

/** The cadence of a one-order customer when the shop has no repeat buyers to learn from. */
export const DEFAULT_CADENCE_DAYS = 90;

/** Order statuses that do not count toward value: the money did not stay with the shop. */
export const NON_VALUE_STATUSES: ReadonlySet<OrderStatus> = new Set<OrderStatus>(['cancelled', 'returned', 'refunded']);

/**
 * Whether an order counts toward value as of `nowMs`: its status is not in
 * `NON_VALUE_STATUSES` and it was placed at or before `nowMs` (a later order did not exist yet).
 */
export function countsTowardValue(status: string, placedAtMs: number, nowMs: number): boolean {
  return !(NON_VALUE_STATUSES as ReadonlySet<string>).has(status) && placedAtMs <= nowMs;
}

/**
 * Quintile score 1–5 of `value` among the sorted values of every buyer: 1 + ⌊5 × below / n⌋
 * (at most 5), where `below` counts values strictly lower than `value` — so ties share a
 * score. Higher values score higher; `sortedAscending` must be sorted ascending and non-empty.
 */
export function quintileScore(value: number, sortedAscending: readonly number[]): number {
  let below = 0;
  while (below < sortedAscending.length && (sortedAscending[below] ?? value) < value) below++;
  return Math.min(5, 1 + Math.floor((5 * below) / sortedAscending.length));
}

/** The segment of a recency and a frequency score (1–5 each) on the usual 5 × 5 grid. */
export function rfmSegmentOf(recency: number, frequency: number): RfmSegment {
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

/**
 * A customer's usual gap between orders in days: (last − first) / (orders − 1), from the
 * first and last order times in milliseconds; null below two orders.
 */
export function cadenceBetween(firstMs: number, lastMs: number, orderCount: number): number | null {
  return orderCount < 2 ? null : (lastMs - firstMs) / DAY_MS / (orderCount - 1);
}

/**
 * The shop's cadence, for customers with one order: the median of the repeat buyers'
 * cadences — the element at index ⌊n / 2⌋ of them sorted ascending (the upper median) —
 * else `DEFAULT_CADENCE_DAYS`.
 */
export function medianCadence(sortedGaps: readonly number[]): number {
  return sortedGaps[Math.floor(sortedGaps.length / 2)] ?? DEFAULT_CADENCE_DAYS;
}

/**
 * Churn risk: recency against the customer's own cadence. With `ratio` = days since the
 * last order / max(cadence, 1 day), the score is (ratio − 0.5) / 2.5 clamped to 0…1, in
 * basis points (halves up): at half the usual gap or sooner 0, at three gaps or later
 * 10,000. Level: below 3,334 low, below 6,667 medium, else high.
 */
export function churnRiskOf(daysSinceLast: number, cadenceDays: number): ChurnRisk {
  const ratio = daysSinceLast / Math.max(cadenceDays, 1);
  const score = Math.round(Math.min(1, Math.max(0, (ratio - 0.5) / 2.5)) * 10_000);
  return { level: score < 3_334 ? 'low' : score < 6_667 ? 'medium' : 'high', score };
}

/** How many customers make the top 20 % (the key-account set): ⌈n / 5⌉, in exact arithmetic. */
export function keyAccountCount(customers: number): number {
  return Math.ceil(customers / 5);
}

/**
 * `numerator / denominator` rounded to an integer, halves up, in exact integer arithmetic
 * (BigInt: products of money and basis points can pass 2^53). Both must be ≥ 0, denominator > 0.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((2n * numerator + denominator) / (2n * denominator));
}
