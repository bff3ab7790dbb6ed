import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TokenResponse } from '@kith/schema';
import { assertError, SHOP, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

for (const variant of variants()) {
  describe(`tokens on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });
    const sk = () => api.headers.sk;
    const customerPath = () => `/v1/customers/${api.customerId}`;
    const mint = (body: Record<string, unknown>) =>
      api.request('POST', '/v1/tokens', sk(), { publishableKey: api.demo.publishableKey, ...body });

    test('a minted token is a JWT with an expiry of at most 15 minutes', async () => {
      const response = await mint({ kind: 'staff', subject: api.staffId, scopes: ['customers:read'], expiresInSeconds: 120 });
      assert.equal(response.status, 201);
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const body = TokenResponse.parse(await response.json());
      assert.equal(body.token.split('.').length, 3);
      assert.equal(new Date(body.expiresAt).getTime() - api.clock.now.getTime() <= 120_000, true);
    });

    test('bad requests: over 15 minutes, scopes on a customer token, unknown subject or key, unknown fields', async () => {
      await assertError(await mint({ kind: 'staff', subject: api.staffId, expiresInSeconds: 901 }), 400, 'validation');
      await assertError(await mint({ kind: 'customer', subject: api.customerId, scopes: ['customers:read'] }), 400, 'validation');
      await assertError(await mint({ kind: 'customer', subject: api.staffId }), 400, 'validation');
      await assertError(await mint({ kind: 'staff', subject: api.staffId, publishableKey: 'pk_demo_0000000000000000' }), 400, 'validation');
      await assertError(await mint({ kind: 'staff', subject: api.staffId, role: 'admin' }), 400, 'validation');
      await assertError(await mint({ kind: 'staff', subject: api.staffId, scopes: ['everything'] }), 400, 'validation');
      await assertError(await api.request('POST', '/v1/tokens', sk(), '{"kind":'), 400, 'bad_request');
      await assertError(await api.request('POST', '/v1/tokens', { ...sk(), 'content-type': 'text/plain' }, 'x'), 400, 'bad_request');
      const big = { kind: 'staff', subject: api.staffId, publishableKey: api.demo.publishableKey, pad: 'x'.repeat(300_000) };
      await assertError(await api.request('POST', '/v1/tokens', sk(), big), 413, 'payload_too_large');
    });

    test('a token expires by the clock, not by sleeping', async () => {
      const headers = await api.staffWith(['customers:read']);
      assert.equal((await api.request('GET', customerPath(), headers)).status, 200);
      const saved = api.clock.now;
      api.clock.now = new Date(saved.getTime() + 15 * 60_000 + 1000);
      try {
        const body = await assertError(await api.request('GET', customerPath(), headers), 401, 'unauthorized');
        assert.match(body.error.message, /expired/);
      } finally {
        api.clock.now = saved;
      }
    });

    test('a token is bound to its publishable key: revoked key, other origin', async () => {
      const headers = await api.staffWith(['customers:read']);
      await assertError(await api.request('GET', customerPath(), { ...headers, origin: 'https://evil.example' }), 403, 'forbidden');
      // Server-side use of a token (no browser Origin) is allowed.
      assert.equal((await api.request('GET', customerPath(), { authorization: headers.authorization ?? '' })).status, 200);
    });

    test('rotation: tokens signed by the previous secret keep working until it is retired', async () => {
      const { SigningSecrets } = await import('./signing-secrets.js');
      const { mintToken } = await import('./tokens.js');
      // Another instance rotates the secret through the shared database.
      const instance = new SigningSecrets(api.db);
      const old = await api.staffWith(['customers:read']);
      const rotated = await instance.rotate();
      const { rows } = await api.db.query<{ id: string }>('SELECT id FROM api_keys WHERE kind = $1 ORDER BY created_at LIMIT 1', ['publishable']);
      const grant = { kind: 'staff' as const, subject: api.staffId, scopes: ['customers:read' as const], publishableKeyId: rows[0]?.id ?? '', expiresInSeconds: 600 };
      const fresh = await mintToken(instance, grant, api.clock.now);
      assert.equal(JSON.parse(Buffer.from(fresh.token.split('.')[0] ?? '', 'base64url').toString()).kid, rotated.kid);
      const headers = { authorization: `Bearer ${fresh.token}`, origin: SHOP };
      // This app has never seen the new kid: it looks it up once and accepts the token.
      assert.equal((await api.request('GET', customerPath(), headers)).status, 200);
      assert.equal((await api.request('GET', customerPath(), old)).status, 200);
      await instance.retireOld();
      // An instance that loads the secrets now no longer accepts the retired one.
      const other = await testAppOn(api);
      await assertError(await other.request(customerPath(), { headers: old }), 401, 'unauthorized');
      assert.equal((await other.request(customerPath(), { headers })).status, 200);
    });

    test('a secret key is refused from a browser even without an Origin header', async () => {
      await assertError(await api.request('GET', customerPath(), { ...sk(), 'sec-fetch-site': 'same-origin' }), 403, 'forbidden');
      await assertError(await api.request('GET', customerPath(), { ...sk(), origin: SHOP }), 403, 'forbidden');
    });
  });
}

async function testAppOn(api: TestApi) {
  const { createApp } = await import('../app.js');
  return createApp({ db: api.db, clock: () => api.clock.now });
}
