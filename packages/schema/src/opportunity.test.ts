import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Opportunity, Rank } from './opportunity.js';
import { opportunity } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Rank', () => {
  it('accepts 1 to 64 base-62 characters', () => {
    for (const rank of ['0', 'a0', 'Zz9', 'x'.repeat(64)]) accepts(Rank, rank);
  });
  it('rejects empty, too long and other characters', () => {
    for (const rank of ['', 'x'.repeat(65), 'a-0', 'a 0', 'ä', 'a0\n']) rejects(Rank, rank);
  });
  it('orders the same as byte order', () => {
    const ranks = ['a', 'A', '0', 'Z', 'z', '9'];
    assert.deepEqual([...ranks].sort(), ['0', '9', 'A', 'Z', 'a', 'z']);
  });
});

describe('Opportunity', () => {
  it('accepts the fixture and one without close date or owner', () => {
    accepts(Opportunity, opportunity);
    accepts(Opportunity, { ...opportunity, expectedClose: null, ownerId: null });
  });
  it('rejects bad money, dates, versions and ranks', () => {
    rejects(Opportunity, { ...opportunity, amount: { amount: -1, currency: 'CNY' } }, ['amount', 'amount']);
    rejects(Opportunity, { ...opportunity, amount: { amount: 10, currency: 'cny' } }, ['amount', 'currency']);
    rejects(Opportunity, { ...opportunity, expectedClose: '2026-09-31' }, ['expectedClose']);
    rejects(Opportunity, { ...opportunity, expectedClose: '2026-09-30T00:00:00Z' }, ['expectedClose']);
    rejects(Opportunity, { ...opportunity, version: 0 }, ['version']);
    rejects(Opportunity, { ...opportunity, rank: '' }, ['rank']);
  });
  it('rejects an empty title and unknown fields', () => {
    rejects(Opportunity, { ...opportunity, title: ' ' }, ['title']);
    rejects(Opportunity, { ...opportunity, probability: 5_000 });
  });
  it('infers nullable owner and close date', () => {
    const owner: Equal<Opportunity['ownerId'], string | null> = true;
    const close: Equal<Opportunity['expectedClose'], string | null> = true;
    assert.ok(owner && close);
  });
});
