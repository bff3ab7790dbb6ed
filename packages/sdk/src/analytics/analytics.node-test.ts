// The worked example (fixtures.ts) through the SDK's analytics functions, plus the rules'
// edges. Node only (pure functions): named *.node-test.ts so the browser runner skips it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { affinity, cadenceDays, churnRisk, countedOrders, forecast, lifetimeValue, pareto, rfmScores, rfmSegment, shopCadence } from './index.js';
import {
  CUSTOMERS, EXPECTED_AT_RISK, EXPECTED_COAT_AFFINITY, EXPECTED_CUSTOMERS, EXPECTED_FORECAST, EXPECTED_PARETO,
  EXPECTED_SEGMENTS, NOW, OPPORTUNITIES, PRODUCTS, STAGES,
} from './fixtures.js';

describe('analytics: the worked example', () => {
  const scores = rfmScores(CUSTOMERS, NOW);
  const cadence = shopCadence(CUSTOMERS, NOW);
  const churnOf = (orders: (typeof CUSTOMERS)[number]['orders']) => churnRisk(countedOrders(orders, NOW).map((o) => o.placedAt), NOW, { cadenceDays: cadence });

  test('RFM scores, segments, lifetime value and churn per customer', () => {
    assert.equal(cadence, 60);
    for (const customer of CUSTOMERS) {
      const rfm = scores.get(customer.id) ?? null;
      assert.deepEqual(
        { rfm, segment: rfm ? rfmSegment(rfm) : null, lifetimeValue: lifetimeValue(customer.orders, NOW), churnScore: churnOf(customer.orders)?.score ?? null },
        EXPECTED_CUSTOMERS[customer.name],
        customer.name,
      );
    }
  });

  test('segments: count and value per segment', () => {
    const segments = Object.fromEntries(Object.keys(EXPECTED_SEGMENTS).map((s) => [s, { customers: 0, value: 0 }]));
    for (const customer of CUSTOMERS) {
      const rfm = scores.get(customer.id);
      const entry = rfm ? segments[rfmSegment(rfm)] : undefined;
      if (!entry) continue;
      entry.customers += 1;
      entry.value += lifetimeValue(customer.orders, NOW);
    }
    assert.deepEqual(segments, EXPECTED_SEGMENTS);
  });

  test('churn list: medium risk and above, highest first', () => {
    const list = CUSTOMERS.flatMap((c) => {
      const risk = churnOf(c.orders);
      return risk && risk.level !== 'low' ? [{ id: c.id, name: c.name, ...risk }] : [];
    }).sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
    assert.deepEqual(list.map(({ name, score, level }) => ({ name, score, level })), EXPECTED_AT_RISK);
  });

  test('pareto: the top 20 % and its share, halves rounded up', () => {
    assert.deepEqual(pareto(CUSTOMERS.map((c) => lifetimeValue(c.orders, NOW))), EXPECTED_PARETO);
  });

  test('affinity: products bought with the coat', () => {
    const orders = CUSTOMERS.flatMap((c) => c.orders);
    assert.deepEqual(affinity(orders, PRODUCTS.coat, NOW), EXPECTED_COAT_AFFINITY);
    assert.deepEqual(affinity(orders, PRODUCTS.coat, NOW, 1).items, EXPECTED_COAT_AFFINITY.items.slice(0, 1));
  });

  test('forecast: rounded once per stage', () => {
    assert.deepEqual(forecast(OPPORTUNITIES, STAGES), EXPECTED_FORECAST);
  });
});

describe('analytics: rules at their edges', () => {
  test('the segment grid covers every score pair', () => {
    const grid = [1, 2, 3, 4, 5].map((r) => [1, 2, 3, 4, 5].map((f) => rfmSegment({ recency: r, frequency: f })).join(' '));
    assert.deepEqual(grid, [
      'lost lost at_risk at_risk cannot_lose',
      'hibernating hibernating at_risk at_risk cannot_lose',
      'needs_attention needs_attention loyal loyal loyal',
      'promising potential loyal champion champion',
      'new potential loyal champion champion',
    ]);
  });

  test('ties share a quintile score; no buyers, no scores', () => {
    const same = (id: string) => ({ id, orders: [{ status: 'paid' as const, total: { amount: 100, currency: 'EUR' }, placedAt: '2024-12-01T00:00:00Z' }] });
    const scores = rfmScores([same('a'), same('b'), same('c')], new Date('2025-01-01T00:00:00Z'));
    assert.deepEqual([...scores.values()], Array(3).fill({ recency: 1, frequency: 1, monetary: 1 }));
    assert.deepEqual([...rfmScores([{ id: 'x', orders: [] }], new Date()).values()], [null]);
  });

  test('pareto: empty, all zero, and 20 % rounded up', () => {
    assert.deepEqual(pareto([]), { customers: 0, total: 0, topCount: 0, topValue: 0, shareBp: 0, cutoff: null, keyAccounts: 0 });
    assert.equal(pareto([0, 0, 0]).shareBp, 0);
    assert.equal(pareto([0, 0, 0]).keyAccounts, 0);
    assert.equal(pareto(Array(15).fill(1)).topCount, 3);
    assert.equal(pareto(Array(16).fill(1)).topCount, 4);
    // Sums past 2^53 / 10,000 stay exact.
    assert.equal(pareto([2 ** 52, 2 ** 52, 0, 0, 0, 0]).shareBp, 10_000);
  });

  test('churn: thresholds, the one-day floor, and no orders', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    const days = (...ago: number[]) => ago.map((d) => new Date(now.getTime() - d * 86_400_000));
    assert.equal(churnRisk([], now), null);
    assert.deepEqual(churnRisk(days(15, 45), now), { level: 'low', score: 0 }); // half the cadence
    assert.deepEqual(churnRisk(days(90, 120), now), { level: 'high', score: 10_000 }); // three cadences
    assert.deepEqual(churnRisk(days(30), now), { level: 'low', score: 0 }); // 30 / 90 (the default)
    assert.deepEqual(churnRisk(days(30), now, { cadenceDays: 10 }), { level: 'high', score: 10_000 });
    assert.equal(cadenceDays(days(1, 1)), 0);
    assert.deepEqual(churnRisk(days(2, 2), now), { level: 'medium', score: 6_000 }); // cadence floored at 1 day
    assert.deepEqual(churnRisk(days(1.5, 2), now), { level: 'medium', score: 4_000 }); // 0.5 days → 1
  });

  test('forecast refuses deals outside the stages or in another currency', () => {
    const stage = { id: 's', probability: 5_000 };
    assert.throws(() => forecast([{ stageId: 't', amount: { amount: 1, currency: 'EUR' } }], [stage]), RangeError);
    assert.throws(
      () => forecast([{ stageId: 's', amount: { amount: 1, currency: 'EUR' } }, { stageId: 's', amount: { amount: 1, currency: 'USD' } }], [stage]),
      RangeError,
    );
    assert.deepEqual(forecast([], [stage]), { stages: [{ stageId: 's', count: 0, amount: 0, weighted: 0 }], total: 0, currency: null });
  });
});
