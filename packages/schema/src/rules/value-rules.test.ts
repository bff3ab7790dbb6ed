import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  cadenceBetween,
  churnRiskOf,
  countsTowardValue,
  DAY_MS,
  DEFAULT_CADENCE_DAYS,
  divideHalfUp,
  keyAccountCount,
  medianCadence,
  NON_VALUE_STATUSES,
  quintileScore,
  rfmSegmentOf,
} from './value-rules.js';

describe('value rules', () => {
  it('count orders that were kept and already placed', () => {
    assert.deepEqual([...NON_VALUE_STATUSES].sort(), ['cancelled', 'refunded', 'returned']);
    assert.equal(countsTowardValue('paid', 10, 10), true);
    assert.equal(countsTowardValue('delivered', 11, 10), false);
    for (const status of NON_VALUE_STATUSES) assert.equal(countsTowardValue(status, 0, 10), false);
  });

  it('score quintiles with ties sharing a score', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    assert.deepEqual(sorted.map((v) => quintileScore(v, sorted)), [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    assert.deepEqual([5, 5, 5].map((v) => quintileScore(v, [5, 5, 5])), [1, 1, 1]);
    assert.equal(quintileScore(7, [7]), 1);
    assert.equal(quintileScore(99, [1, 2]), 5);
  });

  it('put every (R, F) pair on the 5 × 5 grid', () => {
    const grid = [5, 4, 3, 2, 1].map((r) => [1, 2, 3, 4, 5].map((f) => rfmSegmentOf(r, f)));
    assert.deepEqual(grid, [
      ['new', 'potential', 'loyal', 'champion', 'champion'],
      ['promising', 'potential', 'loyal', 'champion', 'champion'],
      ['needs_attention', 'needs_attention', 'loyal', 'loyal', 'loyal'],
      ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cannot_lose'],
      ['lost', 'lost', 'at_risk', 'at_risk', 'cannot_lose'],
    ]);
  });

  it('measure cadence and the shop median', () => {
    assert.equal(cadenceBetween(0, 0, 1), null);
    assert.equal(cadenceBetween(0, 60 * DAY_MS, 3), 30);
    assert.equal(medianCadence([]), DEFAULT_CADENCE_DAYS);
    assert.equal(medianCadence([10, 20, 30, 40]), 30);
    assert.equal(medianCadence([10, 20, 30]), 20);
  });

  it('score churn risk against the cadence', () => {
    assert.deepEqual(churnRiskOf(15, 30), { level: 'low', score: 0 });
    assert.deepEqual(churnRiskOf(90, 30), { level: 'high', score: 10_000 });
    assert.deepEqual(churnRiskOf(200, 30), { level: 'high', score: 10_000 });
    assert.deepEqual(churnRiskOf(45, 30), { level: 'medium', score: 4_000 });
    assert.deepEqual(churnRiskOf(0.5, 0), { level: 'low', score: 0 });
    assert.deepEqual(churnRiskOf(2, 0), { level: 'medium', score: 6_000 });
    assert.equal(churnRiskOf(75, 30).level, 'high');
  });

  it('take ⌈n / 5⌉ key accounts', () => {
    assert.deepEqual([0, 1, 5, 6, 10, 11, 15].map(keyAccountCount), [0, 1, 1, 2, 2, 3, 3]);
  });

  it('divide rounding halves up, exactly', () => {
    assert.equal(divideHalfUp(5n, 2n), 3);
    assert.equal(divideHalfUp(7n, 2n), 4);
    assert.equal(divideHalfUp(4n, 3n), 1);
    assert.equal(divideHalfUp(0n, 7n), 0);
    assert.equal(divideHalfUp(3n * 10n ** 20n, 2n * 10n ** 20n), 2);
  });
});
