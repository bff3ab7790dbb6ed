// GET /v1/events: topic authorisation per credential, the message format, heartbeats,
// Last-Event-ID resume, and the ways a stream ends (token expiry by the injectable clock,
// key revocation, server shutdown).
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { createApp } from '../app.js';
import { createApiKey, revokeApiKey } from '../keys/api-keys.js';
import { Services } from '../services.js';
import { CREDENTIALS, SHOP, TEST_SETTINGS, assertError, testApi, type CredentialName, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { mustOpenEvents, openEvents, type SseReader } from '../test-support/sse.js';
import { must } from '../util/must.js';
import { publishEvent, type NewEvent } from './publish.js';
import { RecentIds } from './recent-ids.js';

after(closeAll);

const SETTINGS = { events: { heartbeatMs: 50, keyCacheTtlMs: 5_000 } };
const uuid = () => crypto.randomUUID();

for (const variant of variants()) {
  describe(`live events on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** A customer the `staff` token's sales rep does not see (owned outside their team, not shared). */
    let hiddenCustomerId: string;
    let adminId: string;
    const open: SseReader[] = [];

    const stream = async (topics: string[], headers: Record<string, string>, lastEventId?: string) => {
      const reader = await mustOpenEvents(api, topics, headers, lastEventId);
      open.push(reader);
      return reader;
    };
    const publish = (event: NewEvent) => api.db.transaction((tx) => publishEvent(tx, event, api.clock.now));

    before(async () => {
      api = await testApi(await variant.open(), undefined, { settings: SETTINGS });
      const { rows } = await api.db.query<{ id: string }>(
        `SELECT c.id FROM customers c
          WHERE c.id <> $2 AND c.owner_id IS NOT NULL AND c.owner_id NOT IN (SELECT id FROM kith_staff_scope($1::uuid))
            AND NOT EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.staff_id = $1)
          ORDER BY c.id LIMIT 1`,
        [api.staffId, api.otherCustomerId],
      );
      hiddenCustomerId = must(rows[0], 'a customer outside the rep\'s book').id;
      adminId = must((await api.db.query<{ id: string }>("SELECT id FROM staff WHERE role = 'admin' LIMIT 1")).rows[0], 'an admin').id;
    });
    afterEach(async () => {
      for (const reader of open.splice(0)) await reader.close();
    });

    test('topics per credential: who may open which stream', async () => {
      const product = `product:${uuid()}`;
      const topics = {
        product,
        own: `customer:${api.customerId}`,
        hidden: `customer:${hiddenCustomerId}`,
        inbox: 'inbox',
        pipeline: `pipeline:${uuid()}`,
      };
      type Column = keyof typeof topics;
      const row = (product: number, own: number, hidden: number, inbox: number, pipeline: number): Record<Column, number> =>
        ({ product, own, hidden, inbox, pipeline });
      const expected: Record<CredentialName, Record<Column, number>> = {
        none: row(401, 401, 401, 401, 401),
        pk: row(200, 403, 403, 403, 403),
        pkForeign: row(403, 403, 403, 403, 403),
        customer: row(200, 200, 403, 403, 403),
        otherCustomer: row(200, 403, 403, 403, 403),
        staffNoScope: row(200, 403, 403, 403, 403),
        staff: row(200, 200, 403, 200, 200),
        expired: row(401, 401, 401, 401, 401),
        tampered: row(401, 401, 401, 401, 401),
        otherPk: row(403, 403, 403, 403, 403),
        sk: row(200, 200, 200, 200, 200),
        skBrowser: row(403, 403, 403, 403, 403),
      };
      const failures: string[] = [];
      for (const name of CREDENTIALS) {
        for (const [column, topic] of Object.entries(topics) as [Column, string][]) {
          const { status, reader, text } = await openEvents(api, [topic], api.headers[name]);
          await reader?.close();
          if (status !== expected[name][column]) failures.push(`${name} × ${column}: expected ${expected[name][column]}, got ${status} ${text.slice(0, 120)}`);
        }
      }
      assert.deepEqual(failures, []);
    });

    test('topics per credential: one refused topic refuses the stream; scopes and visibility decide for staff', async () => {
      const product = `product:${uuid()}`;
      const status = async (topics: string[], headers: Record<string, string>) => {
        const { status: code, reader } = await openEvents(api, topics, headers);
        await reader?.close();
        return code;
      };
      assert.equal(await status([product, 'inbox'], api.headers.pk), 403);
      assert.equal(await status([product, `customer:${api.customerId}`], api.headers.customer), 200);
      assert.equal(await status([`customer:${api.customerId}`, `customer:${api.otherCustomerId}`], api.headers.customer), 403);
      assert.equal(await status([`customer:${api.otherCustomerId}`], api.headers.otherCustomer), 200, 'the other customer reads its own');
      assert.equal(await status(['inbox'], await api.staffWith(['customers:read'])), 403);
      assert.equal(await status(['inbox'], await api.staffWith(['feedback:read'])), 200);
      assert.equal(await status([`pipeline:${uuid()}`], await api.staffWith(['customers:read'])), 403);
      assert.equal(await status([`pipeline:${uuid()}`], await api.staffWith(['opportunities:read'])), 200);
      assert.equal(await status([`customer:${api.customerId}`], await api.staffWith(['feedback:read'])), 403);
      assert.equal(await status([`customer:${hiddenCustomerId}`], await api.staffWith(['customers:read'], adminId)), 200, 'an admin sees everyone');
      assert.equal(await status([`customer:${uuid()}`], api.headers.staff), 403, 'an unknown customer like a hidden one');
    });

    test('bad requests: topics, credentials in the URL, Last-Event-ID', async () => {
      const product = `product:${uuid()}`;
      await assertError(await api.request('GET', '/v1/events', api.headers.sk), 400, 'validation');
      await assertError(await api.request('GET', '/v1/events?topic=orders', api.headers.sk), 400, 'validation');
      await assertError(await api.request('GET', `/v1/events?topic=product:${uuid().toUpperCase()}`, api.headers.sk), 400, 'validation');
      const many = Array.from({ length: 21 }, () => `topic=product:${uuid()}`).join('&');
      await assertError(await api.request('GET', `/v1/events?${many}`, api.headers.sk), 400, 'validation');
      // A key or token in the URL is never read: the query takes topics only.
      for (const name of ['key', 'token', 'access_token', 'authorization']) {
        // Without a header the key in the URL does not authenticate; with one, the URL is refused.
        await assertError(await api.request('GET', `/v1/events?topic=${product}&${name}=${api.demo.publishableKey}`, {}), 401, 'unauthorized');
        await assertError(await api.request('GET', `/v1/events?topic=${product}&${name}=${api.demo.publishableKey}`, api.headers.sk), 400, 'validation');
      }
      for (const id of ['abc', '-1', '1.5', '1e3', ' ', '99999999999999999999', '9223372036854775808']) {
        await assertError(await api.request('GET', `/v1/events?topic=${product}`, { ...api.headers.sk, 'Last-Event-ID': id }), 400, 'validation');
      }
    });

    test('the stream: headers, retry first, heartbeats as comments', async () => {
      const reader = await stream([`product:${uuid()}`], api.headers.pk);
      const headers = reader.response.headers;
      assert.match(headers.get('content-type') ?? '', /^text\/event-stream/);
      assert.equal(headers.get('cache-control'), 'no-store');
      assert.equal(headers.get('x-accel-buffering'), 'no');
      assert.equal(headers.get('access-control-allow-origin'), SHOP, 'CORS applies to the stream');
      const pings = [await reader.next(), await reader.next()];
      assert.deepEqual(pings, [{ comment: 'ping' }, { comment: 'ping' }]);
    });

    test('events: id, type and the KithEvent as data; audiences filtered per credential', async () => {
      const topic = `product:${uuid()}` as const;
      const pk = await stream([topic], api.headers.pk);
      const customer = await stream([topic], api.headers.customer);
      const sk = await stream([topic], api.headers.sk);
      const staffOnly = await publish({ topic, type: 'product.updated', audience: 'staff', data: { n: 1 } });
      const forCustomers = await publish({ topic, type: 'product.updated', audience: 'customer', data: { n: 2 } });
      const forAll = await publish({ topic, type: 'product.updated', audience: 'public', data: { n: 3 } });
      const message = await pk.until((m) => m.event !== undefined);
      assert.equal(message.id, forAll.id, 'a publishable key hears public events only');
      assert.equal(message.event, 'product.updated');
      assert.deepEqual(JSON.parse(message.data ?? ''), forAll, 'the data is the KithEvent, without its audience');
      const ids = async (reader: SseReader, count: number) => {
        const out: string[] = [];
        while (out.length < count) out.push(must((await reader.until((m) => m.event !== undefined)).id, 'an id'));
        return out;
      };
      assert.deepEqual(await ids(customer, 2), [forCustomers.id, forAll.id]);
      assert.deepEqual(await ids(sk, 3), [staffOnly.id, forCustomers.id, forAll.id]);
    });

    test('Last-Event-ID: the backlog after it, then live events, each once, in order', async () => {
      const topic = `product:${uuid()}` as const;
      const other = `product:${uuid()}` as const;
      const first = await publish({ topic, type: 'product.updated', audience: 'public', data: { n: 1 } });
      await publish({ topic: other, type: 'product.updated', audience: 'public', data: { other: true } });
      const second = await publish({ topic, type: 'product.updated', audience: 'public', data: { n: 2 } });
      await publish({ topic, type: 'product.updated', audience: 'staff', data: { hidden: true } });
      const third = await publish({ topic, type: 'product.updated', audience: 'public', data: { n: 3 } });
      const reader = await stream([topic], api.headers.pk, first.id);
      const live = await publish({ topic, type: 'product.updated', audience: 'public', data: { n: 4 } });
      const events: string[] = [];
      while (events.length < 3) events.push(must((await reader.until((m) => m.event !== undefined)).id, 'an id'));
      assert.deepEqual(events, [second.id, third.id, live.id]);
      // Nothing further: no duplicate of the backlog from the live subscription.
      const more = (await reader.within(300)).filter((m) => m.event !== undefined);
      assert.deepEqual(more, []);
      // Resuming from 0 replays the topic from its first event still kept.
      const all = await stream([topic], api.headers.sk, '0');
      assert.equal((await all.until((m) => m.event !== undefined)).id, first.id);
    });

    test('a long backlog is sent page by page, all of it', async () => {
      const topic = `product:${uuid()}` as const;
      const first = await publish({ topic, type: 'product.updated', audience: 'public', data: { n: 0 } });
      // Older events, as rows (a backlog needs no notification).
      await api.db.query(
        `INSERT INTO events (topic, type, audience, data, at)
         SELECT $1, 'product.updated', 'public', jsonb_build_object('n', n), $2 FROM generate_series(1, 520) AS n ORDER BY n`,
        [topic, api.clock.now],
      );
      const reader = await stream([topic], api.headers.sk, first.id);
      const seen: number[] = [];
      while (seen.length < 520) seen.push((JSON.parse((await reader.until((m) => m.event !== undefined)).data ?? '') as { data: { n: number } }).data.n);
      assert.deepEqual(seen, Array.from({ length: 520 }, (_, i) => i + 1));
    });

    test('a token stream ends when the token expires (injectable clock)', async () => {
      const real = api.clock.now;
      const staff = await stream([`customer:${api.customerId}`], await api.staffWith(['customers:read']));
      const customer = await stream([`customer:${api.customerId}`], await api.customerAs(api.customerId));
      const sk = await stream([`customer:${api.customerId}`], api.headers.sk);
      try {
        api.clock.now = new Date(real.getTime() + 16 * 60_000);
        for (const reader of [staff, customer]) {
          const end = await reader.event('end');
          assert.deepEqual(end.data, { reason: 'token_expired' });
          assert.equal(end.id, undefined, 'the end message does not move Last-Event-ID');
          assert.equal(await reader.next(), null, 'then the server closes the stream');
        }
        assert.deepEqual(await sk.next(), { comment: 'ping' }, 'a secret key does not expire');
      } finally {
        api.clock.now = real;
      }
    });

    test('a stream ends when its key, or the key its token is bound to, is revoked', async () => {
      const pk = await createApiKey(api.db, { kind: 'publishable', name: 'revoked pk', label: 'test', allowedOrigins: [SHOP] });
      const sk = await createApiKey(api.db, { kind: 'secret', name: 'revoked sk', label: 'test' });
      const minted = await api.request('POST', '/v1/tokens', api.headers.sk, { publishableKey: pk.key, kind: 'customer', subject: api.customerId });
      assert.equal(minted.status, 201);
      const token = ((await minted.json()) as { token: string }).token;
      const topic = `product:${uuid()}`;
      const byPk = await stream([topic], { authorization: `Bearer ${pk.key}`, origin: SHOP });
      const byToken = await stream([topic, `customer:${api.customerId}`], { authorization: `Bearer ${token}`, origin: SHOP });
      const bySk = await stream([topic], { authorization: `Bearer ${sk.key}` });
      const unrelated = await stream([topic], api.headers.pk);

      await revokeApiKey(api.db, pk.id);
      for (const reader of [byPk, byToken]) {
        assert.deepEqual((await reader.event('end')).data, { reason: 'key_revoked' });
        assert.equal(await reader.next(), null);
      }
      assert.deepEqual(await bySk.next(), { comment: 'ping' }, 'another key\'s stream goes on');
      await revokeApiKey(api.db, sk.id);
      assert.deepEqual((await bySk.event('end')).data, { reason: 'key_revoked' });
      assert.deepEqual(await unrelated.next(), { comment: 'ping' });
      await assertError(await api.request('GET', `/v1/events?topic=${topic}`, { authorization: `Bearer ${pk.key}`, origin: SHOP }), 401, 'unauthorized');
    });

    test('closing the server ends every open stream with server_closing', async () => {
      const services = new Services(api.db, { clock: () => api.clock.now, settings: { ...TEST_SETTINGS, ...SETTINGS } });
      await services.start();
      const app = createApp({ db: api.db, clock: () => api.clock.now, services });
      const one = await mustOpenEvents({ app }, [`product:${uuid()}`], api.headers.pk);
      const two = await mustOpenEvents({ app }, ['inbox'], api.headers.sk);
      open.push(one, two);
      assert.equal(services.hub.subscriberCount, 2);
      await services.close();
      for (const reader of [one, two]) {
        assert.deepEqual((await reader.event('end')).data, { reason: 'server_closing' });
        assert.equal(await reader.next(), null);
      }
      assert.equal(services.hub.subscriberCount, 0);
    });

    test('a client that goes away is unsubscribed', async () => {
      const before = api.services.hub.subscriberCount;
      const reader = await mustOpenEvents(api, [`product:${uuid()}`], api.headers.pk);
      assert.equal(api.services.hub.subscriberCount, before + 1);
      await reader.close();
      assert.equal(api.services.hub.subscriberCount, before);
    });
  });
}

test('RecentIds remembers the last ids only', () => {
  const ids = new RecentIds(3);
  for (const id of ['1', '2', '3', '2', '4']) ids.add(id);
  assert.deepEqual(['1', '2', '3', '4'].map((id) => ids.has(id)), [false, true, true, true]);
});
