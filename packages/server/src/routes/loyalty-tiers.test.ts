import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Customer, LoyaltyAccount, LoyaltyProgramResponse } from '@kith/schema';
import { addMonths } from '../loyalty/tier-window.js';
import { testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { must } from '../util/must.js';

after(closeAll);

let n = 0;

// Tier expiry (migration 0009). This file has its own database (one per test process), so
// switching the demo program to 12-month tiers here cannot disturb any other suite; each
// test that switches it switches it back.
for (const variant of variants()) {
  describe(`loyalty tier expiry on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let programId: string;
    const tierIds = new Map<string, string>();
    before(async () => {
      api = await testApi(await variant.open());
      const program = LoyaltyProgramResponse.parse(await json(await api.request('GET', '/v1/loyalty/program', api.headers.pk), 200)).program;
      programId = program.id;
      for (const tier of program.tiers) tierIds.set(tier.name, tier.id);
    });
    const json = async <T>(response: Response, status: number): Promise<T> => {
      const text = await response.text();
      assert.equal(response.status, status, text);
      return JSON.parse(text) as T;
    };
    const tier = (name: string) => must(tierIds.get(name), name);
    const member = async () =>
      (await json<{ id: string }>(
        await api.request('PUT', '/v1/ingest/customers', api.headers.sk, { externalId: `tiered-${process.pid}-${++n}`, name: 'Tiered Shopper' }), 201)).id;
    const earn = async (id: string, points: number) =>
      json(await api.request('POST', '/v1/ingest/points', api.headers.sk, { customerId: id, points, reason: 'purchase' }), 201);
    const account = async (id: string) => LoyaltyAccount.parse(await json(await api.request('GET', `/v1/customers/${id}/loyalty`, api.headers.sk), 200));
    const card = async (id: string) => must(Customer.parse(await json(await api.request('GET', `/v1/customers/${id}`, api.headers.sk), 200)).loyalty, 'loyalty');
    const storedTier = async (id: string) =>
      must((await api.db.query<{ tier_id: string | null }>('SELECT tier_id FROM loyalty_accounts WHERE customer_id = $1', [id])).rows[0], 'account').tier_id;
    /** Runs `body` with the demo program's tiers held for `months`, then back to lifetime tiers and the real clock. */
    const withValidity = async (months: number, body: () => Promise<void>) => {
      const real = api.clock.now;
      await api.db.query('UPDATE loyalty_programs SET tier_validity_months = $2 WHERE id = $1', [programId, months]);
      try {
        await body();
      } finally {
        await api.db.query('UPDATE loyalty_programs SET tier_validity_months = NULL WHERE id = $1', [programId]);
        api.clock.now = real;
      }
    };

    test('a lifetime program (the demo default): no tier expiry, rules say so', async () => {
      const rules = LoyaltyProgramResponse.parse(await json(await api.request('GET', '/v1/loyalty/program', api.headers.pk), 200)).rules;
      assert.equal(rules.tierValidityMonths, null);
      const id = await member();
      await earn(id, 600);
      const real = api.clock.now;
      try {
        const now = await account(id);
        assert.equal(now.tierId, tier('Silver'));
        assert.equal(now.tierExpiresAt, null);
        // Years later the tier still holds (points may lapse; lifetime tiers never do).
        api.clock.now = addMonths(real, 40);
        const later = await account(id);
        assert.equal(later.tierId, tier('Silver'));
        assert.equal(later.tierExpiresAt, null);
        assert.equal((await card(id)).tierName, 'Silver');
      } finally {
        api.clock.now = real;
      }
    });

    test('a column CHECK: the validity is positive or null', async () => {
      await assert.rejects(api.db.query('UPDATE loyalty_programs SET tier_validity_months = 0 WHERE id = $1', [programId]));
    });

    test('12-month tiers: reached at t0, expire at t0 + 12 months; account and customer card agree', async () => {
      await withValidity(12, async () => {
        const rules = LoyaltyProgramResponse.parse(await json(await api.request('GET', '/v1/loyalty/program', api.headers.pk), 200)).rules;
        assert.equal(rules.tierValidityMonths, 12);
        const t0 = api.clock.now;
        const id = await member();
        await earn(id, 600);
        const held = await account(id);
        assert.equal(held.tierId, tier('Silver'));
        assert.equal(held.tierExpiresAt, addMonths(t0, 12).toISOString());
        assert.deepEqual(held.nextTier, { tierId: tier('Gold'), name: 'Gold', pointsNeeded: 900 });
        assert.equal((await card(id)).tierName, 'Silver');

        // A millisecond before the expiry the tier holds; at it, it is gone.
        api.clock.now = new Date(addMonths(t0, 12).getTime() - 1);
        assert.equal((await account(id)).tierId, tier('Silver'));
        api.clock.now = addMonths(t0, 12);
        // The customer card alone (no account read first) already shows the lapsed tier.
        const lapsedCard = await card(id);
        assert.equal(lapsedCard.tierName, 'Member');
        assert.equal(lapsedCard.tierId, tier('Member'));
        const lapsed = await account(id);
        assert.equal(lapsed.tierId, tier('Member'));
        assert.equal(lapsed.tierExpiresAt, null, 'the base tier never expires');
        assert.deepEqual(lapsed.nextTier, { tierId: tier('Silver'), name: 'Silver', pointsNeeded: 500 });
        assert.equal(lapsed.lifetimePoints, 600, 'lifetime points are still reported');
        assert.equal(await storedTier(id), tier('Member'));
      });
    });

    test('earning again before the expiry extends the tier', async () => {
      await withValidity(12, async () => {
        const t0 = api.clock.now;
        const id = await member();
        await earn(id, 600);
        assert.equal((await account(id)).tierExpiresAt, addMonths(t0, 12).toISOString());
        // Six months on, a small purchase: still Silver, and the 600 still decides the expiry.
        const t6 = addMonths(t0, 6);
        api.clock.now = t6;
        await earn(id, 100);
        assert.equal((await account(id)).tierExpiresAt, addMonths(t0, 12).toISOString());
        // Another 500 at t6: when the 600 leaves, 600 remain, so the tier holds until t6 + 12.
        await earn(id, 500);
        const extended = await account(id);
        assert.equal(extended.tierId, tier('Silver'));
        assert.equal(extended.tierExpiresAt, addMonths(t6, 12).toISOString());
        // Measured by the window: 1,200 of 1,500 for Gold.
        assert.equal(extended.nextTier?.pointsNeeded, 300);

        api.clock.now = addMonths(t0, 13);
        const after13 = await account(id);
        assert.equal(after13.tierId, tier('Silver'));
        assert.equal(after13.nextTier?.pointsNeeded, 900);
        assert.equal((await card(id)).tierName, 'Silver');

        api.clock.now = addMonths(t6, 12);
        assert.equal((await card(id)).tierName, 'Member');
        assert.equal((await account(id)).tierId, tier('Member'));
      });
    });

    test('switching back to lifetime tiers restores the lifetime tier on the next read', async () => {
      const id = await member();
      await withValidity(1, async () => {
        await earn(id, 1_600);
        assert.equal((await account(id)).tierId, tier('Gold'));
        api.clock.now = addMonths(api.clock.now, 2);
        assert.equal((await account(id)).tierId, tier('Member'));
      });
      const lifetime = await account(id);
      assert.equal(lifetime.tierId, tier('Gold'));
      assert.equal(lifetime.tierExpiresAt, null);
    });
  });
}
