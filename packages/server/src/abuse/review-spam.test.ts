import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Feedback, FeedbackPage, type Review } from '@kith/schema';
import { createFeedback } from '../feedback/create.js';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { spamReason } from './review-spam.js';

after(closeAll);

const review = (productId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'review', productId, rating: 5, title: 'Lovely scarf', body: 'Soft and warm.', authorName: 'Mia', language: 'en', ...extra,
});
const HONEYPOT = 'Automatic: likely spam (honeypot field filled)';

test('spamReason: the honeypot, then the fill time; absent signals are not judged', () => {
  const base = { kind: 'review', productId: crypto.randomUUID(), rating: 5, title: 't', body: 'b', authorName: 'a', language: 'en' } as const;
  assert.equal(spamReason(base, 3_000), null);
  assert.equal(spamReason({ ...base, website: '' }, 3_000), null);
  assert.equal(spamReason({ ...base, website: ' ' }, 3_000), HONEYPOT);
  assert.equal(spamReason({ ...base, website: 'http://x.example', fillMs: 60_000 }, 3_000), HONEYPOT);
  assert.match(spamReason({ ...base, fillMs: 2_999 }, 3_000) ?? '', /^Automatic: likely spam \(form sent 2999 ms after it appeared; minimum 3000 ms\)$/);
  assert.equal(spamReason({ ...base, fillMs: 3_000 }, 3_000), null);
  assert.equal(spamReason({ ...base, fillMs: 0 }, 0), null);
});

for (const variant of variants()) {
  describe(`review spam defences on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** Bought by the sample customer (an order that stands) and not by the other customer. */
    let bought: string;

    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string }>(
        `SELECT p.id FROM products p
          WHERE EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
                         WHERE o.customer_id = $1 AND l.product_id = p.id AND o.status NOT IN ('cancelled', 'refunded'))
            AND NOT EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
                             WHERE o.customer_id = $2 AND l.product_id = p.id)
          ORDER BY p.id LIMIT 1`,
        [api.customerId, api.otherCustomerId],
      );
      bought = rows[0]?.id ?? assert.fail('a product the sample customer bought and the other did not');
    });

    const submit = async (headers: Record<string, string>, body: unknown) => {
      const response = await api.request('POST', '/v1/feedback', headers, body);
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return JSON.parse(text) as { id: string; status?: string };
    };
    /** The stored record, as staff read it. */
    const stored = async (id: string) => {
      const response = await api.request('GET', `/v1/feedback/${id}`, api.headers.sk);
      assert.equal(response.status, 200);
      const record = Feedback.parse(await response.json());
      assert.equal(record.kind, 'review');
      return record as Review;
    };

    test('a filled honeypot: stored, rejected with an automatic reason, retrievable and publishable by staff', async () => {
      const receipt = await submit(api.headers.pk, review(bought, { website: 'http://cheap-pills.example', fillMs: 45_000 }));
      const record = await stored(receipt.id);
      assert.equal(record.status, 'rejected');
      assert.equal(record.rejectionReason, HONEYPOT);
      assert.equal(record.body, 'Soft and warm.', 'nothing is lost');

      const inbox = await api.request('GET', `/v1/feedback?kind=review&status=rejected&productId=${bought}&limit=100`, api.headers.sk);
      assert.equal(inbox.status, 200);
      assert.ok(FeedbackPage.parse(await inbox.json()).items.some((item) => item.id === receipt.id), 'in the staff inbox under rejected');
      const pending = await api.request('GET', `/v1/feedback?kind=review&status=pending&productId=${bought}&limit=100`, api.headers.sk);
      assert.ok(!FeedbackPage.parse(await pending.json()).items.some((item) => item.id === receipt.id), 'not awaiting moderation');

      const published = await api.request('POST', `/v1/feedback/${receipt.id}/moderate`, api.headers.staff, { action: 'publish' });
      assert.equal(published.status, 200);
      const after = Feedback.parse(await published.json()) as Review;
      assert.equal(after.status, 'published');
      assert.equal(after.rejectionReason, null);
    });

    test('a form sent faster than the minimum fill time lands rejected; a human pace stays pending', async () => {
      const fast = await stored((await submit(api.headers.customer, review(bought, { fillMs: 800 }))).id);
      assert.equal(fast.status, 'rejected');
      assert.equal(fast.rejectionReason, 'Automatic: likely spam (form sent 800 ms after it appeared; minimum 3000 ms)');
      assert.equal(fast.customerId, api.customerId);

      for (const extra of [{ fillMs: 3_000 }, { fillMs: 120_000, website: '' }, {}]) {
        const record = await stored((await submit(api.headers.pk, review(bought, extra))).id);
        assert.equal(record.status, 'pending', JSON.stringify(extra));
        assert.equal(record.rejectionReason, null);
      }
      await assertError(await api.request('POST', '/v1/feedback', api.headers.pk, review(bought, { fillMs: -5 })), 400, 'validation');
    });

    test('the minimum fill time comes from the rules passed in', async () => {
      const write = (fillMs: number, reviewMinFillMs: number) =>
        api.db.transaction((tx) => createFeedback(tx, { ...review(bought), kind: 'review', fillMs }, null, new Date(), { surveyCapDays: 30, reviewMinFillMs }));
      const loose = await write(500, 0);
      assert.equal(loose.kind === 'review' && loose.status, 'pending');
      const strict = await write(9_000, 10_000);
      assert.equal(strict.kind === 'review' && strict.status, 'rejected');
    });

    test('verified buyer: only with the buyer\'s own customer token, never claimed by a body', async () => {
      const mine = await stored((await submit(api.headers.customer, review(bought))).id);
      assert.equal(mine.verifiedPurchase, true, 'the buyer, with their token');
      const anonymous = await stored((await submit(api.headers.pk, review(bought))).id);
      assert.equal(anonymous.verifiedPurchase, false, 'a publishable key is never verified');
      assert.equal(anonymous.customerId, null);
      const other = await stored((await submit(api.headers.otherCustomer, review(bought))).id);
      assert.equal(other.verifiedPurchase, false, 'another customer\'s token');
      assert.equal(other.customerId, api.otherCustomerId);

      const count = async () => (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback WHERE kind = 'review'`)).rows[0]?.n;
      const before = await count();
      for (const claim of [
        { verifiedPurchase: true },
        { orderId: crypto.randomUUID() },
        { customerId: api.customerId },
        { status: 'published' },
      ]) {
        for (const headers of [api.headers.pk, api.headers.otherCustomer]) {
          await assertError(await api.request('POST', '/v1/feedback', headers, review(bought, claim)), 400, 'validation');
        }
      }
      assert.equal(await count(), before, 'no claim was stored');
    });
  });
}
