import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LedgerEntry, LedgerReason } from './loyalty-ledger.js';
import { LoyaltyProgram, PointsRate, Tier } from './loyalty-program.js';
import { LoyaltyAccount } from './loyalty.js';
import { ids, ledgerEntry, loyaltyAccount, loyaltyProgram } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

const [member, senior] = loyaltyProgram.tiers;
if (!member || !senior) throw new Error('the program fixture has two tiers');

describe('LoyaltyProgram', () => {
  it('accepts the fixture and a single tier from 0', () => {
    accepts(LoyaltyProgram, loyaltyProgram);
    accepts(LoyaltyProgram, { ...loyaltyProgram, tiers: [member] });
  });
  it('needs a tier, starting at 0', () => {
    rejects(LoyaltyProgram, { ...loyaltyProgram, tiers: [] }, ['tiers']);
    rejects(LoyaltyProgram, { ...loyaltyProgram, tiers: [{ ...member, threshold: 10 }, senior] }, ['tiers', 0, 'threshold']);
  });
  it('rejects thresholds that do not increase strictly', () => {
    rejects(LoyaltyProgram, { ...loyaltyProgram, tiers: [member, { ...senior, threshold: 0 }] }, ['tiers', 1, 'threshold']);
    const third = { ...senior, id: ids.ledgerEntry, threshold: 500, position: 2 };
    rejects(LoyaltyProgram, { ...loyaltyProgram, tiers: [member, senior, third] }, ['tiers', 2, 'threshold']);
  });
  it('rejects a tier of another program', () => {
    rejects(LoyaltyProgram, { ...loyaltyProgram, tiers: [{ ...member, programId: ids.pipeline }] }, ['tiers', 0, 'programId']);
  });
  it('earns per a positive amount of money', () => {
    accepts(PointsRate, { points: 0, per: { amount: 1, currency: 'EUR' } });
    rejects(PointsRate, { points: 1, per: { amount: 0, currency: 'EUR' } }, ['per', 'amount']);
    rejects(PointsRate, { points: -1, per: { amount: 100, currency: 'EUR' } }, ['points']);
    rejects(PointsRate, { points: 1.5, per: { amount: 100, currency: 'EUR' } }, ['points']);
    rejects(PointsRate, { points: 1, per: { amount: 100, currency: 'PTS' } }, ['per', 'currency']);
  });
});

describe('Tier', () => {
  it('rejects a negative threshold, empty benefits and unknown fields', () => {
    rejects(Tier, { ...member, threshold: -1 }, ['threshold']);
    rejects(Tier, { ...member, benefits: [' '] }, ['benefits', 0]);
    rejects(Tier, { ...member, discount: 5 });
    accepts(Tier, { ...member, benefits: [] });
  });
});

describe('LoyaltyAccount', () => {
  it('accepts a top-tier member and one on the way up', () => {
    accepts(LoyaltyAccount, loyaltyAccount);
    accepts(LoyaltyAccount, {
      ...loyaltyAccount,
      lifetimePoints: 400,
      balance: 0,
      tierId: member.id,
      nextTier: { tierId: senior.id, name: senior.name, pointsNeeded: 600 },
    });
  });
  it('allows a negative balance but not negative lifetime points', () => {
    accepts(LoyaltyAccount, { ...loyaltyAccount, balance: -20 });
    rejects(LoyaltyAccount, { ...loyaltyAccount, lifetimePoints: -1 }, ['lifetimePoints']);
    rejects(LoyaltyAccount, { ...loyaltyAccount, balance: 1.5 }, ['balance']);
  });
  it('needs at least one point to the next tier and rejects unknown fields', () => {
    const nextTier = { tierId: senior.id, name: senior.name, pointsNeeded: 0 };
    rejects(LoyaltyAccount, { ...loyaltyAccount, nextTier }, ['nextTier', 'pointsNeeded']);
    rejects(LoyaltyAccount, { ...loyaltyAccount, expiringPoints: 10 });
  });
});

describe('LedgerEntry', () => {
  const signed: Record<LedgerReason, number> = { purchase: 1, review: 1, referral: 1, redeem: -1, expire: -1, adjust: 1 };
  it('accepts each reason with its sign, and adjust either way', () => {
    for (const reason of LedgerReason.options) accepts(LedgerEntry, { ...ledgerEntry, reason, points: 50 * signed[reason] });
    accepts(LedgerEntry, { ...ledgerEntry, reason: 'adjust', points: -50, note: 'Returned item' });
  });
  it('rejects a redeem or expiry with positive points', () => {
    rejects(LedgerEntry, { ...ledgerEntry, reason: 'redeem', points: 100 }, ['points']);
    rejects(LedgerEntry, { ...ledgerEntry, reason: 'expire', points: 100 }, ['points']);
  });
  it('rejects earning with negative points', () => {
    for (const reason of ['purchase', 'review', 'referral'] as const) {
      rejects(LedgerEntry, { ...ledgerEntry, reason, points: -10 }, ['points']);
    }
  });
  it('rejects zero and fractional points, unknown reasons and fields', () => {
    rejects(LedgerEntry, { ...ledgerEntry, reason: 'adjust', points: 0 }, ['points']);
    rejects(LedgerEntry, { ...ledgerEntry, points: 2.5 }, ['points']);
    rejects(LedgerEntry, { ...ledgerEntry, reason: 'gift' }, ['reason']);
    rejects(LedgerEntry, { ...ledgerEntry, balanceAfter: 100 });
  });
  it('infers types', () => {
    const reason: Equal<LedgerEntry['reason'], 'purchase' | 'review' | 'referral' | 'redeem' | 'adjust' | 'expire'> = true;
    const tiers: Equal<LoyaltyProgram['tiers'], Tier[]> = true;
    const next: Equal<LoyaltyAccount['nextTier'], { tierId: string; name: string; pointsNeeded: number } | null> = true;
    assert.ok(reason && tiers && next);
  });
});
