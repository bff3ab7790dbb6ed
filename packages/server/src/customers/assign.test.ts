// Transfer (assign), sharing, and an organisation's contact persons.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Customer, CustomerPage, CustomerShares } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { must } from '../util/must.js';
import { as, castOf, collect, createCustomer, unique, type Cast } from './test-helpers.js';

after(closeAll);

/** What a transfer changes, from a customer in a response body. */
const pick = (customer: unknown) => {
  const { ownerId, version } = customer as Customer;
  return { ownerId, version };
};

for (const variant of variants()) {
  describe(`customer transfer, shares and contacts on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let cast: Cast;
    before(async () => {
      api = await testApi(await variant.open());
      cast = await castOf(api);
    });
    const assign = async (id: string, ownerId: unknown, headers: Record<string, string>) =>
      api.request('POST', `/v1/customers/${id}/assign`, headers, { ownerId });
    const audits = async (action: string, id: string) =>
      (await api.db.query<{ actor_id: string; before: unknown; after: unknown }>('SELECT actor_id, before, after FROM audit_log WHERE action = $1 AND entity_id = $2 ORDER BY at', [action, id])).rows;

    test('a manager transfers within their team; the move is audited and bumps the version', async () => {
      const { rows } = await api.db.query<{ id: string }>("SELECT id FROM staff WHERE manager_id = $1 AND role = 'sales' AND id <> $2", [cast.manager, cast.rep]);
      const teammate = rows[0]?.id;
      assert.ok(teammate, 'the rep has a teammate');
      const c = await createCustomer(api, { kind: 'person', name: `Transfer ${unique()}`, ownerId: cast.rep });
      const response = await assign(c.id, teammate, await as(api, cast.manager));
      assert.equal(response.status, 200, await response.clone().text());
      const moved = (await response.json()) as Customer;
      assert.equal(moved.ownerId, teammate);
      assert.equal(moved.version, 2);
      assert.equal(response.headers.get('etag'), '"2"');
      const [entry] = await audits('customer.assign', c.id);
      assert.equal(entry?.actor_id, cast.manager);
      assert.deepEqual(entry?.before, { ownerId: cast.rep, version: 1 });
      assert.deepEqual(entry?.after, { ownerId: teammate, version: 2 });
      // The old owner no longer sees it; the new one does.
      await assertError(await api.request('GET', `/v1/customers/${c.id}`, await as(api, cast.rep)), 404);
      assert.equal((await api.request('GET', `/v1/customers/${c.id}`, await as(api, teammate))).status, 200);
      // Same owner again: nothing to do, no second audit entry.
      assert.equal((await assign(c.id, teammate, await as(api, cast.manager))).status, 200);
      assert.equal((await audits('customer.assign', c.id)).length, 1);
    });

    test('across teams only an admin (or the secret key) transfers; a rep never', async () => {
      const c = await createCustomer(api, { kind: 'person', name: `Across ${unique()}`, ownerId: cast.rep });
      await assertError(await assign(c.id, cast.otherRep, await as(api, cast.manager)), 403, 'forbidden');
      await assertError(await assign(c.id, cast.rep, await as(api, cast.rep)), 403, 'forbidden');
      await assertError(await assign(c.id, cast.otherRep, await as(api, cast.otherManager)), 404, 'not_found');
      await assertError(await assign(c.id, cast.otherRep, await as(api, cast.support)), 403, 'forbidden');
      const byAdmin = await assign(c.id, cast.otherRep, await as(api, cast.admin));
      assert.equal(byAdmin.status, 200);
      assert.equal(((await byAdmin.json()) as Customer).ownerId, cast.otherRep);
      assert.equal((await assign(c.id, cast.rep, api.headers.sk)).status, 200);
      assert.equal((await audits('customer.assign', c.id)).length, 2);
    });

    test('If-Match: the right version transfers and bumps it; a stale one is 409 with the current record; none still transfers', async () => {
      const teammate = must((await api.db.query<{ id: string }>("SELECT id FROM staff WHERE manager_id = $1 AND role = 'sales' AND id <> $2", [cast.manager, cast.rep])).rows[0], 'a teammate').id;
      const c = await createCustomer(api, { kind: 'person', name: `Versioned transfer ${unique()}`, ownerId: cast.rep });
      const manager = await as(api, cast.manager);
      const ifMatch = (version: string) => ({ ...manager, 'if-match': version });

      const moved = await assign(c.id, teammate, ifMatch('"1"'));
      assert.equal(moved.status, 200, await moved.clone().text());
      assert.deepEqual(pick(await moved.json()), { ownerId: teammate, version: 2 });
      assert.equal(moved.headers.get('etag'), '"2"');

      // Someone else's decision based on version 1 comes too late: nothing changes.
      const stale = await assertError(await assign(c.id, cast.rep, ifMatch('"1"')), 409, 'conflict');
      assert.deepEqual(pick(stale.error.details?.current), { ownerId: teammate, version: 2 });
      assert.deepEqual(pick(await (await api.request('GET', `/v1/customers/${c.id}`, api.headers.sk)).json()), { ownerId: teammate, version: 2 });
      assert.equal((await audits('customer.assign', c.id)).length, 1);

      // The ETag's other spellings, then no If-Match at all (a script that means "this owner now").
      const back = await assign(c.id, cast.rep, ifMatch('W/"2"'));
      assert.deepEqual(pick(await back.json()), { ownerId: cast.rep, version: 3 });
      const unversioned = await assign(c.id, teammate, manager);
      assert.equal(unversioned.status, 200);
      assert.deepEqual(pick(await unversioned.json()), { ownerId: teammate, version: 4 });
      await assertError(await assign(c.id, cast.rep, ifMatch('banana')), 400, 'validation');
      await assertError(await assign(c.id, cast.rep, ifMatch('"0"')), 400, 'validation');
    });

    test('the checks run in order: 404 (not seen), 409 (stale), 400 (unknown owner), 403 (may not transfer)', async () => {
      const c = await createCustomer(api, { kind: 'person', name: `Check order ${unique()}`, ownerId: cast.rep });
      const nobody = '00000000-0000-4000-8000-000000000000';
      const stale = { 'if-match': '"7"' };
      const current = { 'if-match': '"1"' };
      // A manager of another team does not see it: 404 whatever the version.
      await assertError(await assign(c.id, cast.otherRep, { ...(await as(api, cast.otherManager)), ...stale }), 404, 'not_found');
      // The rep sees their customer but may not hand it away: a stale version is 409 first.
      const rep = await as(api, cast.rep);
      await assertError(await assign(c.id, cast.otherRep, { ...rep, ...stale }), 409, 'conflict');
      await assertError(await assign(c.id, nobody, { ...rep, ...current }), 400, 'validation');
      await assertError(await assign(c.id, cast.otherRep, { ...rep, ...current }), 403, 'forbidden');
      await assertError(await assign(c.id, nobody, { ...api.headers.sk, ...stale }), 409, 'conflict');
      await assertError(await assign(c.id, nobody, { ...api.headers.sk, ...current }), 400, 'validation');
      assert.equal((await audits('customer.assign', c.id)).length, 0);
    });

    test('assign: bad input', async () => {
      const c = await createCustomer(api, { kind: 'person', name: `Bad ${unique()}`, ownerId: cast.rep });
      await assertError(await assign(c.id, '00000000-0000-4000-8000-000000000000', api.headers.sk), 400, 'validation');
      for (const body of [{}, { ownerId: 'x' }, { ownerId: null }, { ownerId: cast.rep, note: 'x' }]) {
        await assertError(await api.request('POST', `/v1/customers/${c.id}/assign`, api.headers.sk, body), 400, 'validation');
      }
      await assertError(await api.request('POST', `/v1/customers/${c.id}/assign`, api.headers.sk, '[1,'), 400, 'bad_request');
      await assertError(await api.request('POST', `/v1/customers/${c.id}/assign`, api.headers.sk, { ownerId: cast.rep, pad: 'x'.repeat(300_000) }), 413);
      await assertError(await assign('nope', cast.rep, api.headers.sk), 400, 'validation');
      await assertError(await assign('00000000-0000-4000-8000-000000000000', cast.rep, api.headers.sk), 404);
    });

    test('share and unshare: visibility follows, idempotent, audited once per change', async () => {
      const c = await createCustomer(api, { kind: 'person', name: `Shared ${unique()}`, ownerId: cast.rep });
      const rep = await as(api, cast.rep);
      const other = await as(api, cast.otherRep);
      await assertError(await api.request('GET', `/v1/customers/${c.id}`, other), 404);
      for (let i = 0; i < 2; i++) {
        const shared = await api.request('PUT', `/v1/customers/${c.id}/shares/${cast.otherRep}`, rep);
        assert.equal(shared.status, 200);
        assert.deepEqual((await shared.json()) as CustomerShares, { customerId: c.id, staffIds: [cast.otherRep] });
      }
      assert.equal((await api.request('GET', `/v1/customers/${c.id}`, other)).status, 200);
      // Someone it is only shared with may not share it onward.
      await assertError(await api.request('PUT', `/v1/customers/${c.id}/shares/${cast.otherManager}`, other), 403, 'forbidden');
      for (let i = 0; i < 2; i++) assert.equal((await api.request('DELETE', `/v1/customers/${c.id}/shares/${cast.otherRep}`, rep)).status, 200);
      await assertError(await api.request('GET', `/v1/customers/${c.id}`, other), 404);
      assert.equal((await audits('customer.share', c.id)).length, 1);
      assert.equal((await audits('customer.unshare', c.id)).length, 1);
      await assertError(await api.request('PUT', `/v1/customers/${c.id}/shares/00000000-0000-4000-8000-000000000000`, rep), 400, 'validation');
      await assertError(await api.request('PUT', `/v1/customers/${c.id}/shares/nope`, rep), 400, 'validation');
      await assertError(await api.request('PUT', `/v1/customers/${c.id}/shares/${cast.rep}`, await as(api, cast.otherManager)), 404);
    });

    test('an organisation lists its contact persons with their roles, page by page', async () => {
      const sample = (await (await api.request('GET', `/v1/customers/${api.customerId}`, api.headers.staff)).json()) as Customer;
      const orgId = sample.organisationId;
      assert.ok(orgId);
      const response = await api.request('GET', `/v1/customers/${orgId}/contacts`, api.headers.staff);
      assert.equal(response.status, 200);
      const page = (await response.json()) as CustomerPage;
      assert.ok(page.items.some((c) => c.id === api.customerId && c.role === sample.role));
      assert.ok(page.items.every((c) => c.organisationId === orgId && c.kind === 'person' && c.role));
      // More contacts than a page: the cursor walks them all.
      for (let i = 0; i < 4; i++) await createCustomer(api, { kind: 'person', name: `Contact ${i} ${unique()}`, organisationId: orgId, role: 'Buyer', ownerId: sample.ownerId });
      const all = await collect<Customer>(api, `/v1/customers/${orgId}/contacts`, api.headers.staff, 2);
      assert.equal(all.items.length, page.items.length + 4);
      assert.ok(all.pages >= 3);
      // Each contact is reachable on its own (card, timeline).
      for (const contact of all.items) assert.equal((await api.request('GET', `/v1/customers/${contact.id}`, api.headers.staff)).status, 200);
      await assertError(await api.request('GET', `/v1/customers/${orgId}/contacts`, await as(api, cast.otherRep)), 404);
      await assertError(await api.request('GET', `/v1/customers/${orgId}/contacts?limit=0`, api.headers.staff), 400, 'validation');
      await assertError(await api.request('GET', `/v1/customers/${orgId}/contacts?cursor=abc`, api.headers.staff), 400, 'validation');
      await assertError(await api.request('GET', `/v1/customers/${orgId}/contacts?role=x`, api.headers.staff), 400, 'validation');
      await assertError(await api.request('GET', '/v1/customers/x/contacts', api.headers.staff), 400, 'validation');
    });
  });
}
