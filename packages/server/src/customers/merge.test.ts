// POST /v1/customers/:id/merge: everything moves, nothing is lost, and it is all or nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Customer, CustomerMergeResult } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { must } from '../util/must.js';
import { as, castOf, createCustomer, unique, type Cast } from './test-helpers.js';

after(closeAll);

/** Rows per customer in every table a merge moves (`customers` = contact persons). */
const COUNTS = {
  interactions: 'SELECT count(*)::int AS n FROM interactions WHERE customer_id = $1',
  orders: 'SELECT count(*)::int AS n FROM orders WHERE customer_id = $1',
  feedback: 'SELECT count(*)::int AS n FROM feedback WHERE customer_id = $1',
  ledgerEntries: 'SELECT count(*)::int AS n FROM loyalty_ledger WHERE customer_id = $1',
  opportunities: 'SELECT count(*)::int AS n FROM opportunities WHERE customer_id = $1',
  contacts: 'SELECT count(*)::int AS n FROM customers WHERE organisation_id = $1',
  points: 'SELECT COALESCE(sum(points), 0)::int AS n FROM loyalty_ledger WHERE customer_id = $1',
} as const;
type Counts = Record<keyof typeof COUNTS, number>;

/** Every foreign key to `customers` a merge knows how to move; a new one must be handled in merge.ts. */
const HANDLED = [
  'customer_shares.customer_id', 'customers.organisation_id', 'feedback.customer_id', 'interactions.customer_id',
  'loyalty_accounts.customer_id', 'loyalty_ledger.referred_customer_id', 'opportunities.customer_id', 'orders.customer_id',
  'survey_caps.customer_id',
];

for (const variant of variants()) {
  describe(`customer merge on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let cast: Cast;
    before(async () => {
      api = await testApi(await variant.open());
      cast = await castOf(api);
    });
    const counts = async (id: string): Promise<Counts> => {
      const out = {} as Counts;
      for (const [name, sql] of Object.entries(COUNTS)) out[name as keyof Counts] = must((await api.db.query<{ n: number }>(sql, [id])).rows[0], name).n;
      return out;
    };
    const merge = (survivor: string, duplicateId: unknown, headers = api.headers.sk) =>
      api.request('POST', `/v1/customers/${survivor}/merge`, headers, { duplicateId });

    test('two organisations: every record of the duplicate moves to the survivor', async () => {
      // The two organisations with the most history, so every table has rows to move.
      const { rows } = await api.db.query<{ id: string }>(
        `SELECT c.id FROM customers c WHERE c.kind = 'organisation'
          ORDER BY (SELECT count(*) FROM opportunities o WHERE o.customer_id = c.id) DESC,
                   (SELECT count(*) FROM loyalty_ledger l WHERE l.customer_id = c.id) DESC, c.id LIMIT 2`,
      );
      const [s, d] = rows.map((r) => r.id) as [string, string];
      await api.db.query('INSERT INTO customer_shares (customer_id, staff_id) VALUES ($1, $2)', [d, cast.support]);
      // Organisations collect no points in the demo: both join the club, so accounts meet too.
      for (const [id, points] of [[s, 700], [d, 4_500]] as const) {
        await api.db.query('INSERT INTO loyalty_accounts (program_id, customer_id) SELECT id, $1 FROM loyalty_programs', [id]);
        await api.db.query("INSERT INTO loyalty_ledger (program_id, customer_id, points, reason, note) SELECT id, $1, $2, 'adjust', 'welcome' FROM loyalty_programs", [id, points]);
      }
      const before = { s: await counts(s), d: await counts(d) };
      for (const key of ['interactions', 'orders', 'ledgerEntries', 'opportunities', 'contacts'] as const) assert.ok(before.d[key] > 0, `the duplicate has ${key}`);
      const values = await api.db.query<{ id: string; lifetime_value: number }>('SELECT id, lifetime_value FROM customers WHERE id = ANY($1::uuid[])', [[s, d]]);
      const ltv = values.rows.reduce((sum, r) => sum + r.lifetime_value, 0);

      const response = await merge(s, d);
      assert.equal(response.status, 200, await response.clone().text());
      const result = (await response.json()) as CustomerMergeResult;
      assert.equal(result.mergedId, d);
      const after = { s: await counts(s), d: await counts(d) };
      for (const key of Object.keys(COUNTS) as (keyof Counts)[]) {
        assert.equal(after.s[key], before.s[key] + before.d[key], `${key} add up`);
        assert.equal(after.d[key], 0, `${key} left on the duplicate`);
      }
      for (const key of ['interactions', 'orders', 'feedback', 'ledgerEntries', 'opportunities', 'contacts'] as const) assert.equal(result.moved[key], before.d[key], key);
      assert.ok(result.moved.shares >= 1);
      assert.equal((await api.db.query('SELECT 1 FROM customers WHERE id = $1', [d])).rows.length, 0, 'the duplicate is gone');
      await assertError(await api.request('GET', `/v1/customers/${d}`, api.headers.sk), 404);
      // Derived values follow the moved orders; the balance is the ledger's sum.
      assert.equal(result.customer.value.lifetimeValue.amount, ltv);
      assert.equal(result.customer.loyalty?.points, after.s.points);
      assert.equal(result.moved.loyaltyAccounts, 1);
      const tier = await api.db.query<{ threshold: number }>('SELECT t.threshold FROM loyalty_accounts a JOIN loyalty_tiers t ON t.id = a.tier_id WHERE a.customer_id = $1', [s]);
      assert.ok((tier.rows[0]?.threshold ?? -1) > 0, 'the tier follows the merged lifetime points');
      assert.ok(result.customer.version > 1);
      const audits = await api.db.query<{ action: string }>("SELECT action FROM audit_log WHERE entity_id = ANY($1::text[]) AND action LIKE 'customer.merge%' ORDER BY action", [[s, d]]);
      assert.deepEqual(audits.rows.map((r) => r.action), ['customer.merge', 'customer.merged_into']);
      const shares = await api.db.query('SELECT 1 FROM customer_shares WHERE customer_id = $1 AND staff_id = $2', [s, cast.support]);
      assert.equal(shares.rows.length, 1, 'shares move');
    });

    test('empty fields of the survivor are filled, channels and tags united; the old owner keeps sight', async () => {
      const u = unique();
      const survivor = await createCustomer(api, { kind: 'person', name: `Ana ${u}`, tags: ['a'], channels: [{ kind: 'email', value: `ana-${u}@example.com`, preferred: true }] }, await as(api, cast.rep));
      const duplicate = await createCustomer(api, {
        kind: 'person', name: `Ana B ${u}`, externalId: `ana-${u}`, locale: 'pt-BR', tags: ['a', 'b'], ownerId: cast.otherRep,
        channels: [{ kind: 'email', value: `ana.b-${u}@example.com`, preferred: true }, { kind: 'mobile', value: '+55 11 91234 5678', preferred: true }],
      });
      const response = await merge(survivor.id, duplicate.id, await as(api, cast.admin));
      assert.equal(response.status, 200, await response.clone().text());
      const merged = ((await response.json()) as CustomerMergeResult).customer;
      assert.equal(merged.name, survivor.name);
      assert.equal(merged.externalId, `ana-${u}`);
      assert.equal(merged.locale, 'pt-BR');
      assert.deepEqual(merged.tags, ['a', 'b']);
      assert.deepEqual(merged.channels.map((c) => [c.kind, c.preferred]), [['email', true], ['email', false], ['mobile', true]]);
      assert.equal(merged.ownerId, cast.rep);
      const otherRepSees = await api.request('GET', `/v1/customers/${survivor.id}`, await as(api, cast.otherRep));
      assert.equal(otherRepSees.status, 200, 'shared with the duplicate\'s owner');
    });

    test('all or nothing: a merge that fails half-way changes nothing', async () => {
      const a = await createCustomer(api, { kind: 'person', name: `Referred A ${unique()}` });
      const b = await createCustomer(api, { kind: 'person', name: `Referred B ${unique()}` });
      // Both were referred by someone: the ledger's once-per-referred-customer rule collides
      // only after the timeline, orders and accounts have already moved.
      const { rows: [program] } = await api.db.query<{ id: string }>('SELECT id FROM loyalty_programs LIMIT 1');
      const programId = must(program, 'the program').id;
      for (const [referrer, referred] of [[api.customerId, a.id], [api.otherCustomerId, b.id]] as const) {
        await api.db.query('INSERT INTO loyalty_accounts (program_id, customer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [programId, referrer]);
        await api.db.query("INSERT INTO loyalty_ledger (program_id, customer_id, points, reason, referred_customer_id) VALUES ($1, $2, 500, 'referral', $3)", [programId, referrer, referred]);
      }
      await api.db.query("INSERT INTO interactions (customer_id, channel, type, direction, phase, summary, occurred_at) VALUES ($1, 'phone', 'call', 'inbound', 'pre_sale', 'hello', now())", [b.id]);
      const before = { a: await counts(a.id), b: await counts(b.id) };
      await assertError(await merge(a.id, b.id), 409, 'conflict');
      assert.deepEqual({ a: await counts(a.id), b: await counts(b.id) }, before);
      const { rows } = await api.db.query<{ version: number }>('SELECT version FROM customers WHERE id = ANY($1::uuid[]) ORDER BY version', [[a.id, b.id]]);
      assert.deepEqual(rows.map((r) => r.version), [1, 1]);
      assert.equal((await api.db.query("SELECT 1 FROM audit_log WHERE action = 'customer.merge' AND entity_id = $1", [a.id])).rows.length, 0);
    });

    test('the ledger stays append-only outside a merge', async () => {
      await assert.rejects(api.db.query('UPDATE loyalty_ledger SET customer_id = customer_id WHERE id = (SELECT id FROM loyalty_ledger LIMIT 1)'), /append-only/);
      await assert.rejects(
        api.db.transaction(async (tx) => {
          await tx.query("SELECT set_config('kith.merge', 'on', true)");
          await tx.query('UPDATE loyalty_ledger SET points = points + 1 WHERE id = (SELECT id FROM loyalty_ledger LIMIT 1)');
        }),
        /append-only/,
      );
    });

    test('every foreign key to customers is one the merge moves', async () => {
      const { rows } = await api.db.query<{ ref: string }>(
        `SELECT cl.relname || '.' || a.attname AS ref FROM pg_constraint k
           JOIN pg_class cl ON cl.oid = k.conrelid
           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = ANY(k.conkey)
          WHERE k.contype = 'f' AND k.confrelid = 'customers'::regclass ORDER BY 1`,
      );
      assert.deepEqual(rows.map((r) => r.ref), HANDLED);
    });

    test('refusals: unseen customers 404, self, other kinds and bad bodies 400', async () => {
      const theirs = await createCustomer(api, { kind: 'person', name: `Theirs ${unique()}`, ownerId: cast.otherRep });
      const mine = await createCustomer(api, { kind: 'person', name: `Mine ${unique()}`, ownerId: cast.rep });
      const org = await createCustomer(api, { kind: 'organisation', name: `Org ${unique()}` });
      const rep = await as(api, cast.rep);
      await assertError(await merge(mine.id, theirs.id, rep), 404, 'not_found');
      await assertError(await merge(theirs.id, mine.id, rep), 404, 'not_found');
      await assertError(await merge(mine.id, '00000000-0000-4000-8000-000000000000'), 404, 'not_found');
      await assertError(await merge(mine.id, mine.id), 400, 'validation');
      await assertError(await merge(mine.id, org.id), 400, 'validation');
      for (const body of [{}, { duplicateId: 'x' }, { duplicateId: 7 }, { duplicateId: theirs.id, extra: true }]) {
        await assertError(await api.request('POST', `/v1/customers/${mine.id}/merge`, api.headers.sk, body), 400, 'validation');
      }
      await assertError(await api.request('POST', `/v1/customers/${mine.id}/merge`, api.headers.sk, '{"duplicateId":'), 400, 'bad_request');
      await assertError(await api.request('POST', '/v1/customers/nope/merge', api.headers.sk, { duplicateId: theirs.id }), 400, 'validation');
      await assertError(await api.request('POST', `/v1/customers/${mine.id}/merge`, api.headers.sk, { duplicateId: theirs.id, pad: 'x'.repeat(300_000) }), 413);
      const still = (await (await api.request('GET', `/v1/customers/${mine.id}`, api.headers.sk)).json()) as Customer;
      assert.equal(still.version, 1);
    });
  });
}
