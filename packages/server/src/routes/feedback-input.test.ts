// Bad input, table-driven, for every feedback write: always 400 (or 413) with the field,
// never a 5xx, and nothing stored.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

type Case = [name: string, body: unknown, field: string | null, status?: number];

for (const variant of variants()) {
  describe(`feedback input on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let product: string;
    let reviewId: string;
    let complaintId: string;
    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string }>('SELECT id FROM products ORDER BY id LIMIT 1');
      product = rows[0]?.id ?? assert.fail('a product');
      const post = async (body: unknown) => ((await (await api.request('POST', '/v1/feedback', api.headers.pk, body)).json()) as { id: string }).id;
      reviewId = await post({ kind: 'review', productId: product, rating: 5, title: 'T', body: 'B', authorName: 'A', language: 'en' });
      complaintId = await post({ kind: 'complaint', category: 'other', subject: 'S', body: 'B', contact: { name: 'N', email: 'n@example.com', phone: null } });
    });

    const rows = async () => Number((await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback')).rows[0]?.n);
    const check = async (method: string, path: string, cases: Case[], headers: Record<string, string>) => {
      const before = await rows();
      for (const [name, body, field, status = 400] of cases) {
        const response = await api.request(method, path, headers, body);
        const error = await assertError(response, status);
        if (field !== null) {
          const paths = error.error.details?.issues?.map((i) => i.path.join('.')) ?? [];
          assert.ok(paths.some((p) => p === field || p.startsWith(`${field}.`) || field.startsWith(p) && p !== ''), `${name}: wanted ${field}, got ${JSON.stringify(error)}`);
        }
      }
      assert.equal(await rows(), before, 'nothing stored');
    };

    test('POST /v1/feedback', async () => {
      const review = { kind: 'review', productId: product, rating: 4, title: 'Nice', body: 'Fits well.', authorName: 'Ann', language: 'en' };
      const survey = { kind: 'survey', metric: 'nps', score: 9, comment: null };
      const complaint = { kind: 'complaint', category: 'billing', subject: 'Charged twice', body: 'Two charges.', contact: { name: 'Ann', email: 'ann@example.com', phone: null } };
      await check('POST', '/v1/feedback', [
        ['malformed JSON', '{"kind": "review",', null],
        ['not an object', '[1, 2]', null],
        ['no kind', { ...review, kind: undefined }, 'kind'],
        ['unknown kind', { ...review, kind: 'rant' }, 'kind'],
        ['rating 0', { ...review, rating: 0 }, 'rating'],
        ['rating 6', { ...review, rating: 6 }, 'rating'],
        ['half a star', { ...review, rating: 4.5 }, 'rating'],
        ['rating as text', { ...review, rating: '5' }, 'rating'],
        ['empty title', { ...review, title: '   ' }, 'title'],
        ['over-long title', { ...review, title: 'x'.repeat(151) }, 'title'],
        ['over-long body', { ...review, body: 'x'.repeat(5001) }, 'body'],
        ['over-long author', { ...review, authorName: 'x'.repeat(81) }, 'authorName'],
        ['bad language', { ...review, language: 'English' }, 'language'],
        ['bad product id', { ...review, productId: 'p-1' }, 'productId'],
        ['unknown product', { ...review, productId: crypto.randomUUID() }, 'productId'],
        ['verifiedPurchase from the shopper', { ...review, verifiedPurchase: true }, null],
        ['status from the shopper', { ...review, status: 'published' }, null],
        ['customerId in the body', { ...review, customerId: api.customerId }, null],
        ['NPS 11', { ...survey, score: 11 }, 'score'],
        ['NPS -1', { ...survey, score: -1 }, 'score'],
        ['CSAT 6', { ...survey, metric: 'csat', score: 6 }, 'score'],
        ['CES 8', { ...survey, metric: 'ces', score: 8 }, 'score'],
        ['CES 0', { ...survey, metric: 'ces', score: 0 }, 'score'],
        ['unknown metric', { ...survey, metric: 'ltr' }, 'metric'],
        ['over-long comment', { ...survey, comment: 'x'.repeat(2001) }, 'comment'],
        ['survey with a rating', { ...survey, rating: 5 }, null],
        ['no contact', { ...complaint, contact: undefined }, 'contact'],
        ['contact without e-mail or phone', { ...complaint, contact: { name: 'Ann', email: null, phone: null } }, 'contact.email'],
        ['bad e-mail', { ...complaint, contact: { name: 'Ann', email: 'ann@', phone: null } }, 'contact.email'],
        ['bad phone', { ...complaint, contact: { name: 'Ann', email: null, phone: 'call me' } }, 'contact.phone'],
        ['unknown contact field', { ...complaint, contact: { ...complaint.contact, wechat: 'ann' } }, null],
        ['unknown category', { ...complaint, category: 'shipping' }, 'category'],
        ['status from the shopper', { ...complaint, status: 'closed' }, null],
        ['dueAt from the shopper', { ...complaint, dueAt: new Date().toISOString() }, null],
        ['over-long complaint body', { ...complaint, body: 'x'.repeat(5001) }, 'body'],
        ['oversize body', { ...complaint, body: 'x'.repeat(70_000) }, null, 413],
      ], api.headers.pk);
      await assertError(
        await api.app.request('/v1/feedback', { method: 'POST', headers: { ...api.headers.pk, 'content-type': 'text/plain' }, body: JSON.stringify(survey) }),
        400, 'bad_request',
      );
    });

    test('POST /v1/feedback/:id/moderate', async () => {
      await check('POST', `/v1/feedback/${reviewId}/moderate`, [
        ['reject without a reason', { action: 'reject' }, 'reason'],
        ['publish with a reason', { action: 'publish', reason: 'Nice' }, 'reason'],
        ['empty reason', { action: 'reject', reason: ' ' }, 'reason'],
        ['over-long reason', { action: 'reject', reason: 'x'.repeat(301) }, 'reason'],
        ['unknown action', { action: 'delete' }, 'action'],
        ['unknown field', { action: 'publish', notify: true }, null],
        ['malformed JSON', '{', null],
      ], api.headers.staff);
      await assertError(await api.request('POST', '/v1/feedback/42/moderate', api.headers.staff, { action: 'publish' }), 400, 'validation');
    });

    test('POST /v1/feedback/:id/reply', async () => {
      await check('POST', `/v1/feedback/${reviewId}/reply`, [
        ['no body', {}, 'body'],
        ['empty body', { body: '\n' }, 'body'],
        ['over-long body', { body: 'x'.repeat(5001) }, 'body'],
        ['wrong type', { body: 42 }, 'body'],
        ['unknown field', { body: 'Hi', staffId: api.staffId }, null],
        ['oversize body', { body: 'x'.repeat(70_000) }, null, 413],
      ], api.headers.staff);
    });

    test('PATCH /v1/feedback/:id/status', async () => {
      await check('PATCH', `/v1/feedback/${complaintId}/status`, [
        ['unknown status', { status: 'done' }, 'status'],
        ['a review status', { status: 'published' }, 'status'],
        ['no status', {}, 'status'],
        ['unknown field', { status: 'closed', answeredAt: null }, null],
      ], api.headers.staff);
      await assertError(await api.request('PATCH', `/v1/feedback/${crypto.randomUUID()}/status`, api.headers.staff, { status: 'closed' }), 404, 'not_found');
    });
  });
}
