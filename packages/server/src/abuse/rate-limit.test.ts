import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { createApiKey } from '../keys/api-keys.js';
import { Services } from '../services.js';
import type { RateLimitSettings } from '../settings.js';
import { assertError, SHOP, TEST_SETTINGS, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, postgresUrl, variants } from '../test-support/database.js';
import { secondInstance } from '../test-support/instances.js';
import { addressBucket } from './buckets.js';
import { RateLimiter } from './rate-limiter.js';

after(closeAll);

const WINDOW_MS = 60_000;
const BASE: RateLimitSettings = { windowSeconds: 60, perKey: 1_000, perAddress: 1_000, publicWritesPerAddress: 1_000, failedAuthPerAddress: 1_000, syncMs: 0 };
const survey = { kind: 'survey', metric: 'nps', score: 8, comment: null };

interface Sender {
  services: Services;
  send(method: string, path: string, options: { address: string; headers?: Record<string, string>; body?: unknown }): Promise<Response>;
}

/** An app on `db` with these limits (its own limiter), requests arriving from a socket address. */
async function limitedApp(db: Database, clock: () => Date, limits: Partial<RateLimitSettings>, open: Services[]): Promise<Sender> {
  const services = new Services(db, { clock, settings: { ...TEST_SETTINGS, rateLimits: { ...BASE, ...limits } } });
  await services.start();
  open.push(services);
  const app = createApp({ db, clock, services });
  return {
    services,
    send: async (method, path, { address, headers = {}, body }) =>
      app.request(
        path,
        {
          method,
          headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        },
        { incoming: { socket: { remoteAddress: address } } },
      ),
  };
}

let addressCounter = 0;
/** A documentation-range address no other test uses (counters are shared through the database). */
const freshAddress = () => `198.51.100.${++addressCounter}`;

test('IPv6 counts per /64, IPv4 per address', () => {
  assert.equal(addressBucket('2001:db8:1:2::1'), '2001:db8:1:2::/64');
  assert.equal(addressBucket('2001:db8:1:2:abcd:ef01:2345:6789'), '2001:db8:1:2::/64');
  assert.equal(addressBucket('2001:0db8:0001:0002::ffff'), '2001:db8:1:2::/64');
  assert.equal(addressBucket('::1'), '0:0:0:0::/64');
  assert.equal(addressBucket('2001:db8::'), '2001:db8:0:0::/64');
  assert.equal(addressBucket('64:ff9b::192.0.2.33'), '64:ff9b:0:0::/64');
  assert.notEqual(addressBucket('2001:db8:1:3::1'), addressBucket('2001:db8:1:2::1'));
  assert.equal(addressBucket('192.0.2.1'), '192.0.2.1');
  assert.equal(addressBucket('unknown'), 'unknown');
});

for (const variant of variants()) {
  describe(`rate limits on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let productId: string;
    const open: Services[] = [];
    /** The start of the current test's window; the clock stands 15 s into it. */
    let windowStart: number;

    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT 1');
      productId = rows[0]?.id ?? assert.fail('a product');
    });
    afterEach(async () => {
      for (const services of open.splice(0)) await services.close();
    });
    const intoWindow = () => {
      // Near the real time: the credentials' tokens must not expire.
      windowStart = Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS;
      api.clock.now = new Date(windowStart + 15_000);
    };
    const nextWindow = () => {
      api.clock.now = new Date(windowStart + WINDOW_MS);
    };
    const clock = () => api.clock.now;
    /** A publishable key of its own (so no other test shares its counter) and a customer token bound to it. */
    const freshKey = async () => {
      const { key } = await createApiKey(api.db, { kind: 'publishable', name: 'limits', label: 'test', allowedOrigins: [SHOP] });
      const minted = await api.request('POST', '/v1/tokens', { authorization: `Bearer ${api.demo.secretKey}` }, {
        publishableKey: key, kind: 'customer', subject: api.customerId,
      });
      assert.equal(minted.status, 201, await minted.clone().text());
      const { token } = (await minted.json()) as { token: string };
      return {
        pk: { authorization: `Bearer ${key}`, origin: SHOP },
        customer: { authorization: `Bearer ${token}`, origin: SHOP },
      };
    };
    const assertLimited = async (response: Response, retryAfter: number) => {
      const error = await assertError(response, 429, 'rate_limited');
      assert.equal(response.headers.get('Retry-After'), String(retryAfter));
      assert.equal(error.error.details?.retryAfterSeconds, retryAfter);
      assert.equal(response.headers.get('RateLimit-Remaining'), '0');
    };

    test('per key: a token counts against its publishable key; 429 with Retry-After; the next window reopens', async () => {
      intoWindow();
      const { send } = await limitedApp(api.db, clock, { perKey: 3 }, open);
      const key = await freshKey();
      const eligibility = '/v1/surveys/eligibility?metric=csat';
      const first = await send('GET', eligibility, { address: freshAddress(), headers: key.pk });
      assert.equal(first.status, 200, await first.clone().text());
      assert.deepEqual(
        ['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'].map((name) => first.headers.get(name)),
        ['3', '2', '45'],
      );
      const second = await send('GET', eligibility, { address: freshAddress(), headers: key.customer });
      assert.equal(second.status, 200);
      assert.equal(second.headers.get('RateLimit-Remaining'), '1', 'the token counted against its key');
      assert.equal((await send('GET', eligibility, { address: freshAddress(), headers: key.pk })).status, 200);

      await assertLimited(await send('GET', eligibility, { address: freshAddress(), headers: key.customer }), 45);
      await assertLimited(await send('GET', eligibility, { address: freshAddress(), headers: key.pk }), 45);
      // Another key has its own budget.
      assert.equal((await send('GET', eligibility, { address: freshAddress(), headers: api.headers.pk })).status, 200);
      // Later in the same window, Retry-After counts down to its end.
      api.clock.now = new Date(windowStart + 59_500);
      await assertLimited(await send('GET', eligibility, { address: freshAddress(), headers: key.pk }), 1);

      nextWindow();
      const reopened = await send('GET', eligibility, { address: freshAddress(), headers: key.pk });
      assert.equal(reopened.status, 200);
      assert.equal(reopened.headers.get('RateLimit-Remaining'), '2');
    });

    test('per address: every credential but a secret key; other addresses, health and openapi.json unaffected', async () => {
      intoWindow();
      const { send } = await limitedApp(api.db, clock, { perAddress: 3 }, open);
      const address = freshAddress();
      const reviews = `/v1/products/${productId}/reviews`;
      for (let i = 0; i < 3; i++) assert.equal((await send('GET', reviews, { address })).status, 200);
      await assertLimited(await send('GET', reviews, { address }), 45);
      await assertLimited(await send('GET', reviews, { address, headers: api.headers.staff }), 45);
      await assertLimited(await send('GET', reviews, { address, headers: api.headers.pk }), 45);
      // The shop's server mints tokens for every shopper from one address: limited by its key only.
      assert.equal((await send('GET', reviews, { address, headers: api.headers.sk })).status, 200);
      assert.equal((await send('GET', reviews, { address: freshAddress() })).status, 200);
      for (const path of ['/v1/health', '/v1/openapi.json']) {
        const response = await send('GET', path, { address });
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('RateLimit-Limit'), null, `${path} is not counted`);
      }
      nextWindow();
      assert.equal((await send('GET', reviews, { address })).status, 200);
    });

    test('bad credentials per address: counted after the 401, then refused before any lookup', async () => {
      intoWindow();
      const { send } = await limitedApp(api.db, clock, { failedAuthPerAddress: 2 }, open);
      const address = freshAddress();
      const reviews = `/v1/products/${productId}/reviews`;
      const junk = { authorization: 'Bearer pk_guess_00000000000000000000000000000000', origin: SHOP };
      for (let i = 0; i < 2; i++) await assertError(await send('GET', reviews, { address, headers: junk }), 401, 'unauthorized');
      await assertLimited(await send('GET', reviews, { address, headers: junk }), 45);
      // Even a valid credential from that address waits for the window; other addresses do not.
      await assertLimited(await send('GET', reviews, { address, headers: api.headers.pk }), 45);
      assert.equal((await send('GET', reviews, { address: freshAddress(), headers: api.headers.pk })).status, 200);
      assert.equal((await send('GET', '/v1/health', { address })).status, 200, 'monitors are not refused');
      nextWindow();
      assert.equal((await send('GET', reviews, { address, headers: api.headers.pk })).status, 200);
    });

    test('public writes per address are stricter, and a refused write stores nothing', async () => {
      intoWindow();
      const { send } = await limitedApp(api.db, clock, { perAddress: 100, publicWritesPerAddress: 2 }, open);
      const key = await freshKey();
      const address = freshAddress();
      const surveys = async () => (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback WHERE kind = 'survey'`)).rows[0]?.n;
      for (let i = 0; i < 2; i++) assert.equal((await send('POST', '/v1/feedback', { address, headers: key.pk, body: survey })).status, 201);
      const stored = await surveys();
      await assertLimited(await send('POST', '/v1/feedback', { address, headers: key.pk, body: survey }), 45);
      await assertLimited(await send('POST', '/v1/feedback', { address, headers: key.customer, body: survey }), 45);
      assert.equal(await surveys(), stored, 'nothing stored');
      // Reads from that address, and writes from another, still pass.
      assert.equal((await send('GET', `/v1/products/${productId}/reviews`, { address, headers: key.pk })).status, 200);
      assert.equal((await send('POST', '/v1/feedback', { address: freshAddress(), headers: key.pk, body: survey })).status, 201);
      nextWindow();
      assert.equal((await send('POST', '/v1/feedback', { address, headers: key.pk, body: survey })).status, 201);
    });

    test('IPv6 clients count per /64 prefix', async () => {
      intoWindow();
      const { send } = await limitedApp(api.db, clock, { perAddress: 2 }, open);
      const prefix = `2001:db8:${(++addressCounter).toString(16)}:1`;
      const reviews = `/v1/products/${productId}/reviews`;
      assert.equal((await send('GET', reviews, { address: `${prefix}::1` })).status, 200);
      assert.equal((await send('GET', reviews, { address: `${prefix}:abcd::2` })).status, 200);
      await assertLimited(await send('GET', reviews, { address: `${prefix}:ffff:1:2:3` }), 45);
      assert.equal((await send('GET', reviews, { address: `${prefix}1::1` })).status, 200, 'another /64');
    });

    test('rateLimits null turns limits off', async () => {
      for (let i = 0; i < 5; i++) {
        const response = await api.request('GET', `/v1/products/${productId}/reviews`, api.headers.pk);
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('RateLimit-Limit'), null);
      }
    });

    test('the limiter shares increments on flush and close, and deletes ended windows', async () => {
      intoWindow();
      const limits = { ...BASE, perKey: 10 };
      const bucket = `test:${crypto.randomUUID()}`;
      const count = async (start: number) =>
        (await api.db.query<{ count: number }>('SELECT count FROM rate_limit_counters WHERE bucket = $1 AND window_start = $2', [bucket, new Date(start)])).rows[0]?.count;
      const a = new RateLimiter(api.db, limits);
      const b = new RateLimiter(api.db, limits);
      const at = new Date(windowStart + 1_000);
      for (let i = 0; i < 3; i++) assert.equal(a.take([{ bucket, limit: 5 }], at).allowed, true);
      assert.equal(await count(windowStart), undefined, 'nothing shared before a sync');
      await a.close();
      assert.equal(await count(windowStart), 3, 'close() shared what was pending');
      // b has never seen the bucket: its first sync learns the 3.
      assert.equal(b.take([{ bucket, limit: 5 }], at).remaining, 4, 'b knows only its own request before syncing');
      await b.flush();
      assert.equal(await count(windowStart), 4);
      assert.equal(b.take([{ bucket, limit: 5 }], at).allowed, true);
      const refused = b.take([{ bucket, limit: 5 }], at);
      assert.deepEqual(refused, { allowed: false, limit: 5, remaining: 0, resetSeconds: 59 });
      await b.flush();
      assert.equal(await count(windowStart), 5, 'a refused request counts nothing');
      // Two windows later, the first sync deletes rows older than the previous window.
      b.take([{ bucket, limit: 5 }], new Date(windowStart + 2 * WINDOW_MS));
      await b.close();
      assert.equal(await count(windowStart), undefined, 'the ended window is gone');
      assert.equal(await count(windowStart + 2 * WINDOW_MS), 1);
    });

    test('a limit is shared by two instances on one PostgreSQL database', { skip: variant.name !== 'PostgreSQL' && 'PostgreSQL only' }, async () => {
      intoWindow();
      const a = await limitedApp(api.db, clock, { perKey: 4 }, open);
      const second = await secondInstance(api, await postgresUrl(), { rateLimits: { ...BASE, perKey: 4 } });
      try {
        const key = await freshKey();
        const path = '/v1/surveys/eligibility?metric=ces';
        const viaB = (headers: Record<string, string>) =>
          second.app.request(path, { headers }, { incoming: { socket: { remoteAddress: freshAddress() } } });
        for (let i = 0; i < 2; i++) assert.equal((await a.send('GET', path, { address: freshAddress(), headers: key.pk })).status, 200);
        for (let i = 0; i < 2; i++) assert.equal((await viaB(key.customer)).status, 200);
        // Each instance counted 2 of 4. A sync round: A shares its 2, B shares its 2 and
        // learns 4, A learns 4 at its next sync (what the timer does every syncMs).
        await a.services.limiter.flush();
        await second.services.limiter.flush();
        await a.services.limiter.flush();
        await assertLimited(await a.send('GET', path, { address: freshAddress(), headers: key.customer }), 45);
        await assertLimited(await viaB(key.pk), 45);
        nextWindow();
        assert.equal((await viaB(key.pk)).status, 200);
        assert.equal((await a.send('GET', path, { address: freshAddress(), headers: key.pk })).status, 200);
      } finally {
        await second.close();
      }
    });

    test('the sync timer shares counts between instances within seconds', { skip: variant.name !== 'PostgreSQL' && 'PostgreSQL only' }, async () => {
      intoWindow();
      const limits = { ...BASE, perKey: 4, syncMs: 20 };
      const a = await limitedApp(api.db, clock, limits, open);
      const second = await secondInstance(api, await postgresUrl(), { rateLimits: limits });
      try {
        const key = await freshKey();
        const path = '/v1/surveys/eligibility?metric=nps';
        const viaA = () => a.send('GET', path, { address: freshAddress(), headers: key.pk });
        const viaB = () => second.app.request(path, { headers: key.pk }, { incoming: { socket: { remoteAddress: freshAddress() } } });
        for (let i = 0; i < 2; i++) assert.equal((await viaA()).status, 200);
        for (let i = 0; i < 2; i++) assert.equal((await viaB()).status, 200);
        // Poll each instance until it refuses: it must learn the other's count by its timer alone.
        // (A request admitted while it has not learned yet counts, so the poll is bounded.)
        for (const via of [viaA, viaB]) {
          const deadline = Date.now() + 5_000;
          let status = 200;
          while (status !== 429 && Date.now() < deadline) {
            await new Promise((resolve) => setTimeout(resolve, 25));
            status = (await via()).status;
          }
          assert.equal(status, 429, 'refused within 5 seconds');
        }
      } finally {
        await second.close();
      }
    });
  });
}
