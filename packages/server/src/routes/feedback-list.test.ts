import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FeedbackPage, isOverdue, type Complaint, type Feedback } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

const complaint = (subject: string) => ({
  kind: 'complaint', category: 'service', subject, body: 'Nobody called back.', contact: { name: 'Guest', email: null, phone: '+44 20 7946 0000' },
});

for (const variant of variants()) {
  describe(`feedback list on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });

    /** Every item of a list, following the cursors with small pages. */
    const all = async (query: string, headers = api.headers.staff, limit = 7): Promise<Feedback[]> => {
      const items: Feedback[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/v1/feedback?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await api.request('GET', path, headers);
        const text = await response.text();
        assert.equal(response.status, 200, text);
        const page = FeedbackPage.parse(JSON.parse(text));
        assert.ok(page.items.length <= limit);
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      assert.equal(new Set(items.map((f) => f.id)).size, items.length, 'no item twice across pages');
      return items;
    };
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
    const count = async (where: string, params: unknown[] = []) =>
      (await api.db.query<{ id: string }>(`SELECT id FROM feedback f WHERE ${where}`, params as string[])).rows;

    test('complaints: overdue first (by the clock), then waiting by due time, then settled', async () => {
      const saved = api.clock.now;
      const created: string[] = [];
      try {
        // Move the clock back: these complaints are 25, 30 and 2 hours old when it returns.
        for (const [hours, subject] of [[25, 'late A'], [30, 'late B'], [2, 'fresh']] as const) {
          api.clock.now = new Date(saved.getTime() - hours * 3_600_000);
          const response = await api.request('POST', '/v1/feedback', api.headers.pk, complaint(subject));
          created.push(((await response.json()) as { id: string }).id);
        }
      } finally {
        api.clock.now = saved;
      }
      const list = (await all('kind=complaint', api.headers.sk)) as Complaint[];
      assert.deepEqual(ids(list), ids(await count(`kind = 'complaint'`)), 'every complaint, over all pages');
      const rank = (c: Complaint) => (isOverdue(c, saved) ? 0 : c.status === 'open' || c.status === 'in_progress' ? 1 : 2);
      const ranks = list.map(rank);
      assert.deepEqual(ranks, [...ranks].sort(), 'overdue, then waiting, then settled');
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1] as Complaint, list[i] as Complaint];
        if (rank(a) === rank(b) && rank(a) < 2) assert.ok(a.dueAt <= b.dueAt, 'soonest deadline first');
      }
      const overdue = list.filter((c) => rank(c) === 0).map((c) => c.id);
      assert.ok(overdue.includes(created[0] as string) && overdue.includes(created[1] as string));
      assert.ok(overdue.indexOf(created[1] as string) < overdue.indexOf(created[0] as string), 'the older deadline first');
      assert.ok(!overdue.includes(created[2] as string));

      const onlyOverdue = await all('overdue=true', api.headers.sk);
      assert.deepEqual(ids(onlyOverdue), [...overdue].sort());
      // Later, the fresh one is overdue too.
      api.clock.now = new Date(saved.getTime() + 23 * 3_600_000);
      try {
        const later = await api.staffWith(['feedback:read']);
        assert.ok((await all('overdue=true', later)).some((c) => c.id === created[2]));
      } finally {
        api.clock.now = saved;
      }
    });

    test('filters apply in SQL over all rows; others are newest first', async () => {
      const cases: [string, string, unknown[]][] = [
        ['kind=review&status=pending', `kind = 'review' AND moderation_status = 'pending'`, []],
        ['kind=survey', `kind = 'survey'`, []],
        ['status=resolved', `complaint_status = 'resolved'`, []],
        [`customerId=${api.customerId}`, 'customer_id = $1', [api.customerId]],
      ];
      for (const [query, where, params] of cases) {
        const list = await all(query, api.headers.sk, 25);
        assert.deepEqual(ids(list), ids(await count(where, params)), query);
        if (!query.includes('complaint')) {
          const times = list.map((f) => f.createdAt);
          assert.deepEqual(times, [...times].sort().reverse(), `${query}: newest first`);
        }
      }
      const { rows } = await api.db.query<{ product_id: string }>(`SELECT product_id FROM feedback WHERE kind = 'review' GROUP BY product_id ORDER BY count(*) DESC LIMIT 1`);
      const productId = rows[0]?.product_id ?? assert.fail('a reviewed product');
      assert.deepEqual(ids(await all(`productId=${productId}`, api.headers.sk, 2)), ids(await count('product_id = $1', [productId])));
    });

    test('staff see the feedback of the customers they see, and guests\'', async () => {
      const mine = await all('kind=review', api.headers.staff, 100);
      const visible = await count(
        `kind = 'review' AND (customer_id IS NULL OR customer_id IN (SELECT id FROM customers WHERE owner_id IN (SELECT id FROM kith_staff_scope($1::uuid))
           OR id IN (SELECT customer_id FROM customer_shares WHERE staff_id = $1::uuid)))`,
        [api.staffId],
      );
      assert.deepEqual(ids(mine), ids(visible));
      assert.ok(mine.length < (await count(`kind = 'review'`)).length, 'a sales rep sees less than the whole shop');
      const hidden = (await count(`kind = 'review' AND customer_id IS NOT NULL AND NOT (id = ANY($1::uuid[]))`, [mine.map((f) => f.id)]))[0];
      if (hidden) await assertError(await api.request('GET', `/v1/feedback/${hidden.id}`, api.headers.staff), 404, 'not_found');
    });

    test('bad queries → 400 with the field', async () => {
      const cases: [string, string][] = [
        ['kind=rant', 'kind'],
        ['status=happy', 'status'],
        ['kind=survey&status=open', 'status'],
        ['kind=review&status=open', 'status'],
        ['overdue=yes', 'overdue'],
        ['customerId=42', 'customerId'],
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['cursor=not-a-cursor', 'cursor'],
        ['sort=newest', ''],
      ];
      for (const [query, field] of cases) {
        const error = await assertError(await api.request('GET', `/v1/feedback?${query}`, api.headers.sk), 400, 'validation');
        if (field) assert.ok(error.error.details?.issues?.some((i) => i.path[0] === field), `${query}: ${JSON.stringify(error)}`);
      }
      await assertError(await api.request('GET', '/v1/feedback/not-a-uuid', api.headers.sk), 400, 'validation');
    });
  });
}
