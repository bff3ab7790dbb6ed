// The worked example (packages/sdk/src/analytics/fixtures.ts) inserted into an EMPTY
// database (migrations, no demo): the analytics routes, the SDK's functions and the
// server's value.ts must all give the hand-checked numbers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lifetimeValue, pareto, rfmScores, rfmSegment } from '@kith/sdk/analytics';
import type { AffinityResponse, ChurnPage, ParetoResponse, SegmentsResponse } from '@kith/schema';
import {
  CUSTOMERS, EXPECTED_AT_RISK, EXPECTED_COAT_AFFINITY, EXPECTED_CUSTOMERS, EXPECTED_PARETO, EXPECTED_SEGMENTS, NOW, PRODUCTS,
} from '../../../sdk/src/analytics/fixtures.js';
import { segmentSql } from '../analytics/customer-values.js';
import { customerValues, rfmSegment as valueSegment } from '../analytics/value.js';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { createApiKey } from '../keys/api-keys.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

/** Customers, products, orders and lines of the example, as the shop would have them. */
async function insertExample(db: Database): Promise<void> {
  for (const [name, id] of Object.entries(PRODUCTS)) {
    await db.query('INSERT INTO products (id, external_id, name) VALUES ($1, $2, $3)', [id, `P-${name}`, name]);
  }
  for (const customer of CUSTOMERS) {
    await db.query("INSERT INTO customers (id, kind, name) VALUES ($1, 'person', $2)", [customer.id, customer.name]);
    for (const order of customer.orders) {
      const { rows } = await db.query<{ id: string }>(
        `INSERT INTO orders (external_id, customer_id, status, subtotal, total, currency, placed_at)
         VALUES ($1, $2, $3, $4, $4, 'EUR', $5) RETURNING id`,
        [order.externalId, customer.id, order.status, order.total.amount, order.placedAt],
      );
      const orderId = rows[0]?.id ?? '';
      for (const [i, line] of order.lines.entries()) {
        await db.query(
          `INSERT INTO order_lines (order_id, line_no, product_id, name, quantity, unit_price, total)
           VALUES ($1, $2, $3, $4, 1, 0, 0)`,
          [orderId, i + 1, line.productId, line.productId ?? 'gift wrap'],
        );
      }
    }
  }
}

for (const variant of variants()) {
  describe(`analytics worked example on ${variant.name}`, { skip: variant.skip }, () => {
    let get: <T>(path: string) => Promise<T>;
    let db: Database;
    before(async () => {
      db = await variant.open();
      await migrate(db);
      await insertExample(db);
      const { key } = await createApiKey(db, { kind: 'secret', name: 'example', label: 'example' });
      const app = createApp({ db, clock: () => NOW });
      get = async <T>(path: string) => {
        const response = await app.request(path, { headers: { authorization: `Bearer ${key}` } });
        assert.equal(response.status, 200, await response.clone().text());
        return (await response.json()) as T;
      };
    });

    test('segments: the hand-checked counts and values, as the SDK computes them', async () => {
      const body = await get<SegmentsResponse>('/v1/analytics/segments');
      assert.deepEqual(Object.fromEntries(body.segments.map(({ segment, ...rest }) => [segment, rest])), EXPECTED_SEGMENTS);
      assert.deepEqual({ customers: body.customers, withoutOrders: body.withoutOrders, currency: body.currency, asOf: body.asOf }, {
        customers: 10, withoutOrders: 2, currency: 'EUR', asOf: NOW.toISOString(),
      });
      const scores = rfmScores(CUSTOMERS, NOW);
      for (const { segment, customers, value } of body.segments) {
        const members = CUSTOMERS.filter((c) => {
          const rfm = scores.get(c.id);
          return rfm && rfmSegment(rfm) === segment;
        });
        assert.deepEqual({ customers, value }, { customers: members.length, value: members.reduce((s, c) => s + lifetimeValue(c.orders, NOW), 0) }, segment);
      }
    });

    test('pareto: the hand-checked figures = the SDK pareto()', async () => {
      const body = await get<ParetoResponse>('/v1/analytics/pareto');
      const { asOf: _asOf, currency, ...figures } = body;
      assert.equal(currency, 'EUR');
      assert.deepEqual(figures, EXPECTED_PARETO);
      assert.deepEqual(figures, pareto(CUSTOMERS.map((c) => lifetimeValue(c.orders, NOW))));
    });

    test('churn: the list at medium risk and above, and every level with level=low', async () => {
      const body = await get<ChurnPage>('/v1/analytics/churn');
      const byId = new Map(CUSTOMERS.map((c) => [c.id, c.name]));
      assert.deepEqual(body.items.map((i) => ({ name: byId.get(i.customerId), score: i.churnRisk.score, level: i.churnRisk.level })), EXPECTED_AT_RISK);
      assert.equal(body.next, null);
      const all = await get<ChurnPage>('/v1/analytics/churn?level=low&limit=100');
      const scores = Object.fromEntries(all.items.map((i) => [byId.get(i.customerId), i.churnRisk.score]));
      const expected = Object.fromEntries(Object.entries(EXPECTED_CUSTOMERS).flatMap(([name, e]) => (e.churnScore === null ? [] : [[name, e.churnScore]])));
      assert.deepEqual(scores, expected);
      const fay = all.items.find((i) => byId.get(i.customerId) === 'Fay');
      assert.deepEqual({ since: fay?.daysSinceLastOrder, cadence: fay?.cadenceDays, orders: fay?.orderCount, ltv: fay?.lifetimeValue }, {
        since: 50, cadence: 60, orders: 2, ltv: { amount: 100_000, currency: 'EUR' },
      });
    });

    test('affinity: products bought with the coat (with names)', async () => {
      const body = await get<AffinityResponse>(`/v1/analytics/affinity?productId=${PRODUCTS.coat}`);
      assert.deepEqual({ ...body, items: body.items.map(({ name: _name, ...item }) => item) }, EXPECTED_COAT_AFFINITY);
      assert.deepEqual(body.items.map((i) => i.name), ['scarf', 'boots']);
      const one = await get<AffinityResponse>(`/v1/analytics/affinity?productId=${PRODUCTS.coat}&limit=1`);
      assert.equal(one.items.length, 1);
    });

    test('the segment grid: SQL = value.ts = SDK for every (R, F)', async () => {
      const { rows } = await db.query<{ r: number; f: number; segment: string }>(
        `SELECT r, f, ${segmentSql('r', 'f')} AS segment FROM generate_series(1, 5) r, generate_series(1, 5) f ORDER BY r, f`,
      );
      assert.equal(rows.length, 25);
      for (const { r, f, segment } of rows) {
        assert.equal(segment, valueSegment(r, f), `value.ts ${r}${f}`);
        assert.equal(segment, rfmSegment({ recency: r, frequency: f }), `SDK ${r}${f}`);
      }
    });

    test("the server's stored value figures (value.ts) agree with the example", () => {
      const values = customerValues(
        CUSTOMERS.map((c) => c.id),
        CUSTOMERS.flatMap((c) => c.orders.map((o) => ({ customerId: c.id, status: o.status, total: o.total.amount, placedAt: new Date(o.placedAt) }))),
        NOW,
      );
      for (const customer of CUSTOMERS) {
        const v = values.get(customer.id);
        const expected = EXPECTED_CUSTOMERS[customer.name];
        assert.deepEqual(
          { rfm: v?.rfm ?? null, segment: v?.segment ?? null, lifetimeValue: v?.lifetimeValue, churnScore: v?.churn?.score ?? null },
          expected,
          customer.name,
        );
      }
      const keyAccounts = CUSTOMERS.filter((c) => values.get(c.id)?.keyAccount).map((c) => c.name);
      assert.deepEqual(keyAccounts, ['Ada', 'Fay']);
    });
  });
}
