import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Feedback, FeedbackReceipt, type Complaint, type Review } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

const review = (productId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'review', productId, rating: 4, title: 'Good coat', body: 'Warm and well made.', authorName: 'Olivia', language: 'en', ...extra,
});
const survey = { kind: 'survey', metric: 'csat', score: 5, comment: 'Quick delivery.' };
const complaint = {
  kind: 'complaint', category: 'delivery', subject: 'Parcel late', body: 'Still waiting after ten days.',
  contact: { name: 'Olivia Bennett', email: 'olivia.private@example.com', phone: null },
};

for (const variant of variants()) {
  describe(`feedback on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** A product the sample customer bought (an order neither cancelled nor refunded), and one they did not. */
    let bought: string;
    let notBought: string;
    /** Private details of the sample customer: never in an answer to a publishable key. */
    let pii: string[];

    const post = async (headers: Record<string, string>, body: unknown) => {
      const response = await api.request('POST', '/v1/feedback', headers, body);
      const text = await response.text();
      assert.equal(response.status, 201, text);
      return { text, record: JSON.parse(text) as Record<string, unknown> };
    };
    const get = async (path: string, headers = api.headers.staff) => {
      const response = await api.request('GET', path, headers);
      const text = await response.text();
      assert.equal(response.status, 200, text);
      return JSON.parse(text) as unknown;
    };

    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string; mine: boolean }>(
        `SELECT p.id, EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id
                               WHERE o.customer_id = $1 AND l.product_id = p.id AND o.status NOT IN ('cancelled', 'refunded')) AS mine
           FROM products p ORDER BY p.id`,
        [api.customerId],
      );
      bought = rows.find((r) => r.mine)?.id ?? assert.fail('the sample customer bought something');
      notBought = rows.find((r) => !r.mine)?.id ?? assert.fail('a product the sample customer did not buy');
      const { rows: private_ } = await api.db.query<{ value: string }>(
        `SELECT ch->>'value' AS value FROM customers, jsonb_array_elements(channels) ch WHERE id = $1
         UNION SELECT external_id FROM customers WHERE id = $1 AND external_id IS NOT NULL`,
        [api.customerId],
      );
      pii = [api.customerId, ...private_.map((r) => r.value)];
    });

    test('every kind, with a publishable key: a receipt without anything private, customer null', async () => {
      for (const body of [review(bought), survey, complaint]) {
        const { text, record } = await post(api.headers.pk, body);
        assert.ok(FeedbackReceipt.safeParse(record).success, text);
        for (const value of [...pii, 'olivia.private@example.com', 'customerId', 'Quick delivery', 'Still waiting']) {
          assert.ok(!text.includes(value), `${body.kind}: ${value} reached a publishable key`);
        }
        const stored = (await get(`/v1/feedback/${String(record.id)}`)) as Feedback;
        assert.equal(stored.customerId, null);
        if (stored.kind === 'review') assert.equal(stored.verifiedPurchase, false, 'never verified without a customer token');
      }
    });

    test('every kind, with a customer token: the full record, the customer from the token', async () => {
      for (const body of [review(notBought), survey, complaint]) {
        const { text, record } = await post(api.headers.customer, body);
        const parsed = Feedback.safeParse(record);
        assert.ok(parsed.success, text);
        assert.equal(record.customerId, api.customerId);
        assert.deepEqual(await get(`/v1/feedback/${String(record.id)}`, api.headers.customer), record, 'the customer reads it back');
        await assertError(await api.request('GET', `/v1/feedback/${String(record.id)}`, api.headers.otherCustomer), 404, 'not_found');
      }
      // A customerId in the body is an unknown field, never the author.
      await assertError(await api.request('POST', '/v1/feedback', api.headers.customer, { ...survey, customerId: api.otherCustomerId }), 400, 'validation');
    });

    test('reviews start pending; complaints open and due 24 hours later by the clock', async () => {
      const saved = api.clock.now;
      try {
        api.clock.now = new Date('2026-03-28T12:00:00.000Z');
        const { record: r } = await post(api.headers.pk, review(bought));
        assert.equal(r.status, 'pending');
        const { record: c } = await post(api.headers.customer, complaint);
        const stored = c as Complaint;
        assert.equal(stored.status, 'open');
        assert.equal(stored.createdAt, '2026-03-28T12:00:00.000Z');
        assert.equal(stored.dueAt, '2026-03-29T12:00:00.000Z');
        assert.equal(stored.answeredAt, null);
      } finally {
        api.clock.now = saved;
      }
    });

    test('verified purchase: only with a customer token and an order of the product that stands', async () => {
      assert.equal((await post(api.headers.customer, review(bought))).record.verifiedPurchase, true);
      assert.equal((await post(api.headers.customer, review(notBought))).record.verifiedPurchase, false);
      assert.equal((await post(api.headers.pk, review(bought))).record.verifiedPurchase, false);
      // Cancel or refund every order of that product: the next review is no longer verified.
      const { rows } = await api.db.query<{ id: string; status: string }>(
        `SELECT DISTINCT o.id, o.status FROM orders o JOIN order_lines l ON l.order_id = o.id WHERE o.customer_id = $1 AND l.product_id = $2`,
        [api.customerId, bought],
      );
      try {
        for (const status of ['cancelled', 'refunded']) {
          await api.db.query('UPDATE orders SET status = $2 WHERE id = ANY($1::uuid[])', [rows.map((r) => r.id), status]);
          assert.equal((await post(api.headers.customer, review(bought))).record.verifiedPurchase, false, status);
        }
      } finally {
        for (const row of rows) await api.db.query('UPDATE orders SET status = $2 WHERE id = $1', [row.id, row.status]);
      }
    });

    test('user-written text is stored and returned byte for byte', async () => {
      const title = '<script>alert("x")</script> 😀 &amp; 👍🏽';
      const body = 'Line one\n<b>bold?</b> <img src=x onerror=alert(1)> 家人都喜歡 👨‍👩‍👧 \'quotes\' "double"';
      const { record } = await post(api.headers.customer, review(bought, { title, body, authorName: '王芳 <i>' }));
      assert.equal(record.title, title);
      assert.equal(record.body, body);
      assert.equal(record.authorName, '王芳 <i>');
      const { rows } = await api.db.query<{ title: string; body: string }>('SELECT title, body FROM feedback WHERE id = $1', [String(record.id)]);
      assert.deepEqual(rows[0], { title, body });
      const { record: c } = await post(api.headers.pk, { ...complaint, subject: title, body });
      const stored = (await get(`/v1/feedback/${String(c.id)}`)) as Complaint;
      assert.equal(stored.subject, title);
      assert.equal(stored.body, body);
    });

    test('a review\'s optional e-mail: stored, shown to staff and its author, never in public answers', async () => {
      const email = 'reviewer.private@example.com';
      const { text, record } = await post(api.headers.pk, review(bought, { email }));
      assert.ok(!text.includes(email), 'not in the publishable key\'s receipt');
      const stored = (await get(`/v1/feedback/${String(record.id)}`)) as Review;
      assert.equal(stored.email, email, 'staff see it');
      const { rows } = await api.db.query<{ contact_email: string }>('SELECT contact_email FROM feedback WHERE id = $1', [stored.id]);
      assert.equal(rows[0]?.contact_email, email);
      const moderate = await api.request('POST', `/v1/feedback/${stored.id}/moderate`, api.headers.staff, { action: 'publish' });
      assert.equal(moderate.status, 200, await moderate.text());
      const list = await api.request('GET', `/v1/products/${bought}/reviews?limit=100`, api.headers.pk);
      const listed = await list.text();
      assert.ok(listed.includes(stored.id) && !listed.includes(email), 'published, the review is listed without its e-mail');
      const own = await post(api.headers.customer, review(bought, { email }));
      assert.equal((own.record as Review).email, email, 'a customer token\'s review keeps it the same way');
      assert.equal((await post(api.headers.pk, review(bought))).record.email, undefined);
      assert.equal(((await get(`/v1/feedback/${String((await post(api.headers.customer, review(bought))).record.id)}`)) as Review).email, null);
      await assertError(await api.request('POST', '/v1/feedback', api.headers.pk, review(bought, { email: 'not an e-mail' })), 400, 'validation');
    });

    test('a review names its product by Kith\'s id or the shop\'s own id; stored under Kith\'s id', async () => {
      const { rows } = await api.db.query<{ external_id: string | null }>('SELECT external_id FROM products WHERE id = $1', [bought]);
      const saved = rows[0]?.external_id ?? null;
      try {
        await api.db.query(`UPDATE products SET external_id = 'COAT-42/navy' WHERE id = $1`, [bought]);
        const bySku = await post(api.headers.customer, review('COAT-42/navy'));
        assert.equal(bySku.record.productId, bought);
        assert.equal(bySku.record.verifiedPurchase, true, 'the purchase is found through the SKU too');
        assert.equal((await post(api.headers.pk, review('COAT-42/navy'))).record.productId, bought);
        const unknown = await assertError(await api.request('POST', '/v1/feedback', api.headers.pk, review('NO-SUCH-SKU')), 400, 'validation');
        assert.ok(unknown.error.details?.issues?.some((i) => i.path[0] === 'productId'));
        await assertError(await api.request('POST', '/v1/feedback', api.headers.pk, review(crypto.randomUUID())), 400, 'validation');
      } finally {
        await api.db.query('UPDATE products SET external_id = $2 WHERE id = $1', [bought, saved]);
      }
    });

    test('moderation: publish awards points once, reject needs a reason, audited', async () => {
      const { record } = await post(api.headers.customer, review(bought));
      const id = String(record.id);
      const moderate = (body: unknown) => api.request('POST', `/v1/feedback/${id}/moderate`, api.headers.staff, body);
      const points = async () =>
        (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM loyalty_ledger WHERE feedback_id = $1 AND reason = 'review'`, [id])).rows[0]?.n;
      const audits = async () =>
        (await api.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE entity = 'feedback' AND entity_id = $1 ORDER BY at, action`, [id])).rows.map((r) => r.action);

      await assertError(await moderate({ action: 'reject' }), 400, 'validation');
      assert.equal(await points(), 0);
      const published = await moderate({ action: 'publish' });
      assert.equal(published.status, 200);
      assert.equal(((await published.json()) as Review).status, 'published');
      assert.equal(await points(), 1);
      assert.equal((await moderate({ action: 'publish' })).status, 200, 'publishing again is harmless');
      const rejected = (await (await moderate({ action: 'reject', reason: 'Mentions a competitor' })).json()) as Review;
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.rejectionReason, 'Mentions a competitor');
      const again = (await (await moderate({ action: 'publish' })).json()) as Review;
      assert.equal(again.status, 'published');
      assert.equal(again.rejectionReason, null);
      assert.equal(await points(), 1, 'points once per review, even when published twice');
      // The no-op second publish writes nothing, so leaves no audit entry.
      assert.deepEqual(await audits(), ['feedback.publish', 'feedback.publish', 'feedback.reject']);

      // A guest review (no customer) is published without points; a survey is not moderated.
      const guest = String((await post(api.headers.pk, review(bought))).record.id);
      assert.equal((await api.request('POST', `/v1/feedback/${guest}/moderate`, api.headers.sk, { action: 'publish' })).status, 200);
      const answer = String((await post(api.headers.pk, survey)).record.id);
      await assertError(await api.request('POST', `/v1/feedback/${answer}/moderate`, api.headers.staff, { action: 'publish' }), 409, 'conflict');
      await assertError(await api.request('POST', `/v1/feedback/${crypto.randomUUID()}/moderate`, api.headers.staff, { action: 'publish' }), 404, 'not_found');
    });

    test('reply: public on a review, the answer to a complaint; surveys take none', async () => {
      const r = String((await post(api.headers.customer, review(bought))).record.id);
      const replied = await api.request('POST', `/v1/feedback/${r}/reply`, api.headers.staff, { body: 'Thank you, Olivia!' });
      const reviewAfter = (await replied.json()) as Review;
      assert.equal(replied.status, 200);
      assert.deepEqual(reviewAfter.reply, { body: 'Thank you, Olivia!', staffId: api.staffId, repliedAt: api.clock.now.toISOString() });

      const c = String((await post(api.headers.customer, complaint)).record.id);
      const answered = (await (await api.request('POST', `/v1/feedback/${c}/reply`, api.headers.staff, { body: 'A courier is on the way.' })).json()) as Complaint;
      assert.equal(answered.status, 'answered');
      assert.equal(answered.answeredAt, api.clock.now.toISOString());
      const { rows } = await api.db.query<{ body: string; type: string }>(
        `SELECT body, type FROM interactions WHERE feedback_id = $1 AND direction = 'outbound'`, [c]);
      assert.deepEqual(rows, [{ body: 'A courier is on the way.', type: 'ticket' }], 'the answer is on the customer\'s timeline');
      const mine = (await (await api.request('GET', `/v1/feedback/${c}`, api.headers.customer)).json()) as Complaint;
      assert.deepEqual(mine.reply, { body: 'A courier is on the way.', staffId: api.staffId, repliedAt: api.clock.now.toISOString() },
        'the customer who complained reads the answer with the complaint');

      const s = String((await post(api.headers.pk, survey)).record.id);
      await assertError(await api.request('POST', `/v1/feedback/${s}/reply`, api.headers.staff, { body: 'Thanks' }), 409, 'conflict');
      const actions = await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'feedback.reply' AND entity_id = ANY($1::text[])`, [[r, c, s]]);
      assert.equal(actions.rows[0]?.n, 2);
    });

    test('complaint status: forward only, closed is final, answering sets answeredAt', async () => {
      const id = String((await post(api.headers.pk, complaint)).record.id);
      const set = (status: string) => api.request('PATCH', `/v1/feedback/${id}/status`, api.headers.staff, { status });
      assert.equal(((await (await set('in_progress')).json()) as Complaint).answeredAt, null);
      assert.equal((await set('in_progress')).status, 200, 'the same status again is a no-op');
      const resolved = (await (await set('resolved')).json()) as Complaint;
      assert.equal(resolved.status, 'resolved');
      assert.equal(resolved.answeredAt, api.clock.now.toISOString(), 'resolved means answered (by phone, say)');
      await assertError(await set('open'), 409, 'conflict');
      assert.equal(((await (await set('closed')).json()) as Complaint).status, 'closed');
      await assertError(await set('resolved'), 409, 'conflict');
      await assertError(await api.request('POST', `/v1/feedback/${id}/reply`, api.headers.staff, { body: 'Late answer' }), 409, 'conflict');
      const r = String((await post(api.headers.pk, review(bought))).record.id);
      await assertError(await api.request('PATCH', `/v1/feedback/${r}/status`, api.headers.staff, { status: 'closed' }), 409, 'conflict');
    });

    test('two moderators publishing at once: one publication, points once', { skip: variant.name === 'PGlite' ? 'PGlite is one connection: cannot race (runs on PostgreSQL)' : false }, async () => {
      const id = String((await post(api.headers.customer, review(bought))).record.id);
      const responses = await Promise.all(
        Array.from({ length: 4 }, (_, i) => api.request('POST', `/v1/feedback/${id}/moderate`, i % 2 ? api.headers.sk : api.headers.staff, { action: 'publish' })),
      );
      assert.deepEqual(responses.map((r) => r.status), [200, 200, 200, 200]);
      const { rows } = await api.db.query<{ points: number; audits: number }>(
        `SELECT (SELECT count(*)::int FROM loyalty_ledger WHERE feedback_id = $1) AS points,
                (SELECT count(*)::int FROM audit_log WHERE entity_id = $1::text AND action = 'feedback.publish') AS audits`,
        [id],
      );
      assert.deepEqual(rows[0], { points: 1, audits: 1 });
    });
  });
}
