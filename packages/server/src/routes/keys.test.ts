// /v1/keys: the shop's server manages its keys with its secret key. A key is shown once;
// lists carry prefixes only; revocation and new origins take effect at once (on every
// instance of a PostgreSQL install too); every change is audited.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiKey, ApiKeyPage, CreatedApiKey, type AuditPage } from '@kith/schema';
import { assertError, SHOP, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, postgresUrl, variants } from '../test-support/database.js';
import { secondInstance } from '../test-support/instances.js';

after(closeAll);

for (const variant of variants()) {
  describe(`API keys over HTTP on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });

    const create = async (body: unknown, headers: Record<string, string> = api.headers.sk) => {
      const response = await api.request('POST', '/v1/keys', headers, body);
      assert.equal(response.status, 201, await response.clone().text());
      assert.equal(response.headers.get('cache-control'), 'no-store');
      return CreatedApiKey.parse(await response.json());
    };
    const list = async (query = '') => {
      const response = await api.request('GET', `/v1/keys${query}`, api.headers.sk);
      assert.equal(response.status, 200, await response.clone().text());
      const text = await response.text();
      return { page: ApiKeyPage.parse(JSON.parse(text)), text };
    };
    const health = (key: string, origin?: string) =>
      api.request('GET', '/v1/keys', { authorization: `Bearer ${key}`, ...(origin ? { origin } : {}) });
    /** Polls until the answer's status changes from `from` (changes reach an instance's key cache by NOTIFY). */
    const within3s = async (request: () => Promise<Response>, from: number) => {
      const deadline = Date.now() + 3_000;
      let status = from;
      while (status === from && Date.now() < deadline) {
        status = (await request()).status;
        if (status === from) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return status;
    };
    const reviews = (key: string, origin: string) =>
      api.request('GET', '/v1/reviews/aggregates?productId=00000000-0000-4000-8000-000000000000', { authorization: `Bearer ${key}`, origin });

    test('create shows the key once; it works at once; lists never show a key or its hash', async () => {
      const secret = await create({ kind: 'secret', name: 'ERP sync' });
      assert.match(secret.key, /^sk_live_[0-9a-f]{32}$/);
      assert.equal(secret.prefix, secret.key.slice(0, 'sk_live_'.length + 4));
      assert.deepEqual(secret.origins, []);
      assert.equal(secret.revokedAt, null);
      assert.equal((await health(secret.key)).status, 200, 'the new secret key authenticates');

      const publishable = await create({ kind: 'publishable', name: 'Checkout widget', origins: ['https://checkout.example', 'http://localhost:8080'] });
      assert.match(publishable.key, /^pk_live_/);
      assert.deepEqual(publishable.origins, ['http://localhost:8080', 'https://checkout.example']);
      assert.equal((await reviews(publishable.key, 'https://checkout.example')).status, 200);
      assert.equal((await reviews(publishable.key, SHOP)).status, 403, 'only its own origins');

      const { page, text } = await list();
      for (const key of [secret, publishable]) {
        const listed = page.items.find((k) => k.id === key.id);
        assert.deepEqual(listed, ApiKey.parse(Object.fromEntries(Object.entries(key).filter(([field]) => field !== 'key'))));
        assert.ok(!text.includes(key.key), 'no key in the list');
      }
      const { rows } = await api.db.query<{ key_hash: string }>('SELECT key_hash FROM api_keys');
      assert.ok(rows.every((row) => !text.includes(row.key_hash)), 'no hash in the list');
      assert.ok(!text.includes(api.demo.secretKey));
      const stored = await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM idempotency_keys WHERE body::text LIKE '%_live_%'");
      assert.equal(stored.rows[0]?.n, 0, 'no key stored anywhere');
    });

    test('creation is audited; an Idempotency-Key is refused (a key cannot be replayed); bad input is 400', async () => {
      const key = await create({ kind: 'publishable', name: 'Audited', origins: [SHOP] });
      const audit = (await (await api.request('GET', `/v1/audit?entity=api_key&entityId=${key.id}`, api.headers.sk)).json()) as AuditPage;
      assert.deepEqual(audit.items.map((item) => [item.action, item.actor.kind]), [['api_key.create', 'secret']]);
      assert.ok(!JSON.stringify(audit).includes(key.key));

      await assertError(await api.request('POST', '/v1/keys', { ...api.headers.sk, 'idempotency-key': 'k1' }, { kind: 'secret', name: 'Retry me' }), 400, 'bad_request');
      const { page } = await list('?limit=100');
      assert.ok(!page.items.some((k) => k.name === 'Retry me'), 'nothing was created');

      await assertError(await api.request('POST', '/v1/keys', api.headers.sk, { kind: 'secret', name: 'X', origins: [SHOP] }), 400, 'validation');
      await assertError(await api.request('POST', '/v1/keys', api.headers.sk, { kind: 'publishable', name: 'X', origins: ['https://shop.example/path'] }), 400, 'validation');
      await assertError(await api.request('POST', '/v1/keys', api.headers.sk, { kind: 'root', name: 'X' }), 400, 'validation');
      await assertError(await api.request('POST', '/v1/keys', api.headers.sk, { kind: 'secret', name: '  ' }), 400, 'validation');
    });

    test('revoke: refused at once, idempotent, audited; a key cannot revoke itself; unknown is 404', async () => {
      const other = await create({ kind: 'secret', name: 'To revoke' });
      const revoke = (id: string, key = api.demo.secretKey) => api.request('POST', `/v1/keys/${id}/revoke`, { authorization: `Bearer ${key}` });
      assert.equal((await health(other.key)).status, 200);
      const response = await revoke(other.id);
      assert.equal(response.status, 200);
      const revoked = ApiKey.parse(await response.json());
      assert.ok(revoked.revokedAt);
      // The revoking instance drops its cached copy itself: refused on the very next request.
      assert.equal((await health(other.key)).status, 401);
      const again = ApiKey.parse(await (await revoke(other.id)).json());
      assert.equal(again.revokedAt, revoked.revokedAt, 'revoking twice changes nothing');

      const audit = (await (await api.request('GET', `/v1/audit?entity=api_key&entityId=${other.id}`, api.headers.sk)).json()) as AuditPage;
      // Once each (the second revoke changed nothing); the test clock stands still, so no order.
      assert.deepEqual(audit.items.map((item) => item.action).sort(), ['api_key.create', 'api_key.revoke']);

      const self = await create({ kind: 'secret', name: 'Self' });
      await assertError(await revoke(self.id, self.key), 409, 'conflict');
      assert.equal((await health(self.key)).status, 200, 'still active');
      await assertError(await revoke('00000000-0000-4000-8000-000000000000'), 404, 'not_found');
      await assertError(await revoke('not-a-uuid'), 400, 'validation');
    });

    test('origins are replaced; a secret or revoked key has none to set', async () => {
      const key = await create({ kind: 'publishable', name: 'Origins', origins: [SHOP] });
      const put = (id: string, origins: string[]) => api.request('PUT', `/v1/keys/${id}/origins`, api.headers.sk, { origins });
      assert.equal((await reviews(key.key, SHOP)).status, 200);
      const response = await put(key.id, ['https://new-shop.example', 'https://new-shop.example']);
      assert.equal(response.status, 200, await response.clone().text());
      assert.deepEqual(ApiKey.parse(await response.json()).origins, ['https://new-shop.example']);
      assert.equal((await reviews(key.key, SHOP)).status, 403, 'the old origin is refused at once');
      assert.equal((await reviews(key.key, 'https://new-shop.example')).status, 200);

      const secret = await create({ kind: 'secret', name: 'No origins' });
      await assertError(await put(secret.id, [SHOP]), 409, 'conflict');
      await api.request('POST', `/v1/keys/${key.id}/revoke`, api.headers.sk);
      await assertError(await put(key.id, [SHOP]), 409, 'conflict');
      await assertError(await put(key.id, ['javascript:alert(1)']), 400, 'validation');
    });

    test('the list pages, oldest first, and filters by kind and state', async () => {
      const all: ApiKey[] = [];
      let next: string | null = null;
      do {
        const { page }: { page: ApiKeyPage } = await list(`?limit=2${next ? `&cursor=${next}` : ''}`);
        all.push(...page.items);
        next = page.next;
      } while (next);
      const { rows } = await api.db.query<{ id: string }>('SELECT id FROM api_keys ORDER BY created_at, id');
      assert.deepEqual(all.map((k) => k.id), rows.map((r) => r.id));
      assert.ok((await list('?kind=secret&revoked=false')).page.items.every((k) => k.kind === 'secret' && k.revokedAt === null));
      assert.ok((await list('?revoked=true')).page.items.every((k) => k.revokedAt !== null));
      await assertError(await api.request('GET', '/v1/keys?cursor=bogus', api.headers.sk), 400, 'validation');
    });

    if (variant.name === 'PostgreSQL') {
      test('a key revoked through instance A is refused by instance B within seconds', async () => {
        const key = await create({ kind: 'secret', name: 'Two instances' });
        const b = await secondInstance(api, await postgresUrl());
        try {
          const onB = () => b.request('GET', '/v1/keys?limit=1', { authorization: `Bearer ${key.key}` });
          assert.equal((await onB()).status, 200, 'B has it cached now');
          assert.equal((await api.request('POST', `/v1/keys/${key.id}/revoke`, api.headers.sk)).status, 200);
          assert.equal(await within3s(onB, 200), 401);
        } finally {
          await b.close();
        }
      });
    }
  });
}
