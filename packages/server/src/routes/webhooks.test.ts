import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import {
  AuditPage, KithEvent, WebhookDeliveryPage, WebhookEndpoint, WebhookEndpointPage, WebhookEndpointWithSecret, type EventType,
} from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { verifyWebhook } from '../webhooks/signature.js';
import { startReceiver, type Receiver } from '../webhooks/test-receiver.js';

after(closeAll);

const LOOPBACK = 'http://127.0.0.1:9/hook';

for (const variant of variants()) {
  describe(`webhook routes on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;

    const sk = (method: string, path: string, body?: unknown) => api.request(method, path, api.headers.sk, body);
    const ok = async (response: Response, status = 200): Promise<unknown> => {
      const text = await response.text();
      assert.equal(response.status, status, text);
      return JSON.parse(text);
    };
    const create = async (body: Record<string, unknown>) => WebhookEndpointWithSecret.parse(await ok(await sk('POST', '/v1/webhooks', body), 201));

    before(async () => {
      api = await testApi(await variant.open());
    });

    test('create answers the endpoint and its whsec_ secret once; reads never show it', async () => {
      const response = await sk('POST', '/v1/webhooks', { url: LOOPBACK, events: ['complaint.created', 'order.ingested'], description: ' Helpdesk ' });
      assert.equal(response.headers.get('cache-control'), 'no-store');
      const created = WebhookEndpointWithSecret.parse(await ok(response, 201));
      assert.equal(response.headers.get('location'), `/v1/webhooks/${created.id}`);
      assert.match(created.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
      assert.equal(created.active, true);
      assert.equal(created.description, 'Helpdesk');
      assert.deepEqual(created.events, ['complaint.created', 'order.ingested']);
      assert.equal(created.previousSecretExpiresAt, null);

      const read = await ok(await sk('GET', `/v1/webhooks/${created.id}`));
      const { secret: _secret, ...endpoint } = created;
      assert.deepEqual(read, endpoint);
      assert.ok(WebhookEndpoint.safeParse(read).success);
      const list = await sk('GET', '/v1/webhooks?limit=100');
      const text = await list.clone().text();
      assert.ok(!text.includes(created.secret) && !text.includes('secret"'), text.slice(0, 200));
      assert.ok(WebhookEndpointPage.parse(await ok(list)).items.some((item) => item.id === created.id));
    });

    test('bad input is a 400 on the field: scheme, credentials in the URL, unknown or repeated events, extra fields', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ url: 'ftp://127.0.0.1/hook', events: ['order.ingested'] }, 'url'],
        [{ url: 'javascript:alert(1)', events: ['order.ingested'] }, 'url'],
        [{ url: 'https://user:pass@127.0.0.1/hook', events: ['order.ingested'] }, 'url'],
        [{ url: 'https://token@127.0.0.1/hook', events: ['order.ingested'] }, 'url'],
        [{ url: LOOPBACK, events: [] }, 'events'],
        [{ url: LOOPBACK, events: ['order.shipped'] }, 'events'],
        [{ url: LOOPBACK, events: ['order.ingested', 'order.ingested'] }, 'events'],
        [{ url: LOOPBACK, events: ['order.ingested'], secret: 'whsec_mine' }, ''],
        [{ events: ['order.ingested'] }, 'url'],
      ];
      for (const [body, field] of cases) {
        const error = await assertError(await sk('POST', '/v1/webhooks', body), 400, 'validation');
        assert.ok(error.error.details?.issues?.some((issue) => (issue.path[0] ?? '') === field || (field === '' && issue.path.length === 0)), `${JSON.stringify(body)}: ${JSON.stringify(error)}`);
      }
      const { id } = await create({ url: LOOPBACK, events: ['order.ingested'] });
      await assertError(await sk('PATCH', `/v1/webhooks/${id}`, {}), 400, 'validation');
      await assertError(await sk('PATCH', `/v1/webhooks/${id}`, { url: 'https://a:b@127.0.0.1/' }), 400, 'validation');
      await assertError(await sk('POST', `/v1/webhooks/${id}/rotate-secret`, { previousSecretSeconds: 8 * 86_400 }), 400, 'validation');
      await assertError(await sk('GET', `/v1/webhooks/${id}/deliveries?status=lost`), 400, 'validation');
      await assertError(await sk('GET', `/v1/webhooks/${id}/deliveries?cursor=bm9wZQ`), 400, 'validation');
      await assertError(await sk('GET', '/v1/webhooks/not-a-uuid'), 400, 'validation');
    });

    test('patch changes url, events, description (null clears) and active; audited before and after, without the secret', async () => {
      const created = await create({ url: LOOPBACK, events: ['order.ingested'], description: 'Orders' });
      api.clock.now = new Date(api.clock.now.getTime() + 1_000);
      const patched = WebhookEndpoint.parse(await ok(await sk('PATCH', `/v1/webhooks/${created.id}`, {
        url: 'https://127.0.0.1:8443/kith', events: ['review.created'], description: null, active: false,
      })));
      assert.equal(patched.url, 'https://127.0.0.1:8443/kith');
      assert.deepEqual(patched.events, ['review.created']);
      assert.equal(patched.description, null);
      assert.equal(patched.active, false);
      assert.equal(patched.updatedAt, api.clock.now.toISOString());
      assert.equal(patched.createdAt, created.createdAt);
      const only = WebhookEndpoint.parse(await ok(await sk('PATCH', `/v1/webhooks/${created.id}`, { active: true })));
      assert.deepEqual({ ...only, updatedAt: patched.updatedAt }, { ...patched, active: true });

      const audit = AuditPage.parse(await ok(await sk('GET', `/v1/audit?entity=webhook_endpoint&entityId=${created.id}`)));
      assert.deepEqual(audit.items.map((item) => item.action).sort(), ['webhook.create', 'webhook.update', 'webhook.update']);
      const update = audit.items.find((item) => item.action === 'webhook.update' && (item.after as { active: boolean }).active === false);
      assert.equal((update?.before as { url: string }).url, LOOPBACK);
      assert.ok(!JSON.stringify(audit).includes(created.secret));
    });

    test('delete: 200, then 404 everywhere; unknown ids are 404', async () => {
      const { id } = await create({ url: LOOPBACK, events: ['order.ingested'] });
      assert.deepEqual(await ok(await sk('DELETE', `/v1/webhooks/${id}`)), { id, deleted: true });
      await assertError(await sk('GET', `/v1/webhooks/${id}`), 404, 'not_found');
      await assertError(await sk('DELETE', `/v1/webhooks/${id}`), 404, 'not_found');
      await assertError(await sk('PATCH', `/v1/webhooks/${id}`, { active: false }), 404, 'not_found');
      await assertError(await sk('POST', `/v1/webhooks/${id}/ping`), 404, 'not_found');
      await assertError(await sk('POST', `/v1/webhooks/${id}/rotate-secret`, {}), 404, 'not_found');
      await assertError(await sk('GET', `/v1/webhooks/${id}/deliveries`), 404, 'not_found');
      await assertError(await sk('POST', `/v1/webhooks/${id}/deliveries/${randomUUID()}/redeliver`), 404, 'not_found');
    });

    test('lists are newest first and cursor-paginated; the delivery log filters by status', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) {
        api.clock.now = new Date(api.clock.now.getTime() + 1_000);
        ids.push((await create({ url: LOOPBACK, events: ['order.ingested'], description: `page ${i}` })).id);
      }
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page = WebhookEndpointPage.parse(await ok(await sk('GET', `/v1/webhooks?limit=2${cursor ? `&cursor=${cursor}` : ''}`)));
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((item) => item.id));
        cursor = page.next;
      }
      assert.equal(new Set(seen).size, seen.length, 'no endpoint twice');
      assert.deepEqual(seen.slice(0, 3), [...ids].reverse(), 'newest first');

      const id = ids[0] as string;
      const pings: string[] = [];
      for (let i = 0; i < 3; i++) {
        api.clock.now = new Date(api.clock.now.getTime() + 1_000);
        pings.push(((await ok(await sk('POST', `/v1/webhooks/${id}/ping`), 202)) as { id: string }).id);
      }
      const first = WebhookDeliveryPage.parse(await ok(await sk('GET', `/v1/webhooks/${id}/deliveries?limit=2`)));
      assert.deepEqual(first.items.map((d) => d.id), [pings[2], pings[1]]);
      assert.ok(first.next);
      const second = WebhookDeliveryPage.parse(await ok(await sk('GET', `/v1/webhooks/${id}/deliveries?limit=2&cursor=${first.next}`)));
      assert.deepEqual(second.items.map((d) => d.id), [pings[0]]);
      assert.equal(second.next, null);
      const delivered = WebhookDeliveryPage.parse(await ok(await sk('GET', `/v1/webhooks/${id}/deliveries?status=delivered`)));
      assert.ok(delivered.items.every((d) => d.status === 'delivered'));
    });

    // End to end: the write paths publish the events the issue names (new complaint, review
    // awaiting moderation, order ingested), and a receiver gets them signed.
    describe('events from the API', () => {
      let hook: Receiver;
      let secret: string;
      const EVENTS: EventType[] = ['complaint.created', 'review.created', 'order.ingested'];

      const received = async (type: EventType, match: (data: Record<string, unknown>) => boolean) => {
        await api.services.webhooks.runOnce();
        const found = hook.received.filter((r) => r.headers['kith-event-type'] === type && match((JSON.parse(r.body) as KithEvent).data));
        assert.equal(found.length, 1, `one ${type} delivery (got ${hook.received.map((r) => r.headers['kith-event-type']).join(', ') || 'none'})`);
        const [request] = found as [(typeof found)[number]];
        assert.equal(verifyWebhook({ secret, header: String(request.headers['kith-signature']), body: request.body, now: api.clock.now }).ok, true);
        return KithEvent.parse(JSON.parse(request.body));
      };
      /** Anything in the event's data with this id (the record itself, or a reference to it). */
      const mentions = (id: string) => (data: Record<string, unknown>) => JSON.stringify(data).includes(id);

      before(async () => {
        hook = await startReceiver();
        const response = await api.request('POST', '/v1/webhooks', api.headers.sk, { url: hook.url, events: EVENTS });
        assert.equal(response.status, 201);
        secret = ((await response.json()) as WebhookEndpointWithSecret).secret;
      });
      after(async () => {
        await hook.close();
      });

      test('POST /v1/feedback complaint → a complaint.created delivery', async () => {
        const response = await api.request('POST', '/v1/feedback', api.headers.pk, {
          kind: 'complaint', category: 'delivery', subject: 'Parcel late', body: 'Still waiting.',
          contact: { name: 'Olivia Bennett', email: 'olivia@example.com', phone: null },
        });
        assert.equal(response.status, 201);
        const { id } = (await response.json()) as { id: string };
        const event = await received('complaint.created', mentions(id));
        assert.equal(event.topic, 'inbox');
      });

      test('one delivery per happening: a customer\'s complaint (also on their own topic) → one complaint.created', async () => {
        const response = await api.request('POST', '/v1/feedback', api.headers.customer, {
          kind: 'complaint', category: 'product', subject: 'Zip broke', body: 'The zip broke on day two.',
          contact: { name: 'Olivia Bennett', email: 'olivia@example.com', phone: null },
        });
        assert.equal(response.status, 201);
        const { id } = (await response.json()) as { id: string };
        const event = await received('complaint.created', mentions(id));
        assert.equal(event.topic, 'inbox');
      });

      test('a review (pending moderation) → review.created', async () => {
        const { rows } = await api.db.query<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT 1');
        const productId = rows[0]?.id ?? assert.fail('a product');
        const response = await api.request('POST', '/v1/feedback', api.headers.pk, {
          kind: 'review', productId, rating: 2, title: 'Thin', body: 'Thinner than pictured.', authorName: 'Olivia', language: 'en',
        });
        assert.equal(response.status, 201);
        const { id } = (await response.json()) as { id: string };
        await received('review.created', mentions(id));
      });

      test('PUT /v1/ingest/orders → order.ingested', async () => {
        const externalId = `webhook-${randomUUID()}`;
        const money = (amount: number) => ({ amount, currency: 'EUR' });
        const response = await api.request('PUT', '/v1/ingest/orders', api.headers.sk, {
          externalId, customerId: api.customerId, status: 'paid', placedAt: '2024-01-02T03:04:05.000Z',
          lines: [{ name: 'Scarf', quantity: 1, unitPrice: money(1000), total: money(1000) }], subtotal: money(1000), total: money(1000),
        });
        assert.equal(response.status, 201, await response.clone().text());
        const { id } = (await response.json()) as { id: string };
        await received('order.ingested', mentions(id));
      });
    });
  });
}
