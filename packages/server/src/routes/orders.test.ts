import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OrderPage, type Order } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { must } from '../util/must.js';

after(closeAll);

let n = 0;
const eur = (amount: number) => ({ amount, currency: 'EUR' });

for (const variant of variants()) {
  describe(`customer orders on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });
    const unique = (what: string) => `${what}-${process.pid}-${++n}`;
    const json = async <T>(response: Response, status: number): Promise<T> => {
      const text = await response.text();
      assert.equal(response.status, status, text);
      return JSON.parse(text) as T;
    };
    const page = async (path: string, headers: Record<string, string>) => OrderPage.parse(await json(await api.request('GET', path, headers), 200));
    /** Every order of a list, following the cursors; no order twice. */
    const all = async (customerId: string, headers: Record<string, string>, query = '', limit = 3): Promise<Order[]> => {
      const items: Order[] = [];
      let cursor: string | null = null;
      do {
        const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
        const body = await page(`/v1/customers/${customerId}/orders?limit=${limit}${query}${after}`, headers);
        assert.ok(body.items.length <= limit);
        items.push(...body.items);
        cursor = body.next;
      } while (cursor);
      assert.equal(new Set(items.map((o) => o.id)).size, items.length, 'no order twice across pages');
      return items;
    };
    /** A fresh customer with these orders (status, placedAt), ingested by the shop's server. */
    const shopper = async (orders: [status: string, placedAt: string][]) => {
      const { id } = await json<{ id: string }>(await api.request('PUT', '/v1/ingest/customers', api.headers.sk, { externalId: unique('buyer'), name: 'Order Reader' }), 201);
      for (const [i, [status, placedAt]] of orders.entries()) {
        const line = { name: `Item ${i}`, quantity: 2, unitPrice: eur(1_000), total: eur(2_000) };
        await json(await api.request('PUT', '/v1/ingest/orders', api.headers.sk, {
          externalId: unique('order'), customerId: id, status, lines: [line, { ...line, name: `Gift wrap ${i}`, quantity: 1, total: eur(1_000) }],
          subtotal: eur(3_000), total: eur(3_000), placedAt,
        }), 201);
      }
      return { id, headers: await api.customerAs(id) };
    };

    test('the shopper reads their own orders, newest placed first, with their lines, page by page', async () => {
      const sameTime = '2026-03-01T10:00:00.000Z';
      const { id, headers } = await shopper([
        ['delivered', '2025-11-02T09:00:00.000Z'], ['paid', sameTime], ['shipped', sameTime], ['refunded', '2026-01-15T12:30:00.000Z'],
      ]);
      const orders = await all(id, headers, '', 1);
      assert.equal(orders.length, 4);
      assert.ok(orders.every((order) => order.customerId === id && order.lines.length === 2));
      for (const order of orders) {
        // Lines in the shop's order, priced in the order's currency.
        const item = must(order.lines[0], 'a first line').name.replace('Item ', '');
        assert.deepEqual(order.lines.map((line) => [line.name, line.quantity, line.total.amount, line.total.currency]), [
          [`Item ${item}`, 2, 2_000, 'EUR'], [`Gift wrap ${item}`, 1, 1_000, 'EUR'],
        ]);
      }
      const expected = (await api.db.query<{ id: string }>('SELECT id FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC, id DESC', [id])).rows.map((r) => r.id);
      assert.deepEqual(orders.map((o) => o.id), expected, 'placedAt descending, the id breaking a tie');
      assert.deepEqual(orders.map((o) => o.placedAt), [sameTime, sameTime, '2026-01-15T12:30:00.000Z', '2025-11-02T09:00:00.000Z']);
      // The default page holds them all; `next` is null on the last page.
      const whole = await page(`/v1/customers/${id}/orders`, headers);
      assert.deepEqual(whole.items.map((o) => o.id), expected);
      assert.equal(whole.next, null);
    });

    test('a status filter applies in SQL; the sample customer reads every order of theirs', async () => {
      const { id, headers } = await shopper([['paid', '2026-02-01T08:00:00.000Z'], ['refunded', '2026-02-02T08:00:00.000Z'], ['paid', '2026-02-03T08:00:00.000Z']]);
      const paid = await all(id, headers, '&status=paid');
      assert.deepEqual(paid.map((o) => o.placedAt), ['2026-02-03T08:00:00.000Z', '2026-02-01T08:00:00.000Z']);
      assert.deepEqual(await all(id, headers, '&status=cancelled'), []);

      const own = await all(api.customerId, api.headers.customer, '', 25);
      const { rows } = await api.db.query<{ id: string }>('SELECT id FROM orders WHERE customer_id = $1 ORDER BY placed_at DESC, id DESC', [api.customerId]);
      assert.ok(rows.length > 0, 'the sample customer has orders');
      assert.deepEqual(own.map((o) => o.id), rows.map((r) => r.id));
    });

    test('another customer is refused (403); staff see only customers they may see (404 otherwise)', async () => {
      const { id } = await shopper([['paid', '2026-02-01T08:00:00.000Z']]);
      await assertError(await api.request('GET', `/v1/customers/${id}/orders`, api.headers.customer), 403, 'forbidden');
      await assertError(await api.request('GET', `/v1/customers/${api.customerId}/orders`, api.headers.otherCustomer), 403, 'forbidden');

      const reader = await api.staffWith(['customers:read']);
      const ownedBy = await page(`/v1/customers/${api.customerId}/orders?limit=1`, reader);
      assert.equal(ownedBy.items[0]?.customerId, api.customerId);
      // A sales rep who neither owns the sample customer nor has it shared: the 404 of an unknown id.
      const { rows } = await api.db.query<{ id: string }>(
        `SELECT s.id FROM staff s WHERE s.role = 'sales' AND s.id <> $1
           AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = $2 AND c.owner_id = s.id)
           AND NOT EXISTS (SELECT 1 FROM customer_shares sh WHERE sh.customer_id = $2 AND sh.staff_id = s.id)
         ORDER BY s.id LIMIT 1`,
        [api.staffId, api.customerId],
      );
      const stranger = await api.staffWith(['customers:read'], must(rows[0], 'a sales rep who cannot see the sample customer').id);
      await assertError(await api.request('GET', `/v1/customers/${api.customerId}/orders`, stranger), 404, 'not_found');
      await assertError(await api.request('GET', `/v1/customers/${crypto.randomUUID()}/orders`, api.headers.sk), 404, 'not_found');
      // The scope is `customers:read`: loyalty's scope alone does not reach orders.
      await assertError(await api.request('GET', `/v1/customers/${api.customerId}/orders`, await api.staffWith(['loyalty:read'])), 403, 'forbidden');
    });

    test('bad queries → 400 validation naming the field', async () => {
      const cases: [string, string][] = [
        ['status=lost', 'status'],
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['limit=ten', 'limit'],
        ['cursor=not-a-cursor', 'cursor'],
        [`cursor=${Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'x'])).toString('base64url')}`, 'cursor'],
        ['customerId=someone', ''],
      ];
      for (const [query, field] of cases) {
        const error = await assertError(await api.request('GET', `/v1/customers/${api.customerId}/orders?${query}`, api.headers.customer), 400, 'validation');
        if (field) assert.ok(error.error.details?.issues?.some((issue) => issue.path[0] === field), `${query}: ${JSON.stringify(error)}`);
      }
      await assertError(await api.request('GET', '/v1/customers/not-a-uuid/orders', api.headers.sk), 400, 'validation');
    });
  });
}
