// The worked example: a handful of customers, orders and deals with figures checked by
// hand (the working is in the comments). The SDK's unit tests and the server's analytics
// routes (inserted into an empty database) must both give exactly these numbers.
import type { OrderStatus, RfmScores, RfmSegment } from '@kith/schema';

/** "Now" of the example; every order is a whole number of days before it. */
export const NOW = new Date('2025-01-01T00:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const PRODUCTS = { coat: id(101), scarf: id(102), boots: id(103), belt: id(104) } as const;
const { coat, scarf, boots, belt } = PRODUCTS;

export interface ExampleOrder {
  externalId: string;
  status: OrderStatus;
  total: { amount: number; currency: 'EUR' };
  placedAt: string;
  lines: { productId: string | null }[];
}
export interface ExampleCustomer {
  id: string;
  name: string;
  orders: ExampleOrder[];
}

let n = 0;
const order = (days: number, amount: number, products: (string | null)[], status: OrderStatus = 'delivered'): ExampleOrder => ({
  externalId: `EX-${++n}`,
  status,
  total: { amount, currency: 'EUR' },
  placedAt: ago(days),
  lines: products.map((productId) => ({ productId })),
});

// 10 customers; 19 counted orders. Excluded: Eve's cancelled order, Ida's returned one and
// Jan's order placed after NOW (each holds coat + scarf, which would change the affinity).
export const CUSTOMERS: ExampleCustomer[] = [
  { id: id(1), name: 'Ada', orders: [order(10, 20_000, [coat, scarf, coat]), order(40, 20_000, [coat, scarf]), order(70, 20_000, [coat, boots]), order(100, 20_000, [scarf])] },
  { id: id(2), name: 'Ben', orders: [order(5, 5_000, [scarf, boots]), order(65, 7_001, [boots])] },
  { id: id(3), name: 'Cai', orders: [order(200, 10_000, [coat, scarf]), order(230, 10_000, [coat, boots]), order(260, 10_000, [belt])] },
  { id: id(4), name: 'Dan', orders: [order(30, 3_000, [scarf])] },
  { id: id(5), name: 'Eve', orders: [order(400, 1_000, [scarf]), order(20, 50_000, [coat, scarf], 'cancelled')] },
  { id: id(6), name: 'Fay', orders: [order(50, 40_000, [coat, scarf]), order(110, 60_000, [boots])] },
  { id: id(7), name: 'Gus', orders: [] },
  { id: id(8), name: 'Hal', orders: [order(90, 2_000, [belt]), order(150, 2_000, [belt]), order(210, 2_000, [null]), order(270, 2_000, [null]), order(330, 2_000, [null])] },
  { id: id(9), name: 'Ida', orders: [order(60, 9_000, [coat, scarf], 'returned')] },
  { id: id(10), name: 'Jan', orders: [order(15, 4_000, [null]), order(-5, 9_999, [coat, scarf])] },
];

/**
 * Hand-checked figures. Buyers (a counted order): 8 of 10 (not Gus, Ida).
 * - Frequency: counts sorted [1,1,1,2,2,3,4,5]; score = min(5, 1 + ⌊5 × below / 8⌋):
 *   1 → 1, 2 → 1+⌊15/8⌋ = 2, 3 → 1+⌊25/8⌋ = 4, 4 → 1+⌊30/8⌋ = 4, 5 → 1+⌊35/8⌋ = 5.
 * - Recency, oldest last order first: Eve 400 d (1), Cai 200 (1+⌊5/8⌋ = 1), Hal 90 (2),
 *   Fay 50 (2), Dan 30 (3), Jan 15 (4), Ada 10 (4), Ben 5 (5).
 * - Monetary: Eve 1,000 (1), Dan 3,000 (1), Jan 4,000 (2), Hal 10,000 (2), Ben 12,001 (3),
 *   Cai 30,000 (4), Ada 80,000 (4), Fay 100,000 (5).
 * - Churn: cadence = (last − first) / (orders − 1): Ada 30, Ben 60, Cai 30, Fay 60, Hal 60;
 *   shop cadence = sorted [30,30,60,60,60] at index ⌊5/2⌋ = 60 (Dan, Eve, Jan).
 *   score = round(clamp((since / cadence − 0.5) / 2.5) × 10,000): Ada 10/30 → 0; Ben 5/60 → 0;
 *   Cai 200/30 → 10,000; Dan 30/60 → 0; Eve 400/60 → 10,000; Fay 50/60 = 0.8333 → 1,333;
 *   Hal 90/60 = 1.5 → 4,000; Jan 15/60 → 0.
 */
export const EXPECTED_CUSTOMERS: Record<string, { rfm: RfmScores | null; segment: RfmSegment | null; lifetimeValue: number; churnScore: number | null }> = {
  Ada: { rfm: { recency: 4, frequency: 4, monetary: 4 }, segment: 'champion', lifetimeValue: 80_000, churnScore: 0 },
  Ben: { rfm: { recency: 5, frequency: 2, monetary: 3 }, segment: 'potential', lifetimeValue: 12_001, churnScore: 0 },
  Cai: { rfm: { recency: 1, frequency: 4, monetary: 4 }, segment: 'at_risk', lifetimeValue: 30_000, churnScore: 10_000 },
  Dan: { rfm: { recency: 3, frequency: 1, monetary: 1 }, segment: 'needs_attention', lifetimeValue: 3_000, churnScore: 0 },
  Eve: { rfm: { recency: 1, frequency: 1, monetary: 1 }, segment: 'lost', lifetimeValue: 1_000, churnScore: 10_000 },
  Fay: { rfm: { recency: 2, frequency: 2, monetary: 5 }, segment: 'hibernating', lifetimeValue: 100_000, churnScore: 1_333 },
  Gus: { rfm: null, segment: null, lifetimeValue: 0, churnScore: null },
  Hal: { rfm: { recency: 2, frequency: 5, monetary: 2 }, segment: 'cannot_lose', lifetimeValue: 10_000, churnScore: 4_000 },
  Ida: { rfm: null, segment: null, lifetimeValue: 0, churnScore: null },
  Jan: { rfm: { recency: 4, frequency: 1, monetary: 2 }, segment: 'promising', lifetimeValue: 4_000, churnScore: 0 },
};

/** Churn list at medium risk or above, highest first (ties by id): Cai, Eve, Hal. */
export const EXPECTED_AT_RISK = [
  { name: 'Cai', score: 10_000, level: 'high' },
  { name: 'Eve', score: 10_000, level: 'high' },
  { name: 'Hal', score: 4_000, level: 'medium' },
] as const;

/**
 * Pareto over all 10: total 240,001; top ⌈10/5⌉ = 2: Fay 100,000 + Ada 80,000 = 180,000;
 * share 180,000 × 10,000 / 240,001 = 7,499.97 → 7,500 bp (halves up; ⌊⌋ would say 7,499).
 */
export const EXPECTED_PARETO = { customers: 10, total: 240_001, topCount: 2, topValue: 180_000, shareBp: 7_500, cutoff: 80_000, keyAccounts: 2 };

/**
 * Affinity of the coat over 19 counted orders: coat in 6, scarf in 8, boots in 5; together
 * with the scarf 4 (Ada's coat twice in one order counts once), with the boots 2.
 * scarf: support 4/19 = 2,105 bp, confidence 4/6 = 6,667 bp, lift 4 × 19 / (6 × 8) = 1.583;
 * boots: 2/19 = 1,053 bp, 2/6 = 3,333 bp, lift 2 × 19 / (6 × 5) = 1.267.
 */
export const EXPECTED_COAT_AFFINITY = {
  productId: coat,
  orders: 6,
  totalOrders: 19,
  items: [
    { productId: scarf, together: 4, supportBp: 2_105, confidenceBp: 6_667, lift: 1.583 },
    { productId: boots, together: 2, supportBp: 1_053, confidenceBp: 3_333, lift: 1.267 },
  ],
};

/** Segments: one customer each but loyal and new; Gus and Ida have no counted order. */
export const EXPECTED_SEGMENTS: Record<RfmSegment, { customers: number; value: number }> = {
  champion: { customers: 1, value: 80_000 },
  loyal: { customers: 0, value: 0 },
  potential: { customers: 1, value: 12_001 },
  new: { customers: 0, value: 0 },
  promising: { customers: 1, value: 4_000 },
  needs_attention: { customers: 1, value: 3_000 },
  at_risk: { customers: 1, value: 30_000 },
  cannot_lose: { customers: 1, value: 10_000 },
  hibernating: { customers: 1, value: 100_000 },
  lost: { customers: 1, value: 1_000 },
};

/**
 * A pipeline's forecast, rounded once per stage: Lead 10,005 + 10,005 at 10 % = 2,001
 * (per deal it would be 1,001 + 1,001 = 2,002); Qualified 999 + 1 at 25 % = 250; Proposal
 * 12,345 at 50 % = 6,172.5 → 6,173; Won 50,000; Lost 7,000 at 0 → 0. Total 58,424.
 */
export const STAGES = [
  { id: id(201), probability: 1_000 },
  { id: id(202), probability: 2_500 },
  { id: id(203), probability: 5_000 },
  { id: id(204), probability: 10_000 },
  { id: id(205), probability: 0 },
];
const deal = (stage: number, amount: number) => ({ stageId: id(stage), amount: { amount, currency: 'EUR' } });
export const OPPORTUNITIES = [deal(201, 10_005), deal(201, 10_005), deal(202, 999), deal(202, 1), deal(203, 12_345), deal(204, 50_000), deal(205, 7_000)];
export const EXPECTED_FORECAST = {
  stages: [
    { stageId: id(201), count: 2, amount: 20_010, weighted: 2_001 },
    { stageId: id(202), count: 2, amount: 1_000, weighted: 250 },
    { stageId: id(203), count: 1, amount: 12_345, weighted: 6_173 },
    { stageId: id(204), count: 1, amount: 50_000, weighted: 50_000 },
    { stageId: id(205), count: 1, amount: 7_000, weighted: 0 },
  ],
  total: 58_424,
  currency: 'EUR',
};
