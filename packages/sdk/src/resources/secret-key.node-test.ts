// The routes only the shop's server calls, with its secret key (never from a browser): tokens,
// keys, webhooks, ingestion, audit. One real server in process (in-memory PGlite), one client.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CreatedApiKey, IngestOrder, Order } from '@kith/schema';
import { startServer, type RunningServer } from '../../../server/src/start.js';
import { createClient, type KithClient } from '../client.js';
import { isKithError, type KithError } from '../errors.js';
import type { IngestionResource } from './ingestion.js';
import type { KeysResource } from './keys.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _keyCreated: Equal<Awaited<ReturnType<KeysResource['create']>>, CreatedApiKey> = true;
const _order: Equal<Parameters<IngestionResource['upsertOrder']>[0], IngestOrder> = true;
const _orderAnswer: Equal<Awaited<ReturnType<IngestionResource['upsertOrder']>>, Order> = true;

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** The KithError a call fails with; fails the test if it succeeds or throws something else. */
async function failure(promise: Promise<unknown>): Promise<KithError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isKithError(error), `expected a KithError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}
const paths = (error: KithError) => error.issues.map((issue) => issue.path.join('.'));

describe('secret-key resources against the real server', () => {
  let server: RunningServer;
  let kith: KithClient;
  let publishableKey: string;
  let sampleCustomerId: string;
  const client = (key: string, token?: () => string) => createClient({ baseUrl: server.url, key, token, cache: false, outbox: { indexedDB: null }, retry: false });

  before(async () => {
    server = await startServer({ port: 0, dataDir: 'memory', log: () => undefined, settings: { jobs: { intervalMs: 0 } } });
    assert.ok(server.demo?.secretKey);
    publishableKey = server.demo.publishableKey;
    sampleCustomerId = server.demo.sampleCustomerId;
    kith = client(server.demo.secretKey);
  });
  after(async () => {
    kith.close();
    await server.close();
  });

  describe('tokens', () => {
    test('mint: a customer token reads that customer with the publishable key; a staff token carries its scopes', async () => {
      const minted = await kith.tokens.mint({ kind: 'customer', subject: sampleCustomerId, publishableKey, expiresInSeconds: 60 });
      assert.equal(minted.kind, 'customer');
      const expiresIn = Date.parse(minted.expiresAt) - Date.now();
      assert.ok(expiresIn > 0 && expiresIn <= 60_000, `${expiresIn}`);
      const shopper = client(publishableKey, () => minted.token);
      assert.equal((await shopper.customers.get(sampleCustomerId)).id, sampleCustomerId);
      const staff = await kith.tokens.mint({ kind: 'staff', subject: server.demo?.staffId ?? '', scopes: ['staff:read'], publishableKey });
      const directory = client(publishableKey, () => staff.token);
      assert.ok((await directory.staff.list()).items.length > 0);
      assert.equal((await failure(directory.customers.get(sampleCustomerId))).code, 'forbidden');
    });

    test('refusals: a secret key in place of the publishable one, scopes on a customer token (validation on those fields)', async () => {
      const unknownKey = await failure(kith.tokens.mint({ kind: 'customer', subject: sampleCustomerId, publishableKey: 'pk_unknown_0123456789' }));
      assert.equal(unknownKey.code, 'validation');
      assert.deepEqual(paths(unknownKey), ['publishableKey']);
      const scoped = await failure(kith.tokens.mint({ kind: 'customer', subject: sampleCustomerId, publishableKey, scopes: ['customers:read'] }));
      assert.deepEqual(paths(scoped), ['scopes']);
      // A publishable key cannot mint: only the shop's server can.
      assert.equal((await failure(client(publishableKey).tokens.mint({ kind: 'customer', subject: sampleCustomerId, publishableKey }))).code, 'forbidden');
    });
  });

  describe('keys', () => {
    test('create (shown once, sent without an Idempotency-Key), list, set origins, revoke; a revoked key is refused', async () => {
      const created = await kith.keys.create({ kind: 'publishable', name: 'SDK widget', origins: ['https://shop.example'] });
      assert.match(created.key, /^pk_/);
      assert.ok(created.key.startsWith(created.prefix));
      const listed = await kith.keys.list({ kind: 'publishable', revoked: 'false', limit: 100 });
      const row = listed.items.find((key) => key.id === created.id);
      assert.deepEqual(row, { id: created.id, kind: 'publishable', name: 'SDK widget', prefix: created.prefix, origins: ['https://shop.example'], createdAt: created.createdAt, revokedAt: null });
      assert.ok(listed.items.every((key) => !('key' in key)));
      const moved = await kith.keys.setOrigins(created.id, { origins: ['https://shop.example', 'http://localhost:8080'] });
      assert.deepEqual([...moved.origins].sort(), ['http://localhost:8080', 'https://shop.example']);
      assert.ok((await client(created.key).reviews.aggregates({ productId: [UNKNOWN] })).items.length === 1);
      const revoked = await kith.keys.revoke(created.id);
      assert.ok(revoked.revokedAt);
      assert.equal((await failure(client(created.key).loyalty.program())).code, 'unauthorized');
      assert.ok((await kith.keys.list({ revoked: 'true' })).items.some((key) => key.id === created.id));
    });

    test('refusals: origins on a secret key (validation on `origins`), revoking itself and origins of a secret key (conflict), unknown id (not_found)', async () => {
      const invalid = await failure(kith.keys.create({ kind: 'secret', name: 'x', origins: ['https://shop.example'] }));
      assert.equal(invalid.code, 'validation');
      assert.deepEqual(paths(invalid), ['origins']);
      const secret = await kith.keys.create({ kind: 'secret', name: 'SDK sync job' });
      const own = client(secret.key);
      assert.equal((await failure(own.keys.revoke(secret.id))).code, 'conflict');
      assert.equal((await failure(kith.keys.setOrigins(secret.id, { origins: [] }))).code, 'conflict');
      assert.equal((await failure(kith.keys.revoke(UNKNOWN))).code, 'not_found');
      await kith.keys.revoke(secret.id);
    });
  });

  describe('webhooks', () => {
    test('create (with its secret, once), get, list, update, ping, deliveries, redeliver, rotate the secret, delete', async () => {
      const created = await kith.webhooks.create({ url: 'https://hooks.example/kith', events: ['customer.updated', 'review.published'], description: 'SDK test' });
      assert.match(created.secret, /^whsec_/);
      const endpoint = await kith.webhooks.get(created.id);
      assert.deepEqual(endpoint, Object.fromEntries(Object.entries(created).filter(([name]) => name !== 'secret')));
      assert.ok((await kith.webhooks.list()).items.some((item) => item.id === created.id && !('secret' in item)));

      const paused = await kith.webhooks.update(created.id, { active: false, description: null });
      assert.equal(paused.active, false);
      assert.equal(paused.description, null);

      const ping = await kith.webhooks.ping(created.id);
      assert.equal(ping.eventType, 'ping');
      assert.equal(ping.webhookId, created.id);
      const again = await kith.webhooks.redeliver(created.id, ping.id);
      assert.notEqual(again.id, ping.id);
      assert.equal(again.eventId, ping.eventId);
      const log = await kith.webhooks.deliveries(created.id, { status: 'pending' });
      assert.deepEqual(log.items.map((delivery) => delivery.id).sort(), [ping.id, again.id].sort());

      const rotated = await kith.webhooks.rotateSecret(created.id, { previousSecretSeconds: 3600 });
      assert.notEqual(rotated.secret, created.secret);
      assert.ok(Date.parse(rotated.previousSecretExpiresAt ?? '') > Date.now());

      assert.deepEqual(await kith.webhooks.delete(created.id), { id: created.id, deleted: true });
      assert.equal((await failure(kith.webhooks.get(created.id))).code, 'not_found');
    });

    test('refusals: credentials in the url (validation on `url`); a staff token (forbidden: only the secret key configures webhooks)', async () => {
      const invalid = await failure(kith.webhooks.create({ url: 'https://user:pass@hooks.example/', events: ['customer.updated'] }));
      assert.equal(invalid.code, 'validation');
      assert.deepEqual(paths(invalid), ['url']);
      const { token } = await kith.tokens.mint({ kind: 'staff', subject: server.demo?.staffId ?? '', scopes: ['customers:write'], publishableKey });
      assert.equal((await failure(client(publishableKey, () => token).webhooks.list())).code, 'forbidden');
    });
  });

  describe('ingestion', () => {
    test('upsert a product and a customer (created, then updated in place), an order for them; batches answer per item', async () => {
      const product = await kith.ingestion.upsertProduct({ externalId: 'sku-sdk-1', name: 'SDK mug', price: { amount: 1_500, currency: 'EUR' } });
      assert.equal(product.externalId, 'sku-sdk-1');
      const customer = await kith.ingestion.upsertCustomer({ externalId: 'user-sdk-1', name: 'Sam Sync', channels: [{ kind: 'email', value: 'sam@example.com', preferred: true }] });
      const renamed = await kith.ingestion.upsertCustomer({ externalId: 'user-sdk-1', name: 'Sam Synced' });
      assert.equal(renamed.id, customer.id);
      assert.equal(renamed.name, 'Sam Synced');
      assert.deepEqual(renamed.channels, customer.channels);

      const line = { externalProductId: 'sku-sdk-1', name: 'SDK mug', quantity: 2, unitPrice: { amount: 1_500, currency: 'EUR' }, total: { amount: 3_000, currency: 'EUR' } };
      const order = await kith.ingestion.upsertOrder({
        externalId: 'order-sdk-1', customerExternalId: 'user-sdk-1', status: 'paid', lines: [line],
        subtotal: { amount: 3_000, currency: 'EUR' }, total: { amount: 3_000, currency: 'EUR' }, placedAt: new Date(Date.now() - 86_400_000).toISOString(),
      });
      assert.equal(order.customerId, customer.id);
      assert.equal(order.lines[0]?.productId, product.id);
      assert.equal((await kith.customers.get(customer.id)).value.lifetimeValue.amount, 3_000);

      const products = await kith.ingestion.upsertProducts({ items: [{ externalId: 'sku-sdk-1', name: 'SDK mug (blue)' }, { externalId: 'sku-sdk-2', name: 'SDK plate' }] });
      assert.deepEqual(products.items.map((item) => [item.index, item.status]), [[0, 'updated'], [1, 'created']]);
      assert.equal(products.items[0]?.id, product.id);
      const customers = await kith.ingestion.upsertCustomers({ items: [{ externalId: 'user-sdk-1', name: 'Sam' }, { externalId: 'user-sdk-2', name: 'Kim' }] });
      assert.deepEqual(customers.items.map((item) => item.status), ['updated', 'created']);
      const orders = await kith.ingestion.upsertOrders({
        items: [{
          externalId: 'order-sdk-2', customerExternalId: 'user-sdk-2', status: 'delivered', lines: [line],
          subtotal: { amount: 3_000, currency: 'EUR' }, total: { amount: 3_000, currency: 'EUR' }, placedAt: new Date().toISOString(),
        }],
      });
      assert.equal(orders.items[0]?.status, 'created');
    });

    test('points: a retry with the same idempotency key lands once; a referral is credited once', async () => {
      const customer = await kith.ingestion.upsertCustomer({ externalId: 'user-sdk-points', name: 'Pat Points' });
      const award = { customerId: customer.id, points: 40, reason: 'purchase' as const, note: 'Spring promotion' };
      const first = await kith.ingestion.awardPoints(award, { idempotencyKey: 'promo-2026-user-sdk-points' });
      const repeat = await kith.ingestion.awardPoints(award, { idempotencyKey: 'promo-2026-user-sdk-points' });
      assert.deepEqual(repeat, first);
      assert.equal((await kith.loyalty.account(customer.id)).balance, first.balance);

      const referred = await kith.ingestion.upsertCustomer({ externalId: 'user-sdk-referred', name: 'Rio Referred' });
      const credited = await kith.ingestion.creditReferral({ referrerId: customer.id, referredId: referred.id });
      assert.equal(credited.entry.reason, 'referral');
      assert.equal(credited.entry.customerId, customer.id);
      const twice = await kith.ingestion.creditReferral({ referrerId: customer.id, referredId: referred.id });
      assert.equal(twice.entry.id, credited.entry.id);
      assert.equal((await kith.loyalty.account(customer.id)).balance, credited.balance);
    });

    test('refusals: an order naming its customer twice (validation on `customerId`); a publishable key (forbidden)', async () => {
      const invalid = await failure(
        kith.ingestion.upsertOrder({
          externalId: 'order-x', customerId: sampleCustomerId, customerExternalId: 'user-sdk-1', status: 'paid',
          lines: [{ name: 'x', quantity: 1, unitPrice: { amount: 1, currency: 'EUR' }, total: { amount: 1, currency: 'EUR' } }],
          subtotal: { amount: 1, currency: 'EUR' }, total: { amount: 1, currency: 'EUR' }, placedAt: new Date().toISOString(),
        }),
      );
      assert.equal(invalid.code, 'validation');
      assert.ok(paths(invalid).includes('customerId'));
      assert.equal((await failure(client(publishableKey).ingestion.upsertProduct({ externalId: 'x', name: 'x' }))).code, 'forbidden');
    });
  });

  describe('audit', () => {
    test('list: the server’s own writes, newest first, filtered by action and entity', async () => {
      const created = await kith.webhooks.create({ url: 'https://hooks.example/audit', events: ['order.ingested'] });
      const page = await kith.audit.list({ action: 'webhook.create', entityId: created.id });
      assert.equal(page.items.length, 1);
      assert.equal(page.items[0]?.actor.kind, 'secret');
      assert.equal(page.items[0]?.entity, 'webhook_endpoint');
      const recent = await kith.audit.list({ limit: 5 });
      const times = recent.items.map((record) => Date.parse(record.at));
      assert.deepEqual(times, [...times].sort((a, b) => b - a));
      const invalid = await failure(kith.audit.list({ since: '2026-02-01T00:00:00Z', until: '2026-01-01T00:00:00Z' }));
      assert.deepEqual(paths(invalid), ['since']);
    });
  });
});
