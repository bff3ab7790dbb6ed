import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { FeedbackPage, type Feedback } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { must } from '../util/must.js';

after(closeAll);

let n = 0;

for (const variant of variants()) {
  describe(`a shopper's own feedback (GET /v1/feedback, customer token) on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** A fresh shopper of this suite alone, and their token. */
    let shopper: { id: string; headers: Record<string, string> };
    let productId: string;
    /** What the shopper wrote, then a rejection and an answer by the shop. */
    let written: Record<'review' | 'pending' | 'survey' | 'complaint', Feedback>;
    before(async () => {
      api = await testApi(await variant.open());
      const created = await api.request('PUT', '/v1/ingest/customers', api.headers.sk, { externalId: `own-feedback-${process.pid}-${++n}`, name: 'Own Feedback' });
      assert.equal(created.status, 201, await created.clone().text());
      const { id } = (await created.json()) as { id: string };
      shopper = { id, headers: await api.customerAs(id) };
      const { rows } = await api.db.query<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT 1');
      productId = must(rows[0], 'a product').id;
      const review = await post({ kind: 'review', productId, rating: 2, title: 'Not for me', body: 'Too small.', authorName: 'Own', language: 'en' });
      const pending = await post({ kind: 'review', productId, rating: 5, title: 'Lovely', body: 'Fits well.', authorName: 'Own', language: 'en' });
      const survey = await post({ kind: 'survey', metric: 'nps', score: 3, comment: 'Slow' });
      const complaint = await post({ kind: 'complaint', category: 'delivery', subject: 'Late', body: 'Ten days.', contact: { name: 'Own', email: 'own@example.com', phone: null } });
      await json(await api.request('POST', `/v1/feedback/${review.id}/moderate`, api.headers.sk, { action: 'reject', reason: 'Mentions a competitor' }), 200);
      await json(await api.request('POST', `/v1/feedback/${complaint.id}/reply`, api.headers.sk, { body: 'Sorry, a new parcel is on its way.' }), 200);
      written = { review, pending, survey, complaint };
    });

    const json = async <T>(response: Response, status: number): Promise<T> => {
      const text = await response.text();
      assert.equal(response.status, status, text);
      return JSON.parse(text) as T;
    };
    const post = async (body: unknown) => json<Feedback>(await api.request('POST', '/v1/feedback', shopper.headers, body), 201);
    /** Every item of a list, following the cursors with small pages; no item twice. */
    const all = async (query: string, headers: Record<string, string>, limit = 2): Promise<Feedback[]> => {
      const items: Feedback[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/v1/feedback?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const page = FeedbackPage.parse(await json(await api.request('GET', path, headers), 200));
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      assert.equal(new Set(items.map((f) => f.id)).size, items.length, 'no item twice across pages');
      return items;
    };
    const ids = (rows: readonly { id: string }[]) => rows.map((r) => r.id).sort();
    /** The customer's feedback in the database; `where` is this test's fixed SQL, values in `$2`. */
    const stored = async (customerId: string, where = 'TRUE', value?: string) =>
      (await api.db.query<{ id: string }>(`SELECT id FROM feedback WHERE customer_id = $1 AND ${where}`, value === undefined ? [customerId] : [customerId, value])).rows;

    test('every kind and status of their own: a rejected review with its reason, a complaint with its answer', async () => {
      const { review, pending, survey, complaint } = written;
      const mine = await all('', shopper.headers);
      assert.deepEqual(ids(mine), ids([review, pending, survey, complaint]));
      const rejected = mine.find((f) => f.id === review.id);
      assert.ok(rejected?.kind === 'review' && rejected.status === 'rejected');
      assert.equal(rejected.rejectionReason, 'Mentions a competitor');
      const waiting = mine.find((f) => f.id === pending.id);
      assert.ok(waiting?.kind === 'review' && waiting.status === 'pending');
      const answered = mine.find((f) => f.id === complaint.id);
      assert.ok(answered?.kind === 'complaint');
      assert.equal(answered.reply?.body, 'Sorry, a new parcel is on its way.');
      const times = mine.map((f) => f.createdAt);
      assert.deepEqual(times, [...times].sort().reverse(), 'newest first');
    });

    test('never another customer\'s: the server applies the filter, whatever the query', async () => {
      const sample = await all('', api.headers.customer, 25);
      assert.ok(sample.length > 0, 'the sample customer has feedback');
      assert.deepEqual(ids(sample), ids(await stored(api.customerId)));
      assert.ok(sample.every((f) => f.customerId === api.customerId));
      // Naming themself is the same list; naming anyone else is refused, never an empty page.
      assert.deepEqual(ids(await all(`customerId=${api.customerId}`, api.headers.customer, 25)), ids(sample));
      await assertError(await api.request('GET', `/v1/feedback?customerId=${api.otherCustomerId}`, api.headers.customer), 403, 'forbidden');
      await assertError(await api.request('GET', `/v1/feedback?customerId=${api.customerId}`, api.headers.otherCustomer), 403, 'forbidden');
      const other = await all('', api.headers.otherCustomer, 25);
      assert.deepEqual(ids(other), ids(await stored(api.otherCustomerId)));
      assert.ok(!other.some((f) => sample.some((s) => s.id === f.id)));
    });

    test('the filters still apply, within their own', async () => {
      const cases: [string, string, string?][] = [
        ['kind=review', `kind = 'review'`],
        ['kind=review&status=rejected', `kind = 'review' AND moderation_status = 'rejected'`],
        ['kind=complaint', `kind = 'complaint'`],
        ['kind=survey', `kind = 'survey'`],
        [`productId=${productId}`, 'product_id = $2', productId],
      ];
      for (const [query, where, value] of cases) {
        const expected = ids(await stored(shopper.id, where, value));
        assert.ok(expected.length > 0, `${query}: the shopper has some`);
        assert.deepEqual(ids(await all(query, shopper.headers)), expected, query);
      }
      // Staff and the shop's server are unchanged: the whole shop (or what staff see), not one customer.
      assert.ok((await all('kind=survey', api.headers.sk, 100)).some((f) => f.customerId !== shopper.id));
      await assertError(await api.request('GET', '/v1/feedback?status=happy', shopper.headers), 400, 'validation');
    });
  });
}
