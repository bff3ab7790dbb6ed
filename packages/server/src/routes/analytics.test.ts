// The analytics routes over the demo data, against direct SQL on the stored value columns
// (which the seed computed with value.ts) and against @kith/sdk/analytics; visibility, the
// clock, paging and bad input.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { affinity, pareto as sdkPareto, type BasketOrder } from '@kith/sdk/analytics';
import type { AffinityResponse, ChurnItem, ChurnPage, OrderStatus, ParetoResponse, SegmentsResponse } from '@kith/schema';
import { customerValues } from '../analytics/value.js';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

for (const variant of variants()) {
  describe(`analytics routes on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let rep: { id: string; headers: Record<string, string>; customers: Set<string> };
    const get = async <T>(path: string, headers = api.headers.sk): Promise<T> => {
      const response = await api.request('GET', path, headers);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as T;
    };
    /** Every page of the churn list. */
    const churnAll = async (query: string, headers = api.headers.sk, limit = 100) => {
      const items: ChurnItem[] = [];
      let next: string | null = null;
      do {
        const body: ChurnPage = await get(`/v1/analytics/churn?${query}&limit=${limit}${next ? `&cursor=${next}` : ''}`, headers);
        items.push(...body.items);
        next = body.next;
      } while (next);
      return items;
    };
    /** Churn scores as value.ts computes them from the orders, at the API's clock. */
    const expectedChurn = async () => {
      const { rows: customers } = await api.db.query<{ id: string }>('SELECT id FROM customers');
      const { rows: orders } = await api.db.query<{ customer_id: string; status: string; total: number; placed_at: Date }>(
        'SELECT customer_id, status, total, placed_at FROM orders',
      );
      const values = customerValues(
        customers.map((c) => c.id),
        orders.map((o) => ({ customerId: o.customer_id, status: o.status, total: o.total, placedAt: o.placed_at })),
        api.clock.now,
      );
      return [...values].flatMap(([id, v]) => (v.churn ? [{ id, ...v.churn }] : []));
    };
    const byRisk = (a: { score: number; id: string }, b: { score: number; id: string }) => b.score - a.score || (a.id < b.id ? -1 : 1);

    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string }>(
        `SELECT s.id FROM staff s WHERE s.role = 'sales' AND NOT EXISTS (SELECT 1 FROM staff r WHERE r.manager_id = s.id)
           AND EXISTS (SELECT 1 FROM customers c WHERE c.owner_id = s.id) ORDER BY s.id LIMIT 1`,
      );
      const id = rows[0]?.id ?? '';
      const { rows: mine } = await api.db.query<{ id: string }>(
        `SELECT c.id FROM customers c WHERE c.owner_id = $1
           OR EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.staff_id = $1)`,
        [id],
      );
      rep = { id, headers: await api.staffWith(['analytics:read'], id), customers: new Set(mine.map((c) => c.id)) };
    });

    test('segments = the stored segments and values (direct SQL)', async () => {
      const body = await get<SegmentsResponse>('/v1/analytics/segments');
      const { rows } = await api.db.query<{ segment: string | null; customers: number; value: number }>(
        'SELECT segment, count(*)::int AS customers, sum(lifetime_value)::bigint AS value FROM customers GROUP BY segment',
      );
      const stored = new Map(rows.map((r) => [r.segment, r]));
      for (const s of body.segments) {
        assert.deepEqual({ customers: s.customers, value: s.value }, { customers: stored.get(s.segment)?.customers ?? 0, value: stored.get(s.segment)?.value ?? 0 }, s.segment);
      }
      assert.equal(body.withoutOrders, stored.get(null)?.customers ?? 0);
      assert.equal(body.customers, rows.reduce((n, r) => n + r.customers, 0));
      assert.equal(body.currency, 'EUR');
      assert.equal(body.asOf, api.clock.now.toISOString());
    });

    test('pareto = direct SQL over lifetime values, the stored key accounts, and the SDK', async () => {
      const body = await get<ParetoResponse>('/v1/analytics/pareto');
      const { rows } = await api.db.query<{ v: number; key_account: boolean }>('SELECT lifetime_value AS v, key_account FROM customers ORDER BY lifetime_value DESC');
      const top = rows.slice(0, Math.ceil(rows.length / 5));
      assert.equal(body.customers, rows.length);
      assert.equal(body.total, rows.reduce((s, r) => s + r.v, 0));
      assert.equal(body.topValue, top.reduce((s, r) => s + r.v, 0));
      assert.equal(body.cutoff, top.at(-1)?.v);
      assert.equal(body.keyAccounts, rows.filter((r) => r.key_account).length);
      const { asOf: _a, currency: _c, ...figures } = body;
      assert.deepEqual(figures, sdkPareto(rows.map((r) => r.v)));
      assert.ok(body.shareBp > 5_000, 'the top 20 % hold most of the value');
    });

    test('churn = value.ts at the same clock, highest first, over every page', async () => {
      const expected = (await expectedChurn()).filter((c) => c.score >= 3_334).sort(byRisk);
      const items = await churnAll('level=medium', api.headers.sk, 7);
      assert.deepEqual(items.map((i) => ({ id: i.customerId, ...i.churnRisk })), expected.map(({ id, level, score }) => ({ id, level, score })));
      assert.ok(items.length > 7, 'several pages');
      assert.deepEqual((await churnAll('level=high')).map((i) => i.customerId), expected.filter((c) => c.level === 'high').map((c) => c.id));
      assert.equal((await churnAll('level=low')).length, (await expectedChurn()).length);
    });

    test('churn pages keep the instant of the first page, whatever the clock does meanwhile', async () => {
      const whole = await get<ChurnPage>('/v1/analytics/churn?level=low&limit=100');
      const first = await get<ChurnPage>('/v1/analytics/churn?level=low&limit=10');
      const saved = api.clock.now;
      api.clock.now = new Date(saved.getTime() + 365 * 86_400_000);
      try {
        const second = await get<ChurnPage>(`/v1/analytics/churn?level=low&limit=90&cursor=${first.next ?? ''}`);
        assert.deepEqual([...first.items, ...second.items], whole.items);
      } finally {
        api.clock.now = saved;
      }
    });

    test('churn follows the clock: a year later more customers are at high risk', async () => {
      const before = (await churnAll('level=high')).length;
      const saved = api.clock.now;
      api.clock.now = new Date(saved.getTime() + 365 * 86_400_000);
      try {
        const later = await churnAll('level=high');
        assert.ok(later.length > before, `${later.length} > ${before}`);
        const expected = (await expectedChurn()).filter((c) => c.level === 'high').sort(byRisk);
        assert.deepEqual(later.map((i) => i.customerId), expected.map((c) => c.id));
      } finally {
        api.clock.now = saved;
      }
    });

    test('affinity = the SDK over the same orders, and direct SQL for the counts', async () => {
      const { rows: top } = await api.db.query<{ product_id: string }>(
        'SELECT product_id FROM order_lines WHERE product_id IS NOT NULL GROUP BY product_id ORDER BY count(DISTINCT order_id) DESC, product_id LIMIT 1',
      );
      const productId = top[0]?.product_id ?? '';
      const body = await get<AffinityResponse>(`/v1/analytics/affinity?productId=${productId}&limit=50`);
      const { rows } = await api.db.query<{ id: string; status: OrderStatus; placed_at: Date; products: (string | null)[] }>(
        'SELECT o.id, o.status, o.placed_at, array_agg(l.product_id) AS products FROM orders o JOIN order_lines l ON l.order_id = o.id GROUP BY o.id',
      );
      const orders: BasketOrder[] = rows.map((o) => ({ status: o.status, placedAt: o.placed_at.toISOString(), lines: o.products.map((p) => ({ productId: p })) }));
      const expected = affinity(orders, productId, api.clock.now, 50);
      assert.deepEqual({ ...body, items: body.items.map(({ name: _n, ...item }) => item) }, expected);
      assert.ok(body.items.length > 0);
      const { rows: direct } = await api.db.query<{ n: number }>(
        `SELECT count(DISTINCT a.order_id)::int AS n FROM order_lines a JOIN order_lines b ON b.order_id = a.order_id
           JOIN orders o ON o.id = a.order_id
          WHERE a.product_id = $1 AND b.product_id = $2 AND o.status NOT IN ('cancelled', 'returned', 'refunded')`,
        [productId, body.items[0]?.productId ?? null],
      );
      assert.equal(body.items[0]?.together, direct[0]?.n);
    });

    test("a sales rep's analytics cover only their customers", async () => {
      assert.ok(rep.customers.size > 0 && rep.customers.size < 240);
      const segments = await get<SegmentsResponse>('/v1/analytics/segments', rep.headers);
      assert.equal(segments.customers, rep.customers.size);
      const { rows } = await api.db.query<{ id: string; v: number; segment: string | null }>('SELECT id, lifetime_value AS v, segment FROM customers');
      const mine = rows.filter((r) => rep.customers.has(r.id));
      for (const s of segments.segments) {
        const members = mine.filter((r) => r.segment === s.segment);
        assert.deepEqual({ customers: s.customers, value: s.value }, { customers: members.length, value: members.reduce((n, r) => n + r.v, 0) }, s.segment);
      }
      const pareto = await get<ParetoResponse>('/v1/analytics/pareto', rep.headers);
      const { asOf: _a, currency: _c, ...figures } = pareto;
      assert.deepEqual(figures, sdkPareto(mine.map((r) => r.v)));
      const churn = await churnAll('level=low', rep.headers);
      assert.ok(churn.length > 0 && churn.every((i) => rep.customers.has(i.customerId)));
      assert.equal(churn.length, (await expectedChurn()).filter((c) => rep.customers.has(c.id)).length);
      const { rows: product } = await api.db.query<{ id: string; n: number }>(
        `SELECT (SELECT id FROM products ORDER BY id LIMIT 1) AS id,
                (SELECT count(*)::int FROM orders o WHERE o.customer_id = ANY($1::uuid[])
                   AND o.status NOT IN ('cancelled', 'returned', 'refunded')) AS n`,
        [[...rep.customers]],
      );
      const basket = await get<AffinityResponse>(`/v1/analytics/affinity?productId=${product[0]?.id ?? ''}`, rep.headers);
      assert.equal(basket.totalOrders, product[0]?.n);
    });

    test('an unknown product is 404', async () => {
      await assertError(await api.request('GET', '/v1/analytics/affinity?productId=00000000-0000-4000-8000-000000000000', api.headers.sk), 404, 'not_found');
    });

    const bad: [path: string, field: string][] = [
      ['/v1/analytics/segments?extra=1', ''],
      ['/v1/analytics/pareto?limit=5', ''],
      ['/v1/analytics/churn?limit=0', 'limit'],
      ['/v1/analytics/churn?limit=101', 'limit'],
      ['/v1/analytics/churn?limit=ten', 'limit'],
      ['/v1/analytics/churn?limit=1.5', 'limit'],
      ['/v1/analytics/churn?level=extreme', 'level'],
      ['/v1/analytics/churn?cursor=', 'cursor'],
      ['/v1/analytics/churn?cursor=not-a-cursor', 'cursor'],
      [`/v1/analytics/churn?cursor=${Buffer.from('[1,"x"]').toString('base64url')}`, 'cursor'],
      [`/v1/analytics/churn?cursor=${Buffer.from('[-1,5,"00000000-0000-4000-8000-000000000000"]').toString('base64url')}`, 'cursor'],
      [`/v1/analytics/churn?cursor=${'A'.repeat(600)}`, 'cursor'],
      ['/v1/analytics/churn?level=low&level=high', 'level'],
      ['/v1/analytics/churn?sort=name', ''],
      ['/v1/analytics/affinity', 'productId'],
      ['/v1/analytics/affinity?productId=123', 'productId'],
      ['/v1/analytics/affinity?productId=00000000-0000-4000-8000-000000000000&limit=51', 'limit'],
      ['/v1/analytics/affinity?productId=00000000-0000-4000-8000-000000000000&limit=0', 'limit'],
      ['/v1/analytics/affinity?productId=00000000-0000-4000-8000-000000000000&x=1', ''],
    ];
    for (const [path, field] of bad) {
      test(`bad input: ${path.slice(0, 90)} → 400 on "${field}"`, async () => {
        const envelope = await assertError(await api.request('GET', path, api.headers.sk), 400, 'validation');
        const issues = (envelope.error.details?.issues ?? []) as { path: (string | number)[] }[];
        assert.ok(issues.some((i) => (field === '' ? true : i.path[0] === field)), JSON.stringify(issues));
      });
    }
  });
}
