import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LedgerEntry, LoyaltyAccount, LoyaltyProgramResponse } from '@kith/schema';
import { awardReviewPoints } from '../loyalty/award.js';
import { expirePoints } from '../loyalty/expiry.js';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { must } from '../util/must.js';

after(closeAll);

const DAY = 86_400_000;
let n = 0;

for (const variant of variants()) {
  describe(`loyalty on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });
    const json = async <T>(response: Response, status: number): Promise<T> => {
      const text = await response.text();
      assert.equal(response.status, status, text);
      return JSON.parse(text) as T;
    };
    /** A fresh customer with `points` awarded now, and their own token. */
    const member = async (points: number) => {
      const { id } = await json<{ id: string }>(
        await api.request('PUT', '/v1/ingest/customers', api.headers.sk, { externalId: `loyal-${process.pid}-${++n}`, name: 'Loyal Shopper' }), 201);
      if (points > 0) await json(await api.request('POST', '/v1/ingest/points', api.headers.sk, { customerId: id, points, reason: 'purchase' }), 201);
      return { id, headers: await api.customerAs(id) };
    };
    const account = async (id: string, headers = api.headers.sk) => LoyaltyAccount.parse(await json(await api.request('GET', `/v1/customers/${id}/loyalty`, headers), 200));
    const redeem = (id: string, points: number, headers: Record<string, string>) =>
      api.request('POST', `/v1/customers/${id}/loyalty/redeem`, headers, { points });
    const atTime = async <T>(at: Date, run: () => Promise<T>): Promise<T> => {
      const real = api.clock.now;
      api.clock.now = at;
      try {
        return await run();
      } finally {
        api.clock.now = real;
      }
    };

    test('the program is public: tiers from 0 and the rules', async () => {
      const body = LoyaltyProgramResponse.parse(await json(await api.request('GET', '/v1/loyalty/program', api.headers.pk), 200));
      assert.deepEqual(body.program.tiers.map((tier) => tier.name), ['Member', 'Silver', 'Gold', 'Platinum']);
      assert.deepEqual(body.rules, { reviewPoints: 50, referralPoints: 500, expireAfterMonths: 12, tierValidityMonths: null });
    });

    test('the account: balance from the ledger, tier and distance to the next', async () => {
      const { id, headers } = await member(120);
      const own = await account(id, headers);
      assert.equal(own.balance, 120);
      assert.equal(own.lifetimePoints, 120);
      assert.ok(own.tierId && own.nextTier && own.nextTier.pointsNeeded > 0);
      const staff = await api.staffWith(['loyalty:read']);
      assert.equal((await account(api.customerId, staff)).customerId, api.customerId);
      // A staff member outside the customer's hierarchy: 404, as for an unknown id.
      const { rows } = await api.db.query<{ id: string }>("SELECT id FROM staff WHERE role = 'sales' AND id <> $1 ORDER BY id LIMIT 1", [api.staffId]);
      const stranger = await api.staffWith(['loyalty:read'], must(rows[0], 'another sales rep').id);
      const visible = await api.db.query('SELECT 1 FROM customers c WHERE c.id = $1 AND c.owner_id = $2', [id, must(rows[0], 'rep').id]);
      if (visible.rows.length === 0) await assertError(await api.request('GET', `/v1/customers/${id}/loyalty`, stranger), 404, 'not_found');
      await assertError(await api.request('GET', `/v1/customers/${crypto.randomUUID()}/loyalty`, api.headers.sk), 404, 'not_found');
      await assertError(await api.request('GET', `/v1/customers/${id}/loyalty`, api.headers.customer), 403, 'forbidden');
      // Never earned a point: a member with nothing, in the first tier.
      const { id: fresh } = await member(0);
      assert.deepEqual(await account(fresh), { ...(await account(fresh)), balance: 0, lifetimePoints: 0 });
    });

    test('the ledger: newest first, cursor pages without gaps or repeats', async () => {
      const all = (await api.db.query<{ id: string }>('SELECT id FROM loyalty_ledger WHERE customer_id = $1 ORDER BY created_at DESC, id DESC', [api.customerId])).rows.map((r) => r.id);
      assert.ok(all.length > 3);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const query: string = cursor ? `?limit=3&cursor=${cursor}` : '?limit=3';
        const page = await json<{ items: unknown[]; next: string | null }>(await api.request('GET', `/v1/customers/${api.customerId}/loyalty/ledger${query}`, api.headers.customer), 200);
        for (const item of page.items) seen.push(LedgerEntry.parse(item).id);
        cursor = page.next;
      } while (cursor);
      assert.deepEqual(seen, all);
      for (const bad of ['?cursor=nonsense', '?limit=0', '?limit=101', '?limit=abc', '?sort=points']) {
        await assertError(await api.request('GET', `/v1/customers/${api.customerId}/loyalty/ledger${bad}`, api.headers.sk), 400, 'validation');
      }
    });

    test('redeem: never below zero; 201 with the entry and the new balance', async () => {
      const { id, headers } = await member(100);
      const short = await assertError(await redeem(id, 101, headers), 409, 'conflict');
      assert.equal((short.error.details?.current as { balance: number }).balance, 100);
      const done = await json<{ entry: { points: number; reason: string }; balance: number }>(await redeem(id, 60, headers), 201);
      assert.deepEqual([done.entry.reason, done.entry.points, done.balance], ['redeem', -60, 40]);
      assert.equal((await account(id)).lifetimePoints, 100, 'redeeming never demotes');
      await json(await redeem(id, 40, api.headers.sk), 201);
      await assertError(await redeem(id, 1, headers), 409, 'conflict');
      await assertError(await redeem(id, 1, api.headers.customer), 403, 'forbidden');
    });

    test('two concurrent redeems of the whole balance: one 201, one 409', { skip: variant.name === 'PGlite' ? 'PGlite is one connection: cannot race (runs on PostgreSQL)' : false }, async () => {
      const { id, headers } = await member(300);
      const statuses = (await Promise.all([redeem(id, 300, headers), redeem(id, 300, api.headers.sk)])).map((r) => r.status).sort();
      assert.deepEqual(statuses, [201, 409]);
      assert.equal((await account(id)).balance, 0);
    });

    test('adjust: staff with loyalty:adjust, audited; may go either way', async () => {
      const { id } = await member(10);
      const staff = await api.staffWith(['loyalty:adjust']);
      const body = await json<{ entry: { id: string }; balance: number }>(
        await api.request('POST', `/v1/customers/${api.customerId}/loyalty/adjust`, staff, { points: -5, note: 'Double-counted return' }), 201);
      const { rows } = await api.db.query<{ actor_kind: string; actor_id: string }>("SELECT actor_kind, actor_id FROM audit_log WHERE action = 'loyalty.adjust' AND entity_id = $1", [body.entry.id]);
      assert.deepEqual(rows, [{ actor_kind: 'staff', actor_id: api.staffId }]);
      const server = await json<{ balance: number }>(await api.request('POST', `/v1/customers/${id}/loyalty/adjust`, api.headers.sk, { points: 15, note: 'Goodwill' }), 201);
      assert.equal(server.balance, 25);
      await assertError(await api.request('POST', `/v1/customers/${id}/loyalty/adjust`, await api.staffWith(['loyalty:read']), { points: 1, note: 'x' }), 403);
    });

    test('review points: once per review, and the tier follows', async () => {
      const { id } = await member(0);
      const { rows } = await api.db.query<{ id: string }>(
        "INSERT INTO feedback (kind, customer_id, product_id, rating, title, body, language, moderation_status, author_name, verified_purchase) SELECT 'review', $1, id, 5, 'Lovely', 'Soft and warm.', 'en', 'published', 'Loyal', false FROM products LIMIT 1 RETURNING id",
        [id],
      );
      const feedbackId = must(rows[0], 'a review').id;
      for (let i = 0; i < 2; i++) await api.db.transaction((tx) => awardReviewPoints(tx, { customerId: id, feedbackId, now: api.clock.now }));
      const ledger = (await api.db.query<{ reason: string; points: number }>('SELECT reason, points FROM loyalty_ledger WHERE customer_id = $1', [id])).rows;
      assert.deepEqual(ledger, [{ reason: 'review', points: 50 }]);
      assert.equal((await account(id)).balance, 50);
    });

    test('expiry by the clock: a balance lapses 12 months after the last activity, once', async () => {
      const start = new Date(Date.UTC(2030, 0, 15, 12));
      const { id } = await atTime(start, () => member(80));
      const later = (days: number) => new Date(start.getTime() + days * DAY);
      assert.equal((await atTime(later(360), () => account(id))).balance, 80, 'not yet');
      const expired = await atTime(later(400), () => account(id));
      assert.equal(expired.balance, 0);
      assert.equal(expired.lifetimePoints, 80, 'expiry never demotes');
      await atTime(later(420), () => account(id));
      const { rows } = await api.db.query<{ points: number; created_at: Date }>("SELECT points, created_at FROM loyalty_ledger WHERE customer_id = $1 AND reason = 'expire'", [id]);
      assert.deepEqual(rows.map((r) => [r.points, r.created_at.toISOString()]), [[-80, '2031-01-15T12:00:00.000Z']], 'dated when it lapsed, written once');
      // New activity earns afresh; the job applies the same rule to every account.
      await atTime(later(430), async () => json(await api.request('POST', '/v1/ingest/points', api.headers.sk, { customerId: id, points: 30, reason: 'review' }), 201));
      assert.equal((await atTime(later(430), () => account(id))).balance, 30);
      assert.ok((await expirePoints(api.db, later(430 + 370))) >= 30);
      assert.equal((await atTime(later(800), () => account(id))).balance, 0);
    });

    describe('bad input → 400/413, never 5xx', () => {
      const cases: [string, string, unknown, string?][] = [
        ['redeem', 'malformed JSON', '{"points":'],
        ['redeem', 'points 0', { points: 0 }, 'points'],
        ['redeem', 'negative points', { points: -5 }, 'points'],
        ['redeem', 'fractional points', { points: 1.5 }, 'points'],
        ['redeem', 'points a string', { points: '5' }, 'points'],
        ['redeem', 'unknown field', { points: 5, balance: 1e9 }],
        ['redeem', 'over-long note', { points: 5, note: 'x'.repeat(501) }, 'note'],
        ['adjust', 'points 0', { points: 0, note: 'x' }, 'points'],
        ['adjust', 'no note', { points: 5 }, 'note'],
        ['adjust', 'blank note', { points: 5, note: '  ' }, 'note'],
        ['adjust', 'points beyond the limit', { points: 2 ** 31, note: 'x' }, 'points'],
      ];
      for (const [action, name, body, field] of cases) {
        test(`${action}: ${name}`, async () => {
          const response = await api.request('POST', `/v1/customers/${api.customerId}/loyalty/${action}`, { ...api.headers.sk, 'content-type': 'application/json' }, body);
          const error = await assertError(response, 400);
          if (field) assert.ok(error.error.details?.issues?.some((issue) => issue.path.join('.') === field), JSON.stringify(error));
        });
      }
      test('a bad customer id', async () => {
        await assertError(await api.request('GET', '/v1/customers/not-a-uuid/loyalty', api.headers.sk), 400, 'validation');
        await assertError(await api.request('POST', '/v1/customers/not-a-uuid/loyalty/redeem', api.headers.sk, { points: 1 }), 400, 'validation');
      });
      test('an oversize body', async () => {
        await assertError(await api.request('POST', `/v1/customers/${api.customerId}/loyalty/redeem`, api.headers.sk, { points: 1, note: 'x'.repeat(300_000) }), 413);
      });
    });
  });
}
