// POST /v1/customers (duplicate rules) and PATCH /v1/customers/:id (If-Match), with audit,
// bad input per route, and the race of two patches on one version (PostgreSQL).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Customer } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { as, castOf, createCustomer, unique, type Cast } from './test-helpers.js';

after(closeAll);

const person = (extra: Record<string, unknown> = {}) => {
  const u = unique();
  return { kind: 'person', name: `Test Person ${u}`, channels: [{ kind: 'email', value: `p-${u}@example.com`, preferred: true }], ...extra };
};

for (const variant of variants()) {
  describe(`customer writes on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let cast: Cast;
    before(async () => {
      api = await testApi(await variant.open());
      cast = await castOf(api);
    });
    const auditRows = async (action: string, id: string) =>
      (await api.db.query<{ actor_id: string; before: unknown; after: unknown }>('SELECT actor_id, before, after FROM audit_log WHERE action = $1 AND entity_id = $2', [action, id])).rows;
    const patch = (id: string, body: unknown, ifMatch: string | null, headers = api.headers.sk) =>
      api.request('PATCH', `/v1/customers/${id}`, ifMatch === null ? headers : { ...headers, 'if-match': ifMatch }, body);

    test('create: version 1, owned by the staff user who made it, audited, ETag and Location', async () => {
      const body = person({ tags: ['b2b', 'b2b'], locale: 'en-GB' });
      const response = await api.request('POST', '/v1/customers', api.headers.staff, body);
      assert.equal(response.status, 201, await response.clone().text());
      const created = (await response.json()) as Customer;
      assert.equal(created.version, 1);
      assert.equal(created.ownerId, api.staffId);
      assert.deepEqual(created.tags, ['b2b']);
      assert.equal(response.headers.get('etag'), '"1"');
      assert.equal(response.headers.get('location'), `/v1/customers/${created.id}`);
      const [row] = await auditRows('customer.create', created.id);
      assert.equal(row?.actor_id, api.staffId);
      assert.equal((row?.after as Customer).id, created.id);
      // The secret key leaves it unowned unless told.
      assert.equal((await createCustomer(api, person())).ownerId, null);
    });

    test('create: a rep may give a customer only to themself; a manager to their team', async () => {
      await assertError(await api.request('POST', '/v1/customers', await as(api, cast.rep), person({ ownerId: cast.otherRep })), 403, 'forbidden');
      const mine = await createCustomer(api, person({ ownerId: cast.rep }), await as(api, cast.manager));
      assert.equal(mine.ownerId, cast.rep);
      await assertError(await api.request('POST', '/v1/customers', api.headers.sk, person({ ownerId: '00000000-0000-4000-8000-000000000000' })), 400, 'validation');
    });

    test('duplicates: externalId, e-mail (any case), name + phone — 409 with the record and the rule', async () => {
      const u = unique();
      const original = await createCustomer(api, {
        kind: 'person', name: 'Renée  Dupont', externalId: `ext-${u}`,
        channels: [{ kind: 'email', value: `renee-${u}@example.com`, preferred: true }, { kind: 'mobile', value: '+33 6 12 34 56 78', preferred: false }],
      });
      const cases: [string, Record<string, unknown>, string][] = [
        ['externalId', { kind: 'person', name: 'Someone Else', externalId: `ext-${u}` }, 'externalId'],
        ['email', { kind: 'person', name: 'Someone Else', channels: [{ kind: 'email', value: `RENEE-${u}@Example.com`, preferred: true }] }, 'email'],
        ['namePhone', { kind: 'person', name: 'renee dupont', channels: [{ kind: 'phone', value: '0033 6-12-34-56-78', preferred: false }] }, 'name and phone'],
      ];
      for (const [rule, body, words] of cases) {
        const error = await assertError(await api.request('POST', '/v1/customers', api.headers.sk, body), 409, 'conflict');
        assert.match(error.error.message, new RegExp(`\\(${rule}\\)`));
        assert.match(error.error.message, new RegExp(words));
        assert.equal((error.error.details?.current as Customer).id, original.id, rule);
      }
      // Same name, another phone; same phone, another name: not duplicates.
      await createCustomer(api, { kind: 'person', name: 'Renée Dupont', channels: [{ kind: 'phone', value: '+33 6 99 99 99 99', preferred: false }] });
      await createCustomer(api, { kind: 'person', name: 'René Dupont', channels: [{ kind: 'phone', value: '+33 6 12 34 56 78', preferred: false }] });
      // allowDuplicate waives only the name + phone rule.
      const twin = await api.request('POST', '/v1/customers?allowDuplicate=true', api.headers.sk, cases[2]?.[1]);
      assert.equal(twin.status, 201);
      await assertError(await api.request('POST', '/v1/customers?allowDuplicate=true', api.headers.sk, cases[1]?.[1]), 409, 'conflict');
    });

    test('a duplicate the viewer may not see is refused without showing it', async () => {
      const hidden = await createCustomer(api, person({ ownerId: cast.otherRep }));
      const body = { kind: 'person', name: 'Copy', channels: hidden.channels };
      const error = await assertError(await api.request('POST', '/v1/customers', await as(api, cast.rep), body), 409, 'conflict');
      assert.equal(error.error.details?.current, undefined);
      assert.doesNotMatch(JSON.stringify(error), new RegExp(hidden.id));
    });

    test('PATCH: If-Match required (428), stale → 409 with the current record, fresh → new version, audited', async () => {
      const c = await createCustomer(api, person());
      await assertError(await patch(c.id, { name: 'No Version' }, null), 428, 'precondition_required');
      const ok = await patch(c.id, { name: 'Renamed', tags: ['x'], locale: null }, '"1"');
      assert.equal(ok.status, 200, await ok.clone().text());
      const v2 = (await ok.json()) as Customer;
      assert.equal(v2.version, 2);
      assert.equal(v2.name, 'Renamed');
      assert.equal(ok.headers.get('etag'), '"2"');
      const stale = await assertError(await patch(c.id, { name: 'Too late' }, '"1"'), 409, 'conflict');
      assert.deepEqual(stale.error.details?.current, v2);
      for (const tag of ['W/"2"', '2']) assert.equal((await patch(c.id, { role: null }, tag)).status, tag === '2' ? 409 : 200);
      const rows = await auditRows('customer.update', c.id);
      assert.equal(rows.length, 2, 'one entry per applied update, none for refused ones');
      const renamed = rows.find((r) => (r.after as Customer).version === 2);
      assert.equal((renamed?.before as Customer).name, c.name);
      assert.equal((renamed?.after as Customer).name, 'Renamed');
    });

    test('PATCH: visibility (404), organisation rules, and e-mail clashes', async () => {
      const theirs = await createCustomer(api, person({ ownerId: cast.otherRep }));
      await assertError(await patch(theirs.id, { name: 'x' }, '"1"', await as(api, cast.rep)), 404, 'not_found');
      const org = await createCustomer(api, { kind: 'organisation', name: `Org ${unique()}` });
      await assertError(await patch(org.id, { role: 'Buyer' }, '"1"'), 400, 'validation');
      await assertError(await patch(org.id, { organisationId: org.id, kind: 'person' }, '"1"'), 400, 'validation');
      const c = await createCustomer(api, person());
      await assertError(await patch(c.id, { organisationId: c.id }, '"1"'), 400, 'validation');
      await assertError(await patch(c.id, { organisationId: theirs.id }, '"1"'), 400, 'validation');
      const linked = await patch(c.id, { organisationId: org.id, role: 'Buyer' }, '"1"');
      assert.equal(linked.status, 200);
      const clash = await patch(c.id, { channels: theirs.channels }, '"2"');
      await assertError(clash, 409, 'conflict');
    });

    test('bad input → 400 / 413 with the field, never 5xx', async () => {
      const c = await createCustomer(api, person());
      const raw = (method: string, path: string, text: string, type = 'application/json') =>
        api.app.request(path, { method, headers: { ...api.headers.sk, 'content-type': type, 'if-match': '"1"' }, body: text });
      const bodies: [string, unknown, string][] = [
        ['missing kind', { name: 'x' }, 'kind'], ['bad kind', { kind: 'robot', name: 'x' }, 'kind'],
        ['empty name', { kind: 'person', name: '  ' }, 'name'], ['long name', { kind: 'person', name: 'n'.repeat(201) }, 'name'],
        ['unknown field', { kind: 'person', name: 'x', version: 3 }, ''], ['wrong type', { kind: 'person', name: 42 }, 'name'],
        ['bad email', { kind: 'person', name: 'x', channels: [{ kind: 'email', value: 'not-mail', preferred: true }] }, 'channels'],
        ['bad phone', { kind: 'person', name: 'x', channels: [{ kind: 'phone', value: 'call me', preferred: true }] }, 'channels'],
        ['too many channels', { kind: 'person', name: 'x', channels: Array.from({ length: 21 }, (_, i) => ({ kind: 'social', value: `@${i}`, preferred: false })) }, 'channels'],
        ['long tag', { kind: 'person', name: 'x', tags: ['t'.repeat(51)] }, 'tags'], ['bad locale', { kind: 'person', name: 'x', locale: 'english!' }, 'locale'],
        ['bad org id', { kind: 'person', name: 'x', organisationId: 'abc' }, 'organisationId'],
        ['organisation with role', { kind: 'organisation', name: 'x', role: 'CEO' }, 'kind'], ['long externalId', { kind: 'person', name: 'x', externalId: 'e'.repeat(129) }, 'externalId'],
      ];
      for (const [label, body, field] of bodies) {
        for (const [method, path] of [['POST', '/v1/customers'], ['PATCH', `/v1/customers/${c.id}`]] as const) {
          if (method === 'PATCH' && field === 'kind' && label === 'missing kind') continue;
          const error = await assertError(await raw(method, path, JSON.stringify(body)), 400, 'validation');
          const paths = (error.error.details?.issues ?? []).map((i) => String(i.path[0] ?? ''));
          assert.ok(field === '' || paths.includes(field), `${method} ${label}: ${JSON.stringify(error)}`);
        }
      }
      await assertError(await raw('PATCH', `/v1/customers/${c.id}`, '{}'), 400, 'validation');
      for (const path of ['/v1/customers', `/v1/customers/${c.id}`]) {
        const method = path === '/v1/customers' ? 'POST' : 'PATCH';
        await assertError(await raw(method, path, '{"kind":'), 400, 'bad_request');
        await assertError(await raw(method, path, 'kind=person', 'text/plain'), 400, 'bad_request');
        await assertError(await raw(method, path, JSON.stringify({ kind: 'person', name: 'x'.repeat(300_000) })), 413, 'payload_too_large');
      }
      await assertError(await raw('PATCH', '/v1/customers/not-an-id', '{"name":"x"}'), 400, 'validation');
      for (const bad of ['"abc"', '"0"', '*', '"1", "2"']) {
        const r = await api.request('PATCH', `/v1/customers/${c.id}`, { ...api.headers.sk, 'if-match': bad }, { name: 'x' });
        await assertError(r, 400, 'validation');
      }
      await assertError(await api.request('POST', '/v1/customers?allowDuplicate=yes', api.headers.sk, person()), 400, 'validation');
    });

    test('two concurrent PATCHes with one version: exactly one 200, one 409', { skip: variant.name === 'PGlite' ? 'PGlite is one connection: cannot race (runs on PostgreSQL)' : false }, async () => {
      for (let round = 0; round < 5; round++) {
        const c = await createCustomer(api, person());
        const responses = await Promise.all(['A', 'B'].map((who) => patch(c.id, { name: `Winner ${who}` }, '"1"')));
        assert.deepEqual(responses.map((r) => r.status).sort(), [200, 409]);
        const winner = (await (responses.find((r) => r.status === 200) as Response).json()) as Customer;
        const { rows } = await api.db.query<{ name: string; version: number }>('SELECT name, version FROM customers WHERE id = $1', [c.id]);
        assert.deepEqual(rows[0], { name: winner.name, version: 2 });
      }
    });

    test('two concurrent creates of one e-mail: one 201, one 409', { skip: variant.name === 'PGlite' ? 'PGlite is one connection: cannot race (runs on PostgreSQL)' : false }, async () => {
      const body = person();
      const responses = await Promise.all([0, 1].map(() => api.request('POST', '/v1/customers', api.headers.sk, body)));
      assert.deepEqual(responses.map((r) => r.status).sort(), [201, 409]);
    });
  });
}
