// Every write path announces its change on the right topic, to the right audience, in the
// write's transaction: customers, interactions, the pipeline, feedback, ingestion, loyalty.
// A publishable key never receives customer data; a customer token never staff events.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, test } from 'node:test';
import { testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { mustOpenEvents, type SseReader } from '../test-support/sse.js';
import { must } from '../util/must.js';

after(closeAll);

const SETTINGS = { events: { heartbeatMs: 50, keyCacheTtlMs: 5_000 } };
const eur = (amount: number) => ({ amount, currency: 'EUR' });
let n = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++n}`;

interface Received {
  id: string;
  type: string;
  topic: string;
  data: Record<string, unknown>;
}

/** The next event on the stream (heartbeats skipped). */
async function next(reader: SseReader): Promise<Received> {
  const message = await reader.until((m) => m.event !== undefined);
  const event = JSON.parse(must(message.data, 'data')) as Omit<Received, 'id'> & { id: string };
  assert.equal(message.event, event.type);
  assert.equal(message.id, event.id);
  return event;
}

/** Every event type a stream delivered so far. */
const typesSeen = (reader: SseReader) => reader.seen.flatMap((m) => (m.event ? [m.event] : []));

for (const variant of variants()) {
  describe(`events from write paths on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let adminId: string;
    /** Two sales reps: one in the `staff` token's team, one outside it. */
    let teammateId: string;
    let outsiderId: string;
    let product: { id: string; external_id: string; name: string };
    const open: SseReader[] = [];

    const stream = async (topics: string[], headers: Record<string, string>) => {
      const reader = await mustOpenEvents(api, topics, headers);
      open.push(reader);
      return reader;
    };
    const json = async <T = Record<string, unknown>>(response: Promise<Response>, status: number): Promise<T> => {
      const answer = await response;
      const text = await answer.text();
      assert.equal(answer.status, status, text);
      return JSON.parse(text) as T;
    };
    const sk = () => api.headers.sk;

    before(async () => {
      api = await testApi(await variant.open(), undefined, { settings: SETTINGS });
      const staff = async (sql: string) => must((await api.db.query<{ id: string }>(sql, [api.staffId])).rows[0], sql).id;
      adminId = await staff("SELECT id FROM staff WHERE role = 'admin' AND id <> $1 LIMIT 1");
      teammateId = await staff("SELECT id FROM staff WHERE role = 'sales' AND id <> $1 AND manager_id = (SELECT manager_id FROM staff WHERE id = $1) LIMIT 1");
      outsiderId = await staff("SELECT id FROM staff WHERE role = 'sales' AND id NOT IN (SELECT id FROM kith_staff_scope($1::uuid)) LIMIT 1");
      product = must((await api.db.query<typeof product>('SELECT id, external_id, name FROM products WHERE external_id IS NOT NULL ORDER BY id LIMIT 1')).rows[0], 'a product');
    });
    afterEach(async () => {
      for (const reader of open.splice(0)) await reader.close();
    });

    test('customers: update, assign, shares, merge', async () => {
      const create = (name: string) => json<{ id: string; version: number }>(api.request('POST', '/v1/customers', sk(), { kind: 'person', name, ownerId: api.staffId }), 201);
      const customer = await create(unique('Live Customer'));
      const duplicate = await create(unique('Live Duplicate'));
      const staffStream = await stream([`customer:${customer.id}`], api.headers.staff);
      const both = await stream([`customer:${customer.id}`, `customer:${duplicate.id}`], sk());
      const own = await stream([`customer:${customer.id}`], await api.customerAs(customer.id));

      await json(api.request('PATCH', `/v1/customers/${customer.id}`, { ...sk(), 'if-match': '"1"' }, { tags: ['live'], locale: null }), 200);
      const updated = await next(staffStream);
      assert.equal(updated.type, 'customer.updated');
      assert.equal(updated.topic, `customer:${customer.id}`);
      assert.deepEqual(updated.data, { customerId: customer.id, version: 2, fields: ['tags'] }, 'fields that changed, not their values');

      await json(api.request('POST', `/v1/customers/${customer.id}/assign`, sk(), { ownerId: teammateId }), 200);
      assert.deepEqual((await next(staffStream)).data, { customerId: customer.id, version: 3, ownerId: teammateId });

      await json(api.request('PUT', `/v1/customers/${customer.id}/shares/${adminId}`, sk()), 200);
      assert.deepEqual((await next(staffStream)).data, { customerId: customer.id, version: 3, sharedWith: [adminId] });
      await json(api.request('PUT', `/v1/customers/${customer.id}/shares/${adminId}`, sk()), 200);

      await json(api.request('POST', `/v1/customers/${customer.id}/merge`, sk(), { duplicateId: duplicate.id }), 200);
      const merged = await next(staffStream);
      assert.equal(merged.type, 'customer.merged');
      assert.equal(merged.data.mergedId, duplicate.id);
      const onBoth = [];
      while (onBoth.length < 2) {
        const event = await next(both);
        if (event.type === 'customer.merged') onBoth.push(event.topic);
      }
      assert.deepEqual(onBoth.sort(), [`customer:${customer.id}`, `customer:${duplicate.id}`].sort());
      assert.deepEqual(typesSeen(both).filter((type) => type === 'customer.updated').length, 3, 'sharing again changed nothing');

      // The customer's own token hears none of it: these are staff events.
      await json(api.request('POST', `/v1/customers/${customer.id}/loyalty/adjust`, sk(), { points: 10, note: 'welcome' }), 201);
      assert.equal((await next(own)).type, 'loyalty.changed');
      assert.deepEqual(typesSeen(own), ['loyalty.changed']);
    });

    test('interactions: a note, and the stage change of a move', async () => {
      const staffStream = await stream([`customer:${api.customerId}`], api.headers.staff);
      const own = await stream([`customer:${api.customerId}`], api.headers.customer);
      const note = await json<{ id: string }>(api.request('POST', `/v1/customers/${api.customerId}/interactions`, api.headers.staff, {
        channel: 'phone', type: 'call', direction: 'outbound', phase: 'after_sale', summary: 'Called about the delivery',
      }), 201);
      const event = await next(staffStream);
      assert.equal(event.type, 'interaction.created');
      assert.equal(event.data.interactionId, note.id);
      assert.equal(event.data.type, 'call');
      assert.equal(event.data.staffId, api.staffId);
      assert.ok(!JSON.stringify(event.data).includes('Called about'), 'ids and kinds, not the text');
      await json(api.request('POST', `/v1/customers/${api.customerId}/loyalty/adjust`, sk(), { points: 1, note: 'sorry' }), 201);
      assert.equal((await next(own)).type, 'loyalty.changed', 'the customer does not hear staff notes');
    });

    test('the pipeline: created, moved, updated; each deal only to staff who see it', async () => {
      const { rows: stages } = await api.db.query<{ id: string; pipeline_id: string }>('SELECT id, pipeline_id FROM stages ORDER BY pipeline_id, position');
      const [lead, next_] = stages as [typeof stages[0], typeof stages[0]];
      const topic = `pipeline:${lead.pipeline_id}`;
      const rep = await stream([topic], api.headers.staff);
      const admin = await stream([topic], await api.staffWith(['opportunities:read'], adminId));
      const timeline = await stream([`customer:${api.customerId}`], sk());
      const createDeal = (title: string) => json<{ id: string; version: number; rank: string }>(api.request('POST', '/v1/opportunities', api.headers.staff, {
        stageId: lead.id, customerId: api.customerId, title, amount: eur(1_000_00),
      }), 201);

      const deal = await createDeal(unique('Live deal'));
      for (const reader of [rep, admin]) {
        const created = await next(reader);
        assert.equal(created.type, 'opportunity.created');
        assert.deepEqual(created.data, {
          opportunityId: deal.id, pipelineId: lead.pipeline_id, stageId: lead.id, rank: deal.rank, version: 1, ownerId: api.staffId, customerId: api.customerId,
        });
      }

      const moved = await json<{ version: number; rank: string }>(
        api.request('POST', `/v1/opportunities/${deal.id}/move`, { ...api.headers.staff, 'if-match': '"1"' }, { stageId: next_.id }), 200);
      const move = await next(rep);
      assert.equal(move.type, 'opportunity.moved');
      assert.deepEqual([move.data.stageId, move.data.fromStageId, move.data.rank, move.data.version], [next_.id, lead.id, moved.rank, moved.version]);
      const stageChange = await timeline.until((m) => m.event === 'interaction.created');
      assert.equal((JSON.parse(must(stageChange.data, 'data')) as Received).data.type, 'stage_change');

      // A deal of another team: the admin hears it move, the rep does not.
      const foreign = must((await api.db.query<{ id: string; version: number; stage_id: string }>(
        'SELECT id, version, stage_id FROM opportunities WHERE owner_id = $1 AND pipeline_id = $2 LIMIT 1', [outsiderId, lead.pipeline_id])).rows[0], 'a deal outside the rep\'s team');
      await json(api.request('POST', `/v1/opportunities/${foreign.id}/move`, { ...sk(), 'if-match': `"${foreign.version}"` }, { stageId: foreign.stage_id }), 200);
      assert.deepEqual([(await next(admin)).data.opportunityId, (await next(admin)).data.opportunityId], [deal.id, foreign.id]);

      // Handing the rep's deal to the other team: the rep hears it leave (previousOwnerId), then nothing more of it.
      await json(api.request('PATCH', `/v1/opportunities/${deal.id}`, { ...sk(), 'if-match': `"${moved.version}"` }, { ownerId: outsiderId }), 200);
      const handed = await next(rep);
      assert.deepEqual([handed.type, handed.data.opportunityId, handed.data.ownerId, handed.data.previousOwnerId], ['opportunity.updated', deal.id, outsiderId, api.staffId]);
      await json(api.request('PATCH', `/v1/opportunities/${deal.id}`, { ...sk(), 'if-match': `"${moved.version + 1}"` }, { title: 'Renamed' }), 200);
      const later = await createDeal(unique('Another live deal'));
      const after = await next(rep);
      assert.deepEqual([after.type, after.data.opportunityId], ['opportunity.created', later.id], 'the foreign move and the hidden rename never reached the rep');
    });

    test('feedback: inbox, a product\'s public reviews, a customer\'s complaints', async () => {
      const inbox = await stream(['inbox'], sk());
      const repInbox = await stream(['inbox'], api.headers.staff);
      const pk = await stream([`product:${product.id}`], api.headers.pk);
      const own = await stream([`customer:${api.customerId}`], api.headers.customer);
      const card = await stream([`customer:${api.customerId}`], api.headers.staff);
      const review = { kind: 'review', productId: product.id, rating: 5, title: 'Live review', body: 'Lovely coat.', authorName: 'Olivia', language: 'en' };

      // A bot's review (honeypot filled) is stored rejected: it awaits no moderation, so no review.created.
      await json(api.request('POST', '/v1/feedback', api.headers.pk, { ...review, website: 'http://spam.example' }), 201);
      const written = await json<{ id: string; status: string }>(api.request('POST', '/v1/feedback', api.headers.customer, review), 201);
      assert.equal(written.status, 'pending');
      const created = await next(inbox);
      assert.equal(created.type, 'review.created', 'the first inbox event is the pending review');
      assert.deepEqual(created.data, { feedbackId: written.id, customerId: api.customerId, productId: product.id, rating: 5, verifiedPurchase: created.data.verifiedPurchase });
      // The review is on the customer's timeline: an open card hears it (its last contact changed).
      const onCard = await next(card);
      assert.deepEqual([onCard.type, onCard.data.type, onCard.data.direction, onCard.data.channel], ['interaction.created', 'review', 'inbound', 'web']);

      await json(api.request('POST', '/v1/feedback', api.headers.pk, { kind: 'survey', metric: 'nps', score: 9, comment: 'Private words' }), 201);
      const survey = await next(inbox);
      assert.deepEqual([survey.type, survey.data.metric, survey.data.score, survey.data.customerId], ['survey.answered', 'nps', 9, null]);

      await json(api.request('POST', `/v1/feedback/${written.id}/moderate`, sk(), { action: 'publish' }), 200);
      const moderated = await next(inbox);
      assert.deepEqual([moderated.type, moderated.data.status], ['review.moderated', 'published']);
      const published = await next(pk);
      assert.equal(published.type, 'review.published');
      assert.deepEqual(published.data, { reviewId: written.id, productId: product.id, rating: 5 }, 'no customer data on a public topic');

      await json(api.request('POST', `/v1/feedback/${written.id}/reply`, sk(), { body: 'Thank you!' }), 200);
      assert.equal((await next(inbox)).type, 'review.replied');
      const replied = await next(pk);
      assert.equal(replied.type, 'review.replied');
      assert.deepEqual(Object.keys(replied.data).sort(), ['productId', 'rating', 'repliedAt', 'reviewId']);

      await json(api.request('POST', `/v1/feedback/${written.id}/moderate`, sk(), { action: 'reject', reason: 'Off-topic' }), 200);
      assert.equal((await next(inbox)).type, 'review.moderated');
      const takenDown = await next(pk);
      assert.deepEqual([takenDown.type, takenDown.data], ['review.moderated', { reviewId: written.id, productId: product.id, status: 'rejected' }]);

      const complaint = { kind: 'complaint', category: 'delivery', subject: 'Late parcel', body: 'Secret complaint text', contact: { name: 'Olivia', email: 'olivia.live@example.com', phone: null } };
      const filed = await json<{ id: string; dueAt: string }>(api.request('POST', '/v1/feedback', api.headers.customer, complaint), 201);
      const inInbox = await next(inbox);
      assert.deepEqual([inInbox.type, inInbox.data.feedbackId, inInbox.data.customerId, inInbox.data.category], ['complaint.created', filed.id, api.customerId, 'delivery']);
      // The author heard their review published (and the points it earned), then taken down.
      const heard: unknown[][] = [];
      let mine = await next(own);
      while (mine.type !== 'complaint.created') {
        heard.push([mine.type, mine.type === 'loyalty.changed' ? mine.data.reason : mine.data.status, mine.data.feedbackId ?? null]);
        mine = await next(own);
      }
      assert.deepEqual(
        heard.map((e) => JSON.stringify(e)).sort(),
        [['loyalty.changed', 'review', null], ['review.moderated', 'published', written.id], ['review.moderated', 'rejected', written.id]].map((e) => JSON.stringify(e)).sort(),
        'the published review earned points; the author heard both decisions',
      );
      assert.deepEqual([mine.type, mine.data], ['complaint.created', { feedbackId: filed.id, status: 'open', dueAt: filed.dueAt, answeredAt: null }]);

      await json(api.request('PATCH', `/v1/feedback/${filed.id}/status`, sk(), { status: 'in_progress' }), 200);
      for (const reader of [inbox, own]) assert.deepEqual([(await next(reader)).type], ['complaint.updated']);
      await json(api.request('POST', `/v1/feedback/${filed.id}/reply`, sk(), { body: 'On its way.' }), 200);
      for (const reader of [inbox, own]) {
        const answered = await next(reader);
        assert.deepEqual([answered.type, answered.data.status, typeof answered.data.answeredAt], ['complaint.answered', 'answered', 'string']);
      }

      // A complaint from a customer outside the rep's book reaches the shop's inbox, not the rep's.
      const { rows } = await api.db.query<{ id: string }>(
        `SELECT c.id FROM customers c WHERE c.owner_id NOT IN (SELECT id FROM kith_staff_scope($1::uuid))
            AND NOT EXISTS (SELECT 1 FROM customer_shares s WHERE s.customer_id = c.id AND s.staff_id = $1) ORDER BY c.id LIMIT 1`, [api.staffId]);
      const stranger = must(rows[0], 'a customer outside the rep\'s book').id;
      const hidden = await json<{ id: string }>(api.request('POST', '/v1/feedback', await api.customerAs(stranger), complaint), 201);
      assert.equal((await next(inbox)).data.feedbackId, hidden.id);
      const guest = await json<{ id: string }>(api.request('POST', '/v1/feedback', api.headers.pk, complaint), 201);
      assert.equal((await next(inbox)).data.feedbackId, guest.id);
      const repIds: unknown[] = [];
      while (repIds.at(-1) !== guest.id) repIds.push((await next(repInbox)).data.feedbackId);
      assert.ok(!repIds.includes(hidden.id), 'the rep never heard of the stranger\'s complaint');
      assert.ok(repIds.includes(filed.id), 'but of their own customer\'s');

      // Nothing about a customer ever reached the publishable key.
      const pkText = JSON.stringify(pk.seen);
      for (const value of [api.customerId, stranger, 'customerId', 'Secret complaint', 'Private words', 'olivia.live', 'Olivia']) {
        assert.ok(!pkText.includes(value), `${value} reached a publishable key`);
      }
    });

    test('ingestion and loyalty: product, order, points', async () => {
      const pk = await stream([`product:${product.id}`], api.headers.pk);
      const own = await stream([`customer:${api.customerId}`], api.headers.customer);
      const staffStream = await stream([`customer:${api.customerId}`], api.headers.staff);

      await json(api.request('PUT', '/v1/ingest/products', sk(), { externalId: product.external_id, name: `${product.name} (new season)` }), 200);
      const changed = await next(pk);
      assert.deepEqual([changed.type, changed.data], ['product.updated', { productId: product.id, name: `${product.name} (new season)`, created: false }]);

      // A staff-only note first: the customer's stream skips it.
      await json(api.request('POST', `/v1/customers/${api.customerId}/interactions`, api.headers.staff, {
        channel: 'email', type: 'note', direction: 'internal', phase: 'sale', summary: 'VIP',
      }), 201);
      assert.equal((await next(staffStream)).type, 'interaction.created');

      const before = await json<{ balance: number }>(api.request('GET', `/v1/customers/${api.customerId}/loyalty`, sk()), 200);
      const line = { productId: product.id, name: 'Coat', quantity: 1, unitPrice: eur(120_00), total: eur(120_00) };
      const order = { externalId: unique('order'), customerId: api.customerId, status: 'paid', lines: [line], subtotal: eur(120_00), total: eur(120_00), tax: eur(20_00), placedAt: api.clock.now.toISOString() };
      const stored = await json<{ id: string }>(api.request('PUT', '/v1/ingest/orders', sk(), order), 201);
      const ingested = await next(own);
      assert.equal(ingested.type, 'order.ingested', 'the staff note never reached the customer');
      assert.deepEqual(ingested.data, { orderId: stored.id, externalId: order.externalId, customerId: api.customerId, status: 'paid', total: eur(120_00), created: true });
      const points = await next(own);
      assert.equal(points.type, 'loyalty.changed');
      assert.deepEqual([points.data.reason, points.data.points, points.data.balance], ['purchase', 120, before.balance + 120]);
      assert.equal(typeof points.data.tierId, 'string');

      // The same order again changes nothing and announces nothing; a refund does.
      await json(api.request('PUT', '/v1/ingest/orders', sk(), order), 200);
      await json(api.request('PUT', '/v1/ingest/orders', sk(), { ...order, status: 'refunded' }), 200);
      const refunded = await next(own);
      assert.deepEqual([refunded.type, refunded.data.status, refunded.data.created], ['order.ingested', 'refunded', false]);
      const reversed = await next(own);
      assert.deepEqual([reversed.type, reversed.data.reason, reversed.data.balance], ['loyalty.changed', 'adjust', before.balance]);

      await json(api.request('POST', `/v1/customers/${api.customerId}/loyalty/adjust`, sk(), { points: 7, note: 'goodwill' }), 201);
      const adjusted = await next(own);
      assert.deepEqual([adjusted.type, adjusted.data.reason, adjusted.data.points, adjusted.data.balance], ['loyalty.changed', 'adjust', 7, before.balance + 7]);
      assert.deepEqual(typesSeen(pk), ['product.updated'], 'the product topic carried no order or points');
    });

    test('ingestion: the shop\'s sync of a customer reaches an open card only when something changed', async () => {
      const externalId = unique('synced');
      const created = await json<{ id: string; version: number }>(api.request('PUT', '/v1/ingest/customers', sk(), { externalId, name: 'Synced Shopper' }), 201);
      const card = await stream([`customer:${created.id}`], sk());
      await json(api.request('PUT', '/v1/ingest/customers', sk(), { externalId, name: 'Synced Shopper' }), 200);
      await json(api.request('PUT', '/v1/ingest/customers', sk(), { externalId, name: 'Synced Shopper', tags: ['vip'] }), 200);
      const updated = await next(card);
      assert.deepEqual([updated.type, updated.data], ['customer.updated', { customerId: created.id, version: created.version + 1, fields: ['tags'] }]);
      assert.deepEqual(typesSeen(card), ['customer.updated'], 'the unchanged re-send announced nothing');
    });

    test('a rolled-back write announces nothing', async () => {
      const own = await stream([`customer:${api.customerId}`], api.headers.customer);
      const line = { productId: product.id, name: 'Coat', quantity: 1, unitPrice: eur(10_00), total: eur(10_00) };
      const order = (externalId: string, customerId: string) => ({ externalId, customerId, status: 'paid', lines: [line], subtotal: eur(10_00), total: eur(10_00), placedAt: api.clock.now.toISOString() });
      // The first item is applied, the second fails: the batch rolls back, with its events.
      const failed = await api.request('POST', '/v1/ingest/orders/batch', sk(), {
        items: [order(unique('order'), api.customerId), order(unique('order'), '00000000-0000-4000-8000-000000000000')],
      });
      assert.equal(failed.status, 400, await failed.text());
      const kept = await json<{ id: string }>(api.request('PUT', '/v1/ingest/orders', sk(), order(unique('order'), api.customerId)), 201);
      const first = await next(own);
      assert.deepEqual([first.type, first.data.orderId], ['order.ingested', kept.id], 'the rolled-back order was never announced');
    });
  });
}
