// Request and response shapes of the /v1 routes for analytics (beyond the domain records).
// The rules behind the numbers (which orders count, quintiles, the 20 % cut, churn, the
// rounding) are the SDK's `@kith/sdk/analytics` functions, stated in the SDK's README; the
// server computes the same in SQL. Amounts are integer minor units.
import * as z from 'zod/mini';
import { BasisPoints, Id, Money, Timestamp, shortText } from './common.js';
import { Currency } from './currency.js';
import { ChurnRisk, RfmSegment } from './customer.js';
import { PageQuery, page } from './page.js';

const Count = z.int().check(z.minimum(0));
const Amount = z.int().check(z.minimum(0));

/** Query of `GET /v1/analytics/segments` and `/pareto`: none (an unknown parameter is a 400). */
export const AnalyticsQuery = z.strictObject({});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

/** One RFM segment: how many of the viewer's customers are in it and their lifetime value. */
export const SegmentFigures = z.strictObject({
  segment: RfmSegment,
  customers: Count,
  value: Amount,
});
export type SegmentFigures = z.infer<typeof SegmentFigures>;

/**
 * `GET /v1/analytics/segments`: every segment (in `RfmSegment` order, empty ones included)
 * over the customers the viewer sees. Scores are the shop's (quintiles among all buyers),
 * as on the customer card; only the counting is limited to the viewer's customers.
 */
export const SegmentsResponse = z.strictObject({
  asOf: Timestamp,
  /** The one currency of the counted orders; null without orders or when mixed. */
  currency: z.nullable(Currency),
  /** Customers the viewer sees. */
  customers: Count,
  /** Of those, customers without a counted order (no segment). */
  withoutOrders: Count,
  segments: z.array(SegmentFigures).check(z.length(RfmSegment.options.length)),
});
export type SegmentsResponse = z.infer<typeof SegmentsResponse>;

/**
 * `GET /v1/analytics/pareto`: the 80/20 rule over the customers the viewer sees — the top
 * ⌈n / 5⌉ by lifetime value, their share of the total (basis points, halves up), the
 * smallest value among them, and the key accounts (those of them with value above 0).
 */
export const ParetoResponse = z.strictObject({
  asOf: Timestamp,
  currency: z.nullable(Currency),
  customers: Count,
  total: Amount,
  topCount: Count,
  topValue: Amount,
  shareBp: BasisPoints,
  cutoff: z.nullable(Amount),
  keyAccounts: Count,
});
export type ParetoResponse = z.infer<typeof ParetoResponse>;

/** Churn levels, lowest first (a query names the lowest level to list). */
export const ChurnLevel = z.enum(['low', 'medium', 'high']);
export type ChurnLevel = z.infer<typeof ChurnLevel>;

/** `GET /v1/analytics/churn`: `level` is the lowest risk listed (default `medium`). */
export const ChurnQuery = z.extend(PageQuery, { level: z.optional(ChurnLevel) });
export type ChurnQuery = z.infer<typeof ChurnQuery>;

/** A customer at risk of churning, with what the score is made of. */
export const ChurnItem = z.strictObject({
  customerId: Id,
  name: shortText(200),
  ownerId: z.nullable(Id),
  churnRisk: ChurnRisk,
  orderCount: z.int().check(z.minimum(1)),
  lastOrderAt: Timestamp,
  /** Days since the last order, to one decimal. */
  daysSinceLastOrder: z.number().check(z.minimum(0)),
  /** The usual gap between their orders in days (the shop's for one-order customers), to one decimal. */
  cadenceDays: z.number().check(z.minimum(0)),
  lifetimeValue: Money,
});
export type ChurnItem = z.infer<typeof ChurnItem>;

/** Highest risk first, then by customer id; later pages keep the instant of the first (scores move with time). */
export const ChurnPage = page(ChurnItem);
export type ChurnPage = z.infer<typeof ChurnPage>;

/** `GET /v1/analytics/affinity?productId=…&limit=…` (limit 1–50, default 10). */
export const AffinityQuery = z.strictObject({
  productId: Id,
  limit: z.optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(50)))),
});
export type AffinityQuery = z.infer<typeof AffinityQuery>;

/** A product bought together with the one asked about. */
export const AffinityItem = z.strictObject({
  productId: Id,
  name: shortText(200),
  /** Counted orders holding both. */
  together: z.int().check(z.minimum(1)),
  /** together / all counted orders. */
  supportBp: BasisPoints,
  /** together / counted orders holding the product asked about. */
  confidenceBp: BasisPoints,
  /** together × all / (orders with one × orders with the other), to 3 decimals; above 1: bought together more than by chance. */
  lift: z.number().check(z.minimum(0)),
});
export type AffinityItem = z.infer<typeof AffinityItem>;

/** `GET /v1/analytics/affinity`: over the counted orders of the customers the viewer sees. */
export const AffinityResponse = z.strictObject({
  productId: Id,
  /** Counted orders holding the product. */
  orders: Count,
  totalOrders: Count,
  /** Most often together first, then higher lift, then product id. */
  items: z.array(AffinityItem).check(z.maxLength(50)),
});
export type AffinityResponse = z.infer<typeof AffinityResponse>;
