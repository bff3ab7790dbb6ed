import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { badInputCases } from '../ingestion/bad-input.cases.js';

after(closeAll);

const eur = (amount: number) => ({ amount, currency: 'EUR' });
let n = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++n}`;

for (const variant of variants()) {
  describe(`ingestion on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });
    const put = (path: string, body: unknown, headers = api.headers.sk) => api.request('PUT', path, headers, body);
    const post = (path: string, body: unknown, headers = api.headers.sk) => api.request('POST', path, headers, body);
    const json = async <T = Record<string, unknown>>(response: Response, status: number): Promise<T> => {
      const text = await response.text();
      assert.equal(response.status, status, text);
      return JSON.parse(text) as T;
    };
    const customerRow = async (id: string) =>
      (await api.db.query<{ lifetime_value: number; order_count: number; segment: string | null; key_account: boolean; version: number; rfm_recency: number | null; churn_level: string | null }>(
        'SELECT lifetime_value, order_count, segment, key_account, version, rfm_recency, churn_level FROM customers WHERE id = $1', [id])).rows[0];
    const ledger = async (customerId: string) =>
      (await api.db.query<{ reason: string; points: number; order_id: string | null }>(
        'SELECT reason, points, order_id FROM loyalty_ledger WHERE customer_id = $1 ORDER BY created_at, id', [customerId])).rows;
    const balance = async (customerId: string) => (await ledger(customerId)).reduce((sum, row) => sum + row.points, 0);
    const newCustomer = async (extra: Record<string, unknown> = {}) =>
      (await json<{ id: string }>(await put('/v1/ingest/customers', { externalId: unique('c'), name: 'Ingested Shopper', ...extra }), 201)).id;

    describe('customers', () => {
      test('upsert by externalId: 201, then 200 with nothing changed, then a real change', async () => {
        const externalId = unique('user');
        const first = await json<{ id: string; version: number; externalId: string }>(await put('/v1/ingest/customers', { externalId, name: 'Ada Lovelace', tags: ['vip'] }), 201);
        assert.equal(first.externalId, externalId);
        const again = await json<{ id: string; version: number }>(await put('/v1/ingest/customers', { externalId, name: 'Ada Lovelace', tags: ['vip'] }), 200);
        assert.equal(again.id, first.id);
        assert.equal(again.version, first.version, 'a re-sent customer changes nothing');
        const renamed = await json<{ version: number; name: string; tags: string[] }>(await put('/v1/ingest/customers', { externalId, name: 'Ada King' }), 200);
        assert.equal(renamed.name, 'Ada King');
        assert.equal(renamed.version, first.version + 1);
        assert.deepEqual(renamed.tags, ['vip'], 'a field left out keeps its value');
        const audited = await api.db.query("SELECT 1 FROM audit_log WHERE entity = 'customer' AND entity_id = $1 AND actor_kind = 'secret'", [first.id]);
        assert.equal(audited.rows.length, 2, 'create and the one real update are audited');
      });

      test('upsert by e-mail, case-insensitively; an externalId is adopted', async () => {
        const email = `${unique('Grace')}@Example.COM`;
        const channels = (value: string) => [{ kind: 'email', value, preferred: true }];
        const created = await json<{ id: string }>(await put('/v1/ingest/customers', { name: 'Grace Hopper', channels: channels(email) }), 201);
        const matched = await json<{ id: string }>(await put('/v1/ingest/customers', { name: 'Grace B. Hopper', channels: channels(email.toLowerCase()) }), 200);
        assert.equal(matched.id, created.id);
        const adopted = await json<{ id: string; externalId: string }>(
          await put('/v1/ingest/customers', { externalId: unique('gh'), name: 'Grace Hopper', channels: channels(email.toUpperCase()) }), 200);
        assert.equal(adopted.id, created.id);
        // The same e-mail under yet another externalId is another shop user's address: a clash.
        await assertError(await put('/v1/ingest/customers', { externalId: unique('gh'), name: 'Impostor', channels: channels(email) }), 409, 'conflict');
      });

      test('needs something to match by, and references that exist', async () => {
        const body = await assertError(await put('/v1/ingest/customers', { name: 'Nobody' }), 400, 'validation');
        assert.deepEqual(body.error.details?.issues?.[0]?.path, ['externalId']);
        const owner = await assertError(await put('/v1/ingest/customers', { externalId: unique('o'), name: 'X', ownerId: crypto.randomUUID() }), 400, 'validation');
        assert.deepEqual(owner.error.details?.issues?.[0]?.path, ['ownerId']);
      });

      test('batch: per-item results in order; a failing item names its index and nothing is applied', async () => {
        const [a, b] = [unique('batch'), unique('batch')];
        const ok = await json<{ items: { index: number; id: string; status: string }[] }>(
          await post('/v1/ingest/customers/batch', { items: [{ externalId: a, name: 'A' }, { externalId: b, name: 'B' }, { externalId: a, name: 'A2' }] }), 200);
        assert.deepEqual(ok.items.map((item) => [item.index, item.status]), [[0, 'created'], [1, 'created'], [2, 'updated']]);
        assert.equal(ok.items[2]?.id, ok.items[0]?.id);
        const c = unique('batch');
        const failed = await assertError(await post('/v1/ingest/customers/batch', {
          items: [{ externalId: c, name: 'C' }, { name: 'no key' }, { externalId: unique('batch'), name: 'D', ownerId: crypto.randomUUID() }],
        }), 400, 'validation');
        assert.deepEqual(failed.error.details?.issues?.map((issue) => issue.path), [['items', 1, 'externalId'], ['items', 2, 'ownerId']]);
        assert.equal((await api.db.query('SELECT 1 FROM customers WHERE external_id = $1', [c])).rows.length, 0, 'all or nothing');
        const invalid = await assertError(await post('/v1/ingest/customers/batch', { items: [{ externalId: c, name: 'C' }, { externalId: c }] }), 400, 'validation');
        assert.deepEqual(invalid.error.details?.issues?.[0]?.path, ['items', 1, 'name']);
        await assertError(await post('/v1/ingest/customers/batch', { items: Array.from({ length: 501 }, (_, i) => ({ externalId: `x${i}`, name: 'X' })) }), 400, 'validation');
      });
    });

    test('products: upsert by externalId, batch', async () => {
      const externalId = unique('sku');
      const created = await json<{ id: string; price: unknown }>(await put('/v1/ingest/products', { externalId, name: 'Linen shirt', price: eur(4900) }), 201);
      assert.deepEqual(created.price, eur(4900));
      const same = await json<{ id: string; updatedAt: string }>(await put('/v1/ingest/products', { externalId, name: 'Linen shirt' }), 200);
      assert.equal(same.id, created.id);
      const batch = await json<{ items: { status: string }[] }>(await post('/v1/ingest/products/batch', { items: [{ externalId, name: 'Linen shirt II' }, { externalId: unique('sku'), name: 'Belt' }] }), 200);
      assert.deepEqual(batch.items.map((item) => item.status), ['updated', 'created']);
    });

    describe('orders', () => {
      const order = (externalId: string, customerId: string, status: string, total: number, lines: unknown[]) => ({
        externalId, customerId, status, lines, subtotal: eur(total), total: eur(total), tax: eur(0), placedAt: api.clock.now.toISOString(),
      });
      const verified = async (customerId: string, productId: string) =>
        (await api.db.query(
          `SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.customer_id = $1 AND l.product_id = $2 AND o.status NOT IN ('cancelled', 'returned', 'refunded')`,
          [customerId, productId])).rows.length > 0;

      test('an order drives value, verified buyer and points; re-sending changes nothing; a refund reverses', async () => {
        const customerId = await newCustomer();
        const sku = unique('sku');
        const product = await json<{ id: string }>(await put('/v1/ingest/products', { externalId: sku, name: 'Wool coat' }), 201);
        const externalId = unique('order');
        const line = { externalProductId: sku, name: 'Wool coat', quantity: 1, unitPrice: eur(100_000_00), total: eur(100_000_00) };
        const body = order(externalId, customerId, 'paid', 100_000_00, [line]);
        const created = await json<{ id: string; updatedAt: string; lines: { productId: string }[] }>(await put('/v1/ingest/orders', body), 201);
        assert.equal(created.lines[0]?.productId, product.id);
        const value = await customerRow(customerId);
        assert.equal(value?.lifetime_value, 100_000_00);
        assert.equal(value?.order_count, 1);
        assert.ok(value?.segment && value.rfm_recency && value.churn_level, 'RFM, segment and churn are computed');
        assert.equal(value?.key_account, true, 'the biggest spender of the shop is a key account');
        assert.equal(await verified(customerId, product.id), true);
        // The demo program earns 1 point per €1.00.
        assert.deepEqual(await ledger(customerId), [{ reason: 'purchase', points: 100_000, order_id: created.id }]);

        const again = await json<{ id: string; updatedAt: string }>(await put('/v1/ingest/orders', body), 200);
        assert.equal(again.id, created.id);
        assert.equal(again.updatedAt, created.updatedAt, 'nothing changed');
        assert.equal((await ledger(customerId)).length, 1, 'points are awarded once per order');
        assert.equal((await customerRow(customerId))?.lifetime_value, 100_000_00);

        // A later message from the shop: entries get a later time, so the ledger reads in order.
        api.clock.now = new Date(api.clock.now.getTime() + 1000);
        await json(await put('/v1/ingest/orders', { ...body, status: 'refunded' }), 200);
        assert.equal((await customerRow(customerId))?.lifetime_value, 0);
        assert.equal((await customerRow(customerId))?.key_account, false);
        assert.equal(await verified(customerId, product.id), false);
        assert.deepEqual((await ledger(customerId)).map((row) => [row.reason, row.points]), [['purchase', 100_000], ['adjust', -100_000]]);
        await json(await put('/v1/ingest/orders', { ...body, status: 'refunded' }), 200);
        assert.equal(await balance(customerId), 0, 'a re-sent refund reverses nothing more');
        await json(await put('/v1/ingest/orders', { ...body, status: 'delivered' }), 200);
        assert.equal(await balance(customerId), 100_000, 'a re-opened order earns again, by an adjustment');
      });

      test('by customerExternalId and productId; a line for a product synced later is linked then', async () => {
        const customerExternal = unique('c');
        const customerId = await newCustomer({ externalId: customerExternal });
        const sku = unique('later');
        const { customerId: _, ...rest } = order(unique('order'), customerId, 'paid', 500, [
          { externalProductId: sku, name: 'Gift card', quantity: 1, unitPrice: eur(500), total: eur(500) },
        ]);
        await json(await put('/v1/ingest/orders', { ...rest, customerExternalId: customerExternal }), 201);
        const product = await json<{ id: string }>(await put('/v1/ingest/products', { externalId: sku, name: 'Gift card' }), 201);
        assert.equal(await verified(customerId, product.id), true);
        assert.equal(await balance(customerId), 5);
      });

      test('unknown references are 400 naming the field; a batch names the index', async () => {
        const customerId = await newCustomer();
        const line = { name: 'X', quantity: 1, unitPrice: eur(1), total: eur(1) };
        const unknownCustomer = await assertError(await put('/v1/ingest/orders', order(unique('o'), crypto.randomUUID(), 'paid', 1, [line])), 400, 'validation');
        assert.deepEqual(unknownCustomer.error.details?.issues?.[0]?.path, ['customerId']);
        const unknownProduct = await assertError(await put('/v1/ingest/orders', order(unique('o'), customerId, 'paid', 1, [{ ...line, productId: crypto.randomUUID() }])), 400, 'validation');
        assert.deepEqual(unknownProduct.error.details?.issues?.[0]?.path, ['lines', 0, 'productId']);
        const batch = await assertError(await post('/v1/ingest/orders/batch', {
          items: [order(unique('o'), customerId, 'paid', 1, [line]), order(unique('o'), crypto.randomUUID(), 'paid', 1, [line])],
        }), 400, 'validation');
        assert.deepEqual(batch.error.details?.issues?.[0]?.path, ['items', 1, 'customerId']);
        assert.equal(await balance(customerId), 0, 'the batch was rolled back');
        const ok = await json<{ items: { status: string }[] }>(await post('/v1/ingest/orders/batch', {
          items: [order(unique('o'), customerId, 'paid', 1000, [line]), order(unique('o'), customerId, 'shipped', 2000, [line])],
        }), 200);
        assert.deepEqual(ok.items.map((item) => item.status), ['created', 'created']);
        assert.equal((await customerRow(customerId))?.order_count, 2);
        assert.equal(await balance(customerId), 30);
      });
    });

    describe('points and referrals', () => {
      test('points: awarded and corrected; a retry with the same Idempotency-Key applies once', async () => {
        const customerExternalId = unique('c');
        const customerId = await newCustomer({ externalId: customerExternalId });
        const headers = { ...api.headers.sk, 'idempotency-key': unique('points') };
        const first = await json<{ balance: number; entry: { reason: string } }>(await post('/v1/ingest/points', { customerId, points: 40, reason: 'purchase', note: 'In-store' }, headers), 201);
        assert.equal(first.balance, 40);
        assert.deepEqual(await json(await post('/v1/ingest/points', { customerId, points: 40, reason: 'purchase', note: 'In-store' }, headers), 201), first);
        const adjusted = await json<{ balance: number }>(await post('/v1/ingest/points', { customerExternalId, points: -15, reason: 'adjust' }), 201);
        assert.equal(adjusted.balance, 25);
        assert.equal((await ledger(customerId)).length, 2);
        const unknown = await assertError(await post('/v1/ingest/points', { customerExternalId: unique('none'), points: 1, reason: 'adjust' }), 400, 'validation');
        assert.deepEqual(unknown.error.details?.issues?.[0]?.path, ['customerExternalId']);
      });

      test('referral: credited once per referred customer', async () => {
        const [referrer, referred, other] = [await newCustomer(), await newCustomer(), await newCustomer()];
        const credited = await json<{ balance: number; entry: { reason: string; points: number } }>(await post('/v1/ingest/referrals', { referrerId: referrer, referredId: referred }), 201);
        assert.deepEqual([credited.entry.reason, credited.entry.points, credited.balance], ['referral', 500, 500]);
        const repeat = await json<{ balance: number; entry: { id: string } }>(await post('/v1/ingest/referrals', { referrerId: referrer, referredId: referred }), 200);
        assert.equal(repeat.balance, 500);
        await assertError(await post('/v1/ingest/referrals', { referrerId: other, referredId: referred }), 409, 'conflict');
        await assertError(await post('/v1/ingest/referrals', { referrerId: referrer, referredId: referrer }), 400, 'validation');
        assert.equal(await balance(other), 0);
      });
    });

    describe('bad input → 400/413, never 5xx', () => {
      for (const c of badInputCases) {
        test(`${c.method} ${c.path}: ${c.name}`, async () => {
          const response = await api.request(c.method, c.path, { ...api.headers.sk, 'content-type': 'application/json' }, c.body);
          const body = await assertError(response, c.status);
          if (c.field) assert.ok(body.error.details?.issues?.some((issue) => issue.path.join('.') === c.field), JSON.stringify(body));
        });
      }
    });
  });
}
