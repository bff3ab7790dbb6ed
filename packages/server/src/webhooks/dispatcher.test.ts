import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import {
  KithEvent, WebhookBody, type EventType, type WebhookDelivery, type WebhookDeliveryPage, type WebhookEndpointWithSecret,
} from '@kith/schema';
import { publishEvent } from '../events/publish.js';
import { testApi, type TestApi } from '../test-support/api.js';
import { closeAll, postgresUrl, variants } from '../test-support/database.js';
import { secondInstance } from '../test-support/instances.js';
import { DEFAULT_SETTINGS, resolveSettings } from '../settings.js';
import { WebhookDispatcher } from './dispatcher.js';
import { verifyWebhook } from './signature.js';
import { startReceiver, type Answer, type Received, type Receiver } from './test-receiver.js';

after(closeAll);

const SETTINGS = { webhooks: { timeoutMs: 400, maxAttempts: 3, toleranceSeconds: 300 } };
const MINUTE = 60_000;

for (const variant of variants()) {
  describe(`webhook dispatcher on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let receivers: Receiver[] = [];
    let endpoints: string[] = [];

    const receiver = async (answer?: (request: Received, index: number) => Answer) => {
      const started = await startReceiver(answer);
      receivers.push(started);
      return started;
    };
    const call = async <T>(method: string, path: string, body?: unknown, status = 200): Promise<T> => {
      const response = await api.request(method, path, api.headers.sk, body);
      const text = await response.text();
      assert.equal(response.status, status, text);
      return JSON.parse(text) as T;
    };
    const endpoint = async (url: string, events: EventType[]) => {
      const created = await call<WebhookEndpointWithSecret>('POST', '/v1/webhooks', { url, events }, 201);
      endpoints.push(created.id);
      return created;
    };
    const publish = (type: EventType, data: Record<string, unknown> = {}) =>
      api.db.transaction((tx) => publishEvent(tx, { topic: 'inbox', type, audience: 'staff', data }, api.clock.now));
    const log = (id: string, query = '') => call<WebhookDeliveryPage>('GET', `/v1/webhooks/${id}/deliveries${query}`);
    const only = async (id: string): Promise<WebhookDelivery> => {
      const { items } = await log(id);
      assert.equal(items.length, 1, JSON.stringify(items));
      return items[0] as WebhookDelivery;
    };
    const run = () => api.services.webhooks.runOnce();
    const later = (ms: number) => {
      api.clock.now = new Date(api.clock.now.getTime() + ms);
    };

    before(async () => {
      api = await testApi(await variant.open(), undefined, { settings: SETTINGS });
    });
    beforeEach(() => {
      later(7 * 86_400_000);
    });
    afterEach(async () => {
      for (const id of endpoints) await api.request('DELETE', `/v1/webhooks/${id}`, api.headers.sk);
      for (const started of receivers) await started.close();
      endpoints = [];
      receivers = [];
    });

    test('a delivery is the KithEvent, signed with the endpoint\'s secret and the clock\'s time', async () => {
      const hook = await receiver();
      const { id, secret } = await endpoint(hook.url, ['complaint.created']);
      const event = await publish('complaint.created', { subject: 'Parcel late' });
      await run();
      await hook.waitFor(1);
      assert.equal(hook.received.length, 1);
      const [request] = hook.received as [Received];
      assert.equal(request.path, '/hook');
      assert.match(String(request.headers['content-type']), /^application\/json/);
      assert.equal(request.headers['kith-event-id'], event.id);
      assert.equal(request.headers['kith-event-type'], 'complaint.created');
      const delivery = await only(id);
      assert.equal(request.headers['kith-delivery-id'], delivery.id);
      assert.deepEqual(KithEvent.parse(JSON.parse(request.body)), event);
      assert.ok(WebhookBody.safeParse(JSON.parse(request.body)).success);

      const header = String(request.headers['kith-signature']);
      assert.match(header, new RegExp(`^t=${Math.floor(api.clock.now.getTime() / 1000)},v1=[0-9a-f]{64}$`));
      assert.equal(verifyWebhook({ secret, header, body: request.body, now: api.clock.now }).ok, true);
      assert.deepEqual(verifyWebhook({ secret, header, body: request.body.replace('Parcel', 'Parcels'), now: api.clock.now }), { ok: false, reason: 'bad_signature' });
      const replayed = new Date(api.clock.now.getTime() + (DEFAULT_SETTINGS.webhooks.toleranceSeconds + 5) * 1000);
      assert.deepEqual(verifyWebhook({ secret, header, body: request.body, now: replayed }), { ok: false, reason: 'outside_tolerance' });

      assert.equal(delivery.status, 'delivered');
      assert.equal(delivery.attempts, 1);
      assert.equal(delivery.lastStatusCode, 200);
      assert.equal(delivery.eventId, event.id);
      assert.equal(delivery.nextAttemptAt, null);
      assert.deepEqual(delivery.payload, event);
    });

    test('only endpoints subscribed to the type get it; inactive and deleted ones get nothing', async () => {
      const complaints = await receiver();
      const orders = await receiver();
      const paused = await receiver();
      const deleted = await receiver();
      await endpoint(complaints.url, ['complaint.created', 'complaint.overdue']);
      await endpoint(orders.url, ['order.ingested']);
      const pausedEndpoint = await endpoint(paused.url, ['complaint.created']);
      const deletedEndpoint = await endpoint(deleted.url, ['complaint.created']);
      await call('PATCH', `/v1/webhooks/${pausedEndpoint.id}`, { active: false });
      await call('DELETE', `/v1/webhooks/${deletedEndpoint.id}`);

      await publish('complaint.created');
      await publish('complaint.overdue');
      await publish('order.ingested');
      await publish('review.created');
      await run();
      await complaints.waitFor(2);
      await orders.waitFor(1);
      await run();
      assert.deepEqual(complaints.received.map((r) => r.headers['kith-event-type']).sort(), ['complaint.created', 'complaint.overdue']);
      assert.deepEqual(orders.received.map((r) => r.headers['kith-event-type']), ['order.ingested']);
      assert.equal(paused.received.length, 0);
      assert.equal(deleted.received.length, 0);
      assert.equal((await log(pausedEndpoint.id)).items.length, 0, 'nothing is queued for an inactive endpoint');
    });

    test('an endpoint paused after a delivery was queued: the delivery waits and goes when it is active again', async () => {
      const hook = await receiver();
      const { id } = await endpoint(hook.url, ['complaint.created']);
      await call('PATCH', `/v1/webhooks/${id}`, { description: 'pausing' });
      // Queue with the endpoint active, then pause it before any dispatcher runs.
      await api.db.transaction(async (tx) => {
        await publishEvent(tx, { topic: 'inbox', type: 'complaint.created', audience: 'staff', data: {} }, api.clock.now);
        await tx.query('UPDATE webhook_endpoints SET active = false WHERE id = $1', [id]);
      });
      await run();
      assert.equal(hook.received.length, 0);
      assert.equal((await only(id)).status, 'pending');
      await call('PATCH', `/v1/webhooks/${id}`, { active: true });
      await run();
      await hook.waitFor(1);
      assert.equal((await only(id)).status, 'delivered');
    });

    test('a 500 is retried after the backoff (clock moved), then delivered', async () => {
      const hook = await receiver((_, index) => (index === 0 ? 500 : 204));
      const { id } = await endpoint(hook.url, ['order.ingested']);
      await publish('order.ingested');
      await run();
      await hook.waitFor(1);
      let delivery = await only(id);
      assert.equal(delivery.status, 'pending');
      assert.equal(delivery.attempts, 1);
      assert.equal(delivery.lastStatusCode, 500);
      assert.equal(delivery.lastError, 'HTTP 500');
      const wait = Date.parse(delivery.nextAttemptAt ?? '') - api.clock.now.getTime();
      assert.ok(wait >= 30_000 && wait <= 36_100, `first retry after 30 s plus jitter, got ${wait} ms`);

      await run();
      later(29_000);
      await run();
      assert.equal(hook.received.length, 1, 'not retried before it is due');
      later(8_000);
      // The scheduler's job picks up due retries.
      await api.services.scheduler.runDue(api.clock.now);
      await hook.waitFor(2);
      delivery = await only(id);
      assert.equal(delivery.status, 'delivered');
      assert.equal(delivery.attempts, 2);
      assert.equal(delivery.lastStatusCode, 204);
      assert.equal(delivery.lastError, null);
      assert.equal(hook.received[0]?.headers['kith-delivery-id'], hook.received[1]?.headers['kith-delivery-id']);
    });

    test('a receiver that does not answer in time is retried', async () => {
      const hook = await receiver((_, index) => (index === 0 ? 'hang' : 200));
      const { id } = await endpoint(hook.url, ['order.ingested']);
      await publish('order.ingested');
      await run();
      let delivery = await only(id);
      assert.equal(delivery.status, 'pending');
      assert.equal(delivery.attempts, 1);
      assert.equal(delivery.lastStatusCode, null);
      assert.equal(delivery.lastError, 'timed out after 400 ms');
      later(MINUTE);
      await run();
      await hook.waitFor(2);
      delivery = await only(id);
      assert.equal(delivery.status, 'delivered');
      assert.equal(delivery.attempts, 2);
    });

    test('gives up after maxAttempts: failed, attempts counted, in the log, no more requests', async () => {
      const hook = await receiver(() => 503);
      const { id } = await endpoint(hook.url, ['order.ingested']);
      await publish('order.ingested');
      for (let i = 0; i < 6; i++) {
        await run();
        later(86_400_000);
      }
      assert.equal(hook.received.length, 3);
      const failed = await log(id, '?status=failed');
      assert.equal(failed.items.length, 1);
      const delivery = failed.items[0] as WebhookDelivery;
      assert.equal(delivery.status, 'failed');
      assert.equal(delivery.attempts, 3);
      assert.equal(delivery.lastStatusCode, 503);
      assert.equal(delivery.nextAttemptAt, null);
      assert.equal((await log(id, '?status=pending')).items.length, 0);
      assert.ok(api.logs.some((line) => line.includes(`delivery ${delivery.id}`) && line.includes('failed after 3 attempts')));
    });

    test('a redirect is not followed and counts as a failed attempt', async () => {
      const elsewhere = await receiver();
      const hook = await receiver(() => ({ status: 307, headers: { location: elsewhere.url } }));
      const { id } = await endpoint(hook.url, ['order.ingested']);
      await publish('order.ingested');
      await run();
      await hook.waitFor(1);
      const delivery = await only(id);
      assert.equal(delivery.status, 'pending');
      assert.equal(delivery.lastStatusCode, 307);
      assert.match(delivery.lastError ?? '', /redirects are not followed/);
      assert.equal(elsewhere.received.length, 0);
    });

    test('a refused connection is a failed attempt with a short reason', async () => {
      const gone = await receiver();
      await gone.close();
      receivers = receivers.filter((r) => r !== gone);
      const { id } = await endpoint(gone.url, ['order.ingested']);
      await publish('order.ingested');
      await run();
      const delivery = await only(id);
      assert.equal(delivery.status, 'pending');
      assert.equal(delivery.lastError, 'request failed: ECONNREFUSED');
    });

    test('a write\'s NOTIFY wakes the dispatcher: the delivery goes out within seconds without anyone calling it', async () => {
      const hook = await receiver();
      await endpoint(hook.url, ['order.ingested']);
      await publish('order.ingested');
      await hook.waitFor(1, 5_000);
    });

    test('a rolled-back write queues nothing', async () => {
      const hook = await receiver();
      const { id } = await endpoint(hook.url, ['order.ingested']);
      await assert.rejects(api.db.transaction(async (tx) => {
        await publishEvent(tx, { topic: 'inbox', type: 'order.ingested', audience: 'staff', data: {} }, api.clock.now);
        throw new Error('rolled back');
      }));
      await run();
      assert.equal((await log(id)).items.length, 0);
      assert.equal(hook.received.length, 0);
    });

    test('closing the dispatcher aborts a request in flight and gives the attempt back', async () => {
      const hook = await receiver(() => 'hang');
      const { id } = await endpoint(hook.url, ['order.ingested']);
      // Queued without a NOTIFY, so only the dispatcher below sends it.
      await api.db.query(
        `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, next_attempt_at, created_at)
         VALUES ($1, 1, 'order.ingested', $2::jsonb, $3, $3)`,
        [id, JSON.stringify({ id: '1', topic: 'inbox', type: 'order.ingested', at: api.clock.now.toISOString(), data: {} }), api.clock.now],
      );
      const own = new WebhookDispatcher({ db: api.db, settings: resolveSettings({ webhooks: { timeoutMs: 30_000 } }), clock: () => api.clock.now, log: () => {} });
      const round = own.runOnce();
      await hook.waitFor(1);
      await own.close();
      assert.deepEqual(await round, { attempted: 1, delivered: 0 });
      const delivery = await only(id);
      assert.equal(delivery.status, 'pending');
      assert.equal(delivery.attempts, 0);
      assert.equal(delivery.lastError, null);
    });

    test('ping: a test delivery, sent even to an inactive endpoint; redeliver sends an event again', async () => {
      const hook = await receiver();
      const { id, secret } = await endpoint(hook.url, ['order.ingested']);
      await call('PATCH', `/v1/webhooks/${id}`, { active: false });
      const ping = await call<WebhookDelivery>('POST', `/v1/webhooks/${id}/ping`, undefined, 202);
      assert.equal(ping.eventType, 'ping');
      assert.equal(ping.status, 'pending');
      await run();
      await hook.waitFor(1);
      const [request] = hook.received as [Received];
      assert.equal(request.headers['kith-event-type'], 'ping');
      assert.deepEqual(JSON.parse(request.body), { id: ping.eventId, type: 'ping', at: api.clock.now.toISOString(), data: { webhookId: id } });
      assert.equal(verifyWebhook({ secret, header: String(request.headers['kith-signature']), body: request.body, now: api.clock.now }).ok, true);

      await call('PATCH', `/v1/webhooks/${id}`, { active: true });
      const event = await publish('order.ingested');
      await run();
      await hook.waitFor(2);
      const original = (await log(id, '?status=delivered')).items.find((d) => d.eventId === event.id);
      assert.ok(original);
      const again = await call<WebhookDelivery>('POST', `/v1/webhooks/${id}/deliveries/${original.id}/redeliver`, undefined, 202);
      assert.notEqual(again.id, original.id);
      assert.equal(again.eventId, event.id);
      await run();
      await hook.waitFor(3);
      const third = hook.received[2] as Received;
      assert.equal(third.headers['kith-event-id'], event.id);
      assert.equal(third.headers['kith-delivery-id'], again.id);
      assert.equal(third.body, hook.received[1]?.body);
      const other = await endpoint(hook.url, ['order.ingested']);
      const response = await api.request('POST', `/v1/webhooks/${other.id}/deliveries/${original.id}/redeliver`, api.headers.sk);
      assert.equal(response.status, 404, 'a delivery of another endpoint');
    });

    test('rotating the secret: both sign for the overlap, then only the new one; 0 drops the old one at once', async () => {
      const hook = await receiver();
      const { id, secret: first } = await endpoint(hook.url, ['order.ingested']);
      const rotated = await call<WebhookEndpointWithSecret>('POST', `/v1/webhooks/${id}/rotate-secret`, {});
      assert.notEqual(rotated.secret, first);
      assert.equal(rotated.previousSecretExpiresAt, new Date(api.clock.now.getTime() + 86_400_000).toISOString());
      await publish('order.ingested');
      await run();
      await hook.waitFor(1);
      const signed = (r: Received) => ({ header: String(r.headers['kith-signature']), body: r.body, now: api.clock.now });
      const [during] = hook.received as [Received];
      assert.equal(signed(during).header.split(',').length, 3);
      assert.equal(verifyWebhook({ secret: first, ...signed(during) }).ok, true);
      assert.equal(verifyWebhook({ secret: rotated.secret, ...signed(during) }).ok, true);

      later(86_400_000 + 1_000);
      assert.equal((await call<{ previousSecretExpiresAt: string | null }>('GET', `/v1/webhooks/${id}`)).previousSecretExpiresAt, null);
      await publish('order.ingested');
      await run();
      await hook.waitFor(2);
      const afterOverlap = hook.received[1] as Received;
      assert.equal(verifyWebhook({ secret: first, ...signed(afterOverlap) }).ok, false);
      assert.equal(verifyWebhook({ secret: rotated.secret, ...signed(afterOverlap) }).ok, true);

      const leaked = await call<WebhookEndpointWithSecret>('POST', `/v1/webhooks/${id}/rotate-secret`, { previousSecretSeconds: 0 });
      assert.equal(leaked.previousSecretExpiresAt, null);
      await publish('order.ingested');
      await run();
      await hook.waitFor(3);
      const now = hook.received[2] as Received;
      assert.equal(verifyWebhook({ secret: rotated.secret, ...signed(now) }).ok, false);
      assert.equal(verifyWebhook({ secret: leaked.secret, ...signed(now) }).ok, true);
    });

    test('secrets appear in no GET answer, log line or audit record', async () => {
      const hook = await receiver((_, index) => (index === 0 ? 500 : 200));
      const created = await endpoint(hook.url, ['order.ingested']);
      const rotated = await call<WebhookEndpointWithSecret>('POST', `/v1/webhooks/${created.id}/rotate-secret`, {});
      const secrets = [created.secret, rotated.secret];
      await publish('order.ingested');
      await run();
      later(MINUTE);
      await run();
      await hook.waitFor(2);
      const texts: string[] = [];
      for (const path of ['/v1/webhooks', `/v1/webhooks/${created.id}`, `/v1/webhooks/${created.id}/deliveries`, `/v1/audit?entity=webhook_endpoint`]) {
        const response = await api.request('GET', path, api.headers.sk);
        assert.equal(response.status, 200);
        texts.push(await response.text());
      }
      const { rows } = await api.db.query<{ text: string }>('SELECT row_to_json(a)::text AS text FROM audit_log a WHERE entity = $1', ['webhook_endpoint']);
      assert.ok(rows.length >= 2);
      texts.push(...rows.map((row) => row.text), ...api.logs);
      for (const secret of secrets) {
        for (const text of texts) assert.ok(!text.includes(secret) && !text.includes(secret.slice(6)), `a secret leaked into ${text.slice(0, 120)}`);
      }
      assert.ok(api.logs.some((line) => line.includes('attempt 1/3 failed: HTTP 500')), 'failures are logged (without secrets)');
      assert.ok(!api.logs.some((line) => line.includes(hook.origin)), 'log lines do not name the URL');
    });

    test('two dispatchers (two instances on PostgreSQL) never send one delivery twice', { skip: variant.name !== 'PostgreSQL' && 'PostgreSQL only' }, async () => {
      const other = await secondInstance(api, await postgresUrl(), SETTINGS);
      try {
        const hook = await receiver(() => ({ status: 200, delayMs: 15 }));
        const { id } = await endpoint(hook.url, ['order.ingested']);
        const count = 45;
        await api.db.transaction(async (tx) => {
          for (let i = 0; i < count; i++) {
            await publishEvent(tx, { topic: 'inbox', type: 'order.ingested', audience: 'staff', data: { n: i } }, api.clock.now);
          }
        });
        // Both instances' dispatchers also woke on the NOTIFY; these rounds join in.
        await Promise.all([run(), other.services.webhooks.runOnce(), run(), other.services.webhooks.runOnce()]);
        await hook.waitFor(count);
        await run();
        await other.services.webhooks.runOnce();
        const ids = hook.received.map((r) => String(r.headers['kith-delivery-id']));
        assert.equal(ids.length, count, 'every delivery sent exactly once');
        assert.equal(new Set(ids).size, count);
        const { rows } = await api.db.query<{ status: string; attempts: number; n: number }>(
          'SELECT status, attempts, count(*)::int AS n FROM webhook_deliveries WHERE endpoint_id = $1 GROUP BY status, attempts',
          [id],
        );
        assert.deepEqual(rows, [{ status: 'delivered', attempts: 1, n: count }]);
      } finally {
        await other.close();
      }
    });
  });
}
