// GET /v1/customers and GET /v1/customers/:id: visibility by the sales hierarchy, every
// filter alone and combined over all rows, and paging.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Customer } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { as, byNameThenId, castOf, collect, createCustomer, unique, type Cast } from './test-helpers.js';

after(closeAll);

/** The JS twin of the search folding (NFD accents, the letters NFD keeps, case). */
const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[øØ]/g, 'o').replace(/[łŁ]/g, 'l').replace(/[đĐ]/g, 'd').toLowerCase();

for (const variant of variants()) {
  describe(`customer list and visibility on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let cast: Cast;
    let all: Customer[];
    before(async () => {
      api = await testApi(await variant.open());
      cast = await castOf(api);
      // Names only search can find; created before `all` is read so the oracle has them.
      for (const name of ['Zoë Müller', 'ZOE MULLER-Smith', 'Łukasz Żółć', 'Søren Ødegård', '50% Off_Club']) {
        await createCustomer(api, { kind: 'person', name: `${name}`, tags: ['search-probe'] });
      }
      all = (await collect<Customer>(api, '/v1/customers', api.headers.sk)).items;
    });

    /** What the hierarchy lets a staff user see, computed apart from the SQL. */
    async function expectedFor(staffId: string): Promise<Set<string>> {
      const { rows: staff } = await api.db.query<{ id: string; manager_id: string | null }>('SELECT id, manager_id FROM staff');
      const team = new Set([staffId]);
      for (let grew = true; grew; ) {
        grew = false;
        for (const s of staff) if (s.manager_id && team.has(s.manager_id) && !team.has(s.id)) grew = team.add(s.id) !== null;
      }
      const { rows: shares } = await api.db.query<{ customer_id: string }>('SELECT customer_id FROM customer_shares WHERE staff_id = $1', [staffId]);
      const shared = new Set(shares.map((s) => s.customer_id));
      return new Set(all.filter((c) => (c.ownerId && team.has(c.ownerId)) || shared.has(c.id)).map((c) => c.id));
    }

    test('the secret key and admins see every customer, in name order, page after page', async () => {
      const { rows } = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers');
      assert.equal(all.length, rows[0]?.n);
      assert.deepEqual(all.map((c) => c.id), [...all].sort(byNameThenId).map((c) => c.id));
      const { items, pages } = await collect<Customer>(api, '/v1/customers', await as(api, cast.admin), 37);
      assert.ok(pages >= 7);
      assert.deepEqual(items.map((c) => c.id), all.map((c) => c.id));
      const support = await collect<Customer>(api, '/v1/customers', await as(api, cast.support));
      assert.equal(support.items.length, all.length);
    });

    test('a sales rep sees what they own and what is shared with them; a manager also their team\'s', async () => {
      const foreign = all.find((c) => c.ownerId === cast.otherRep);
      assert.ok(foreign, 'a customer of another team');
      const rep = await as(api, cast.rep);
      await assertError(await api.request('GET', `/v1/customers/${foreign.id}`, rep), 404, 'not_found');
      // Shared with the rep (by the other rep's manager): now visible in list and get.
      const share = await api.request('PUT', `/v1/customers/${foreign.id}/shares/${cast.rep}`, await as(api, cast.otherManager));
      assert.equal(share.status, 200, await share.text());
      assert.equal((await api.request('GET', `/v1/customers/${foreign.id}`, rep)).status, 200);

      for (const [who, id] of [['rep', cast.rep], ['manager', cast.manager], ['other rep', cast.otherRep], ['other manager', cast.otherManager]] as const) {
        const expected = await expectedFor(id);
        const seen = (await collect<Customer>(api, '/v1/customers', await as(api, id), 25)).items.map((c) => c.id);
        assert.deepEqual(new Set(seen), expected, who);
        assert.ok(expected.size > 0, `${who} sees someone`);
      }
      const repSees = await expectedFor(cast.rep);
      const managerSees = await expectedFor(cast.manager);
      assert.ok([...repSees].every((id) => id === foreign.id || managerSees.has(id)), 'the manager sees the rep\'s own customers');
      assert.ok(managerSees.size > repSees.size);
      assert.ok(repSees.has(foreign.id));
      // The manager of the rep's team does not see the other team's customer shared with the rep.
      assert.ok(!managerSees.has(foreign.id));
      await assertError(await api.request('GET', `/v1/customers/${foreign.id}`, await as(api, cast.manager)), 404);
    });

    test('a customer token lists only itself, and reads no one else', async () => {
      const page = await collect<Customer>(api, '/v1/customers', api.headers.customer);
      assert.deepEqual(page.items.map((c) => c.id), [api.customerId]);
      const none = await collect<Customer>(api, '/v1/customers?kind=organisation', api.headers.customer);
      assert.deepEqual(none.items, []);
      await assertError(await api.request('GET', `/v1/customers/${api.otherCustomerId}`, api.headers.customer), 403, 'forbidden');
    });

    test('search by name ignores case and Latin accents, and matches Chinese as typed', async () => {
      const names = async (q: string) =>
        (await collect<Customer>(api, `/v1/customers?q=${encodeURIComponent(q)}`, api.headers.sk, 10)).items.map((c) => c.name);
      assert.deepEqual(await names('zoe mul'), ['ZOE MULLER-Smith', 'Zoë Müller']);
      assert.deepEqual(await names('Zoe\u0308'), ['ZOE MULLER-Smith', 'Zoë Müller']);
      assert.deepEqual(await names('LUKASZ zolc'), ['Łukasz Żółć']);
      assert.deepEqual(await names('soren odegard'), ['Søren Ødegård']);
      assert.deepEqual(await names('50%'), ['50% Off_Club']);
      assert.deepEqual(await names('f_c'), ['50% Off_Club']);
      assert.deepEqual(await names('0%_'), []);
      for (const q of ['王', '陳志', 'an', 'Olivia']) {
        const expected = all.filter((c) => fold(c.name).includes(fold(q))).map((c) => c.name);
        assert.ok(expected.length > 0, q);
        assert.deepEqual(await names(q), expected, q);
      }
    });

    test('each filter alone and combined selects exactly the matching rows of all', async () => {
      const { rows: contact } = await api.db.query<{ id: string; at: Date }>('SELECT customer_id AS id, max(occurred_at) AS at FROM interactions GROUP BY customer_id');
      const lastContact = new Map(contact.map((r) => [r.id, r.at.getTime()]));
      const sample = all.find((c) => c.id === api.customerId);
      assert.ok(sample?.loyalty?.tierId && sample.organisationId && sample.ownerId);
      const tierId = sample.loyalty.tierId;
      const times = [...lastContact.values()].sort((a, b) => a - b);
      const mid = new Date(times[Math.floor(times.length / 2)] ?? 0).toISOString();
      const early = new Date(times[Math.floor(times.length / 5)] ?? 0).toISOString();
      type F = [string, (c: Customer) => boolean];
      const filters: Record<string, F> = {
        tag: ['tag=newsletter', (c) => c.tags.includes('newsletter')],
        tags: ['tag=newsletter&tag=vip', (c) => c.tags.includes('newsletter') && c.tags.includes('vip')],
        owner: [`ownerId=${cast.rep}`, (c) => c.ownerId === cast.rep],
        segment: ['segment=champion', (c) => c.value.segment === 'champion'],
        tier: [`tierId=${tierId}`, (c) => c.loyalty?.tierId === tierId],
        kind: ['kind=organisation', (c) => c.kind === 'organisation'],
        organisation: [`organisationId=${sample.organisationId}`, (c) => c.organisationId === sample.organisationId],
        before: [`lastContactBefore=${mid}`, (c) => (lastContact.get(c.id) ?? 0) < Date.parse(mid)],
        after: [`lastContactAfter=${mid}`, (c) => (lastContact.get(c.id) ?? 0) > Date.parse(mid)],
        between: [`lastContactAfter=${early}&lastContactBefore=${mid}`, (c) => { const t = lastContact.get(c.id) ?? 0; return t > Date.parse(early) && t < Date.parse(mid); }],
        q: ['q=a', (c) => fold(c.name).includes('a')],
      };
      const combos: F[] = [
        ...Object.values(filters),
        ...[['segment', 'tag'], ['q', 'kind'], ['owner', 'after'], ['tier', 'q', 'before'], ['kind', 'segment', 'between']].map(
          (names): F => {
            const parts = names.map((n) => filters[n] as F);
            return [parts.map((p) => p[0]).join('&'), (c) => parts.every((p) => p[1](c))];
          },
        ),
      ];
      for (const [query, keep] of combos) {
        const expected = all.filter(keep).map((c) => c.id);
        const got = await collect<Customer>(api, `/v1/customers?${query}`, api.headers.sk, 9);
        assert.deepEqual(got.items.map((c) => c.id), expected, query);
        if (query === 'tag=newsletter' || query === 'q=a') assert.ok(expected.length > 9 && got.pages >= 2, `${query} spans pages`);
      }
    });

    test('filters apply within what the viewer sees', async () => {
      const expected = all.filter((c) => c.ownerId === cast.otherRep).length;
      assert.ok(expected > 0);
      const rep = await collect<Customer>(api, `/v1/customers?ownerId=${cast.otherRep}`, await as(api, cast.rep));
      assert.ok(rep.items.length <= 1, 'only what was shared');
      const manager = await collect<Customer>(api, `/v1/customers?ownerId=${cast.otherRep}`, await as(api, cast.otherManager));
      assert.equal(manager.items.length, expected);
    });

    test('bad queries → 400 with the field', async () => {
      const cases: [string, string][] = [
        ['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=x', 'limit'], ['ownerId=nope', 'ownerId'],
        ['segment=vip', 'segment'], ['kind=robot', 'kind'], ['tierId=1', 'tierId'], ['organisationId=%27', 'organisationId'],
        ['lastContactBefore=yesterday', 'lastContactBefore'], [`q=${'x'.repeat(101)}`, 'q'], ['q=', 'q'],
        [`tag=${'t'.repeat(51)}`, 'tag'], [`${Array.from({ length: 11 }, (_, i) => `tag=t${i}`).join('&')}`, 'tag'],
        ['lastContactAfter=2026-02-01T00:00:00Z&lastContactBefore=2026-01-01T00:00:00Z', 'lastContactAfter'],
        ['cursor=bm90LWEtY3Vyc29y', 'cursor'], ['cursor=%25%25', 'cursor'], ['sort=name', ''],
      ];
      for (const [query, field] of cases) {
        const body = await assertError(await api.request('GET', `/v1/customers?${query}`, api.headers.sk), 400, 'validation');
        const paths = (body.error.details?.issues ?? []).map((i) => String(i.path[0] ?? ''));
        assert.ok(field === '' ? paths.length > 0 : paths.includes(field), `${query}: ${JSON.stringify(body)}`);
      }
    });

    test('get answers the version as ETag; an unknown or malformed id is 404 / 400', async () => {
      const response = await api.request('GET', `/v1/customers/${api.customerId}`, api.headers.staff);
      const customer = (await response.json()) as Customer;
      assert.equal(response.headers.get('etag'), `"${customer.version}"`);
      await assertError(await api.request('GET', `/v1/customers/${unique()}`, api.headers.sk), 400, 'validation');
      await assertError(await api.request('GET', '/v1/customers/00000000-0000-4000-8000-000000000000', api.headers.sk), 404, 'not_found');
    });
  });
}
