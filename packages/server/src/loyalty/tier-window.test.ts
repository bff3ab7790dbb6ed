import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMonths, tierStanding, type DatedPoints } from './tier-window.js';

const tiers = [
  { id: 'member', name: 'Member', threshold: 0 },
  { id: 'silver', name: 'Silver', threshold: 500 },
  { id: 'gold', name: 'Gold', threshold: 1_000 },
];
const at = (iso: string) => new Date(iso);
const earn = (points: number, iso: string, reason: DatedPoints['reason'] = 'purchase'): DatedPoints => ({ points, reason, created_at: at(iso) });

describe('addMonths', () => {
  test('calendar months in UTC, clamped to a shorter month', () => {
    assert.equal(addMonths(at('2025-03-15T10:00:00Z'), 12).toISOString(), '2026-03-15T10:00:00.000Z');
    assert.equal(addMonths(at('2025-01-31T12:00:00Z'), 1).toISOString(), '2025-02-28T12:00:00.000Z');
    assert.equal(addMonths(at('2024-02-29T00:00:00Z'), 12).toISOString(), '2025-02-28T00:00:00.000Z');
    assert.equal(addMonths(at('2025-11-30T00:00:00Z'), 3).toISOString(), '2026-02-28T00:00:00.000Z');
  });
});

describe('tierStanding', () => {
  const rows = [earn(600, '2025-01-10T00:00:00Z'), earn(300, '2025-06-01T00:00:00Z'), earn(200, '2025-09-01T00:00:00Z')];

  test('lifetime programs: lifetime points, never expires', () => {
    const spent = [...rows, earn(-900, '2025-10-01T00:00:00Z', 'redeem')];
    assert.deepEqual(tierStanding(tiers, spent, null, at('2030-01-01T00:00:00Z')), { points: 1_100, expiresAt: null });
  });

  test('the rolling window counts earning inside it; expiry is when the sum first drops below the threshold', () => {
    // All three inside: 1,100 (Gold); the 600 leaves on 2026-01-10 → 500 < 1,000.
    assert.deepEqual(tierStanding(tiers, rows, 12, at('2025-12-01T00:00:00Z')), { points: 1_100, expiresAt: at('2026-01-10T00:00:00Z') });
    // After the 600 left: 500 (Silver) until the 300 leaves on 2026-06-01.
    assert.deepEqual(tierStanding(tiers, rows, 12, at('2026-02-01T00:00:00Z')), { points: 500, expiresAt: at('2026-06-01T00:00:00Z') });
    // Exactly at the leaving instant the entry is out.
    assert.equal(tierStanding(tiers, rows, 12, at('2026-01-10T00:00:00Z')).points, 500);
  });

  test('spending never counts; corrections do; future entries do not yet', () => {
    const mixed = [
      earn(1_200, '2025-01-01T00:00:00Z'),
      earn(-1_000, '2025-02-01T00:00:00Z', 'redeem'),
      earn(-100, '2025-02-01T00:00:00Z', 'expire'),
      earn(-300, '2025-03-01T00:00:00Z', 'adjust'),
      earn(5_000, '2025-08-01T00:00:00Z'),
    ];
    const standing = tierStanding(tiers, mixed, 12, at('2025-04-01T00:00:00Z'));
    // 1,200 − 300 = 900 (Silver); the 1,200 leaves first → −300 < 500.
    assert.deepEqual(standing, { points: 900, expiresAt: at('2026-01-01T00:00:00Z') });
  });

  test('a negative correction leaving the window can hold the tier longer', () => {
    const rows2 = [earn(700, '2025-01-01T00:00:00Z'), earn(-300, '2025-02-01T00:00:00Z', 'adjust'), earn(400, '2025-03-01T00:00:00Z')];
    // 800 (Silver). 2026-01-01: 100; below 500 → expires then.
    assert.deepEqual(tierStanding(tiers, rows2, 12, at('2025-06-01T00:00:00Z')), { points: 800, expiresAt: at('2026-01-01T00:00:00Z') });
    const rows3 = [earn(-300, '2025-01-01T00:00:00Z', 'adjust'), earn(900, '2025-02-01T00:00:00Z'), earn(100, '2025-03-01T00:00:00Z')];
    // 700 (Silver). The −300 leaves first (1,000), then the 900 (100 < 500) on 2026-02-01.
    assert.deepEqual(tierStanding(tiers, rows3, 12, at('2025-06-01T00:00:00Z')), { points: 700, expiresAt: at('2026-02-01T00:00:00Z') });
  });

  test('entries leaving at the same instant leave together', () => {
    const same = [earn(600, '2025-01-01T00:00:00Z'), earn(-200, '2025-01-01T00:00:00Z', 'adjust'), earn(300, '2025-05-01T00:00:00Z')];
    // 700 (Silver); at 2026-01-01 both leave: 300 < 500.
    assert.deepEqual(tierStanding(tiers, same, 12, at('2025-06-01T00:00:00Z')), { points: 700, expiresAt: at('2026-01-01T00:00:00Z') });
  });

  test('the base tier and no earning never expire', () => {
    assert.deepEqual(tierStanding(tiers, [earn(100, '2025-01-01T00:00:00Z')], 12, at('2025-06-01T00:00:00Z')), { points: 100, expiresAt: null });
    assert.deepEqual(tierStanding(tiers, [], 12, at('2025-06-01T00:00:00Z')), { points: 0, expiresAt: null });
    assert.deepEqual(tierStanding(tiers, [earn(-50, '2025-05-01T00:00:00Z', 'adjust')], 12, at('2025-06-01T00:00:00Z')), { points: 0, expiresAt: null });
  });
});
