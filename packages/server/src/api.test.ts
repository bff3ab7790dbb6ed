import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Customer, ErrorEnvelope } from '@kith/schema';
import type { Hono } from 'hono';
import { createApp } from './app.js';
import type { Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import type { AppEnv } from './http/env.js';
import { sendValid } from './http/respond.js';
import { createApiKey, revokeApiKey } from './keys/api-keys.js';
import { ensureDemo, type DemoInfo } from './seed/demo.js';
import { closeAll, variants } from './test-support/database.js';
import { must } from './util/must.js';

after(closeAll);

const SHOP = 'https://shop.example';
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

for (const variant of variants()) {
  describe(`HTTP API on ${variant.name}`, { skip: variant.skip }, () => {
    let db: Database;
    let app: Hono<AppEnv>;
    let demo: DemoInfo;
    let revoked: string;
    let staffToken: string;
    const logs: string[] = [];

    before(async () => {
      db = await variant.open();
      await migrate(db);
      demo = must(await ensureDemo(db, { origins: [SHOP] }), 'the demo');
      const key = await createApiKey(db, { kind: 'secret', name: 'revoked', label: 'test' });
      await revokeApiKey(db, key.id);
      revoked = key.key;
      app = createApp({
        db,
        log: (line) => logs.push(line),
        mount(a) {
          a.get('/test/throw', () => {
            throw new Error('database password is hunter2');
          });
          a.get('/test/bad-output', (c) => sendValid(c, Customer, { id: 'not a customer' }));
        },
      });
      // A staff token of the sample customer's owner, minted as a shop's backend would.
      const { rows } = await db.query<{ owner_id: string }>('SELECT owner_id FROM customers WHERE id = $1', [demo.sampleCustomerId]);
      const minted = await app.request('/v1/tokens', {
        method: 'POST',
        headers: { authorization: `Bearer ${demo.secretKey ?? ''}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'staff', subject: must(rows[0], 'owner').owner_id, scopes: ['customers:read'], publishableKey: demo.publishableKey }),
      });
      staffToken = ((await minted.json()) as { token: string }).token;
    });

    const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
    const pk = (origin = SHOP) => ({ authorization: `Bearer ${demo.publishableKey}`, origin });
    const staff = (origin = SHOP) => ({ authorization: `Bearer ${staffToken}`, origin });
    const sk = () => ({ authorization: `Bearer ${demo.secretKey ?? ''}` });

    /** Asserts an error response: status, envelope shape, code. */
    async function assertError(response: Response, status: number, code: string) {
      assert.equal(response.status, status);
      assert.match(response.headers.get('content-type') ?? '', /application\/json/);
      const body: unknown = await response.json();
      assert.ok(ErrorEnvelope.safeParse(body).success, JSON.stringify(body));
      assert.equal((body as ErrorEnvelope).error.code, code);
      return body as ErrorEnvelope;
    }

    test('GET /v1/health', async () => {
      const response = await get('/v1/health');
      assert.equal(response.status, 200);
      const body = (await response.json()) as Record<string, unknown>;
      assert.equal(body.status, 'ok');
      assert.equal(body.database, variant.name === 'PGlite' ? 'pglite' : 'postgres');
      assert.match(String(body.version), /^\d+\.\d+\.\d+/);
      assert.match(String(body.time), /Z$/);
    });

    test('GET /v1/customers/:id with a staff token from an allowed origin', async () => {
      const response = await get(`/v1/customers/${demo.sampleCustomerId}`, staff());
      assert.equal(response.status, 200);
      const body: unknown = await response.json();
      const parsed = Customer.safeParse(body);
      assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
      const customer = parsed.data;
      assert.equal(response.headers.get('etag'), `"${customer.version}"`);
      assert.equal(response.headers.get('access-control-allow-origin'), SHOP);
      assert.match(response.headers.get('access-control-expose-headers') ?? '', /ETag/);
      assert.match(response.headers.get('vary') ?? '', /Origin/);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
      // The sample customer is nicely populated for the examples.
      assert.ok(customer.company && customer.loyalty?.tierName && customer.value.lifetimeValue.amount > 0);
      assert.match(customer.createdAt, /Z$/);
      const { rows } = await db.query<{ total: number }>(
        "SELECT COALESCE(sum(total), 0)::int8 AS total FROM orders WHERE customer_id = $1 AND status NOT IN ('cancelled', 'returned', 'refunded')",
        [customer.id],
      );
      assert.equal(customer.value.lifetimeValue.amount, rows[0]?.total);
      const { rows: points } = await db.query<{ points: number }>('SELECT sum(points)::int8 AS points FROM loyalty_ledger WHERE customer_id = $1', [customer.id]);
      assert.equal(customer.loyalty?.points, points[0]?.points);
    });

    test('a secret key without an Origin reads a customer', async () => {
      assert.equal((await get(`/v1/customers/${demo.sampleCustomerId}`, sk())).status, 200);
    });

    test('unknown customer: 404 envelope, readable cross-origin', async () => {
      const response = await get(`/v1/customers/${UNKNOWN_ID}`, staff());
      assert.equal(response.headers.get('access-control-allow-origin'), SHOP);
      await assertError(response, 404, 'not_found');
    });

    test('malformed id: 400 validation envelope naming the field', async () => {
      const body = await assertError(await get('/v1/customers/not-a-uuid', sk()), 400, 'validation');
      assert.deepEqual(body.error.details?.issues?.[0]?.path, ['id']);
    });

    test('unknown route: 404 envelope', async () => {
      await assertError(await get('/v1/nothing-here', sk()), 404, 'not_found');
      await assertError(await get('/', {}), 404, 'not_found');
    });

    test('credentials: none, malformed, unknown or revoked → 401', async () => {
      const path = `/v1/customers/${demo.sampleCustomerId}`;
      await assertError(await get(path), 401, 'unauthorized');
      await assertError(await get(path, { authorization: demo.publishableKey, origin: SHOP }), 401, 'unauthorized');
      await assertError(await get(path, { authorization: 'Bearer pk_demo_00000000000000000000000000000000', origin: SHOP }), 401, 'unauthorized');
      await assertError(await get(path, { authorization: `Bearer ${revoked}` }), 401, 'unauthorized');
    });

    test('origins: pk or token from another origin → 403; pk never reads a customer; sk with any Origin → 403', async () => {
      const path = `/v1/customers/${demo.sampleCustomerId}`;
      await assertError(await get(path, pk('https://evil.example')), 403, 'forbidden');
      await assertError(await get(path, staff('https://evil.example')), 403, 'forbidden');
      await assertError(await get(path, pk()), 403, 'forbidden');
      await assertError(await get(path, { authorization: `Bearer ${demo.publishableKey}` }), 403, 'forbidden');
      await assertError(await get(path, { ...sk(), origin: SHOP }), 403, 'forbidden');
      await assertError(await get(path, { ...sk(), origin: 'null' }), 403, 'forbidden');
    });

    test('same-origin browser GET (no Origin, Sec-Fetch-Site: same-origin) counts as the server\'s own origin', async () => {
      const path = `/v1/customers/${demo.sampleCustomerId}`;
      const sameOrigin = { authorization: `Bearer ${staffToken}`, 'sec-fetch-site': 'same-origin' };
      // Served at the shop's own origin (on the key's list): allowed.
      const own = await app.request(`${SHOP}${path}`, { headers: sameOrigin });
      assert.equal(own.status, 200);
      // app.request() with a bare path serves http://localhost, which is not on the list.
      await assertError(await get(path, sameOrigin), 403, 'forbidden');
      // A secret key is refused from any browser request, with or without Origin.
      await assertError(await get(path, { ...sk(), 'sec-fetch-site': 'same-origin' }), 403, 'forbidden');
      await assertError(await get(path, { ...sk(), 'sec-fetch-site': 'cross-site' }), 403, 'forbidden');
    });

    test('CORS preflight is generic: echoes the origin, lists methods and headers, never credentials', async () => {
      const response = await app.request(`/v1/customers/${demo.sampleCustomerId}`, {
        method: 'OPTIONS',
        headers: { origin: 'https://any.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
      assert.equal(response.status, 204);
      assert.equal(response.headers.get('access-control-allow-origin'), 'https://any.example');
      assert.match(response.headers.get('access-control-allow-methods') ?? '', /GET/);
      const allowed = (response.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-match']) assert.ok(allowed.includes(header), header);
      assert.equal(response.headers.get('access-control-max-age'), '600');
      assert.match(response.headers.get('vary') ?? '', /Origin/);
      assert.equal(response.headers.get('access-control-allow-credentials'), null);
    });

    test('a thrown error is a 500 envelope that leaks nothing', async () => {
      const response = await get('/test/throw', { origin: SHOP });
      assert.equal(response.headers.get('access-control-allow-origin'), SHOP);
      const body = await assertError(response, 500, 'server');
      assert.doesNotMatch(JSON.stringify(body), /hunter2|at .*\.ts/);
      assert.ok(logs.some((line) => line.includes('hunter2')), 'the reason is logged');
    });

    test('an output that fails the contract is a 500 envelope with a logged reason', async () => {
      await assertError(await get('/test/bad-output'), 500, 'server');
      assert.ok(logs.some((line) => line.includes('response failed validation')));
    });

    test('request logs never contain keys', () => {
      assert.ok(logs.some((line) => line.startsWith('GET /v1/customers/')));
      const all = logs.join('\n');
      assert.ok(!all.includes(demo.publishableKey) && !all.includes(demo.secretKey ?? 'sk_') && !all.includes(revoked));
      assert.doesNotMatch(all, /[ps]k_(demo|test)_[0-9a-f]{8}/);
    });
  });
}
