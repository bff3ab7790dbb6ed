import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Interaction, InteractionChannel, InteractionPage, InteractionPhase, InteractionType } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

interface Fixture {
  channel: string;
  type: string;
  phase: string;
  summary: string;
  body: string | null;
  at: Date;
}

const CH = InteractionChannel.options;
const TY = InteractionType.options;
const PH = InteractionPhase.options;
const BASE = Date.parse('2025-06-01T12:00:00.000Z');

/** A known set: every channel, type and phase, searchable words, and ties in time (the id breaks them). */
function fixtures(): Fixture[] {
  return Array.from({ length: 150 }, (_, i) => ({
    channel: CH[i % CH.length] ?? 'web',
    type: TY[(i * 7) % TY.length] ?? 'note',
    phase: PH[Math.floor(i / 5) % PH.length] ?? 'sale',
    summary: i % 10 === 0 ? `Asked about the Needle cord ${i}` : i === 77 ? 'Gave 100% refund' : `Entry ${i}`,
    body: i % 15 === 0 ? `a NEEDLE-point question ${i}` : i === 78 ? 'snake_case body' : null,
    at: new Date(BASE - Math.floor(i / 3) * 60_000),
  }));
}

for (const variant of variants()) {
  describe(`interactions on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let customerId: string;
    let rows: Fixture[];
    let otherRep: Record<string, string>;
    const list = (query: string, headers = api.headers.staff) => api.request('GET', `/v1/customers/${customerId}/interactions${query}`, headers);
    const page = async (query: string) => {
      const response = await list(query);
      assert.equal(response.status, 200, await response.clone().text());
      return InteractionPage.parse(await response.json());
    };

    before(async () => {
      api = await testApi(await variant.open());
      const { rows: created } = await api.db.query<{ id: string }>(
        "INSERT INTO customers (kind, name, owner_id) VALUES ('person', 'Facet Fixture', $1) RETURNING id",
        [api.staffId],
      );
      customerId = created[0]?.id ?? '';
      rows = fixtures();
      await api.db.query(
        `INSERT INTO interactions (customer_id, channel, type, direction, phase, summary, body, occurred_at)
         SELECT $1, c, t, 'inbound', p, s, b, a FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[]) AS x(c, t, p, s, b, a)`,
        [customerId, rows.map((r) => r.channel), rows.map((r) => r.type), rows.map((r) => r.phase), rows.map((r) => r.summary), rows.map((r) => r.body), rows.map((r) => r.at)],
      );
      const { rows: reps } = await api.db.query<{ id: string }>("SELECT id FROM staff WHERE role = 'sales' AND id <> $1 LIMIT 1", [api.staffId]);
      otherRep = await api.staffWith(['customers:read', 'interactions:write'], reps[0]?.id);
    });

    /** What the counts should be, from the fixture in memory. */
    function expected(filter: { channel?: string[]; type?: string[]; phase?: string[] }) {
      const ok = (r: Fixture, facet: 'channel' | 'type' | 'phase') => !filter[facet] || filter[facet].includes(r[facet]);
      const tally = (facet: 'channel' | 'type' | 'phase', values: readonly string[]) =>
        Object.fromEntries(values.map((v) => [v, rows.filter((r) => r[facet] === v && (['channel', 'type', 'phase'] as const).every((f) => f === facet || ok(r, f))).length]));
      return {
        total: rows.filter((r) => ok(r, 'channel') && ok(r, 'type') && ok(r, 'phase')).length,
        counts: { channel: tally('channel', CH), type: tally('type', TY), phase: tally('phase', PH) },
      };
    }

    test('counts over all rows with no filter, equal to a direct SQL count', async () => {
      const body = await page('?limit=5');
      assert.equal(body.items.length, 5);
      assert.deepEqual({ total: body.total, counts: body.counts }, expected({}));
      const { rows: sql } = await api.db.query<{ channel: string; n: number }>(
        'SELECT channel, count(*)::int AS n FROM interactions WHERE customer_id = $1 GROUP BY channel',
        [customerId],
      );
      for (const { channel, n } of sql) assert.equal(body.counts.channel[channel as InteractionChannel], n);
    });

    test('facet counts: each facet counts the rows matching the OTHER filters', async () => {
      const filter = { channel: ['phone', 'email', 'web'], type: ['note', 'call', 'order', 'review'], phase: ['pre_sale', 'after_sale'] };
      const query = `?limit=4&channel=phone&channel=email&channel=web&type=note&type=call&type=order&type=review&phase=pre_sale&phase=after_sale`;
      const body = await page(query);
      assert.deepEqual({ total: body.total, counts: body.counts }, expected(filter));
      assert.ok(body.total > 4, 'the set spans several pages');
      // A single value is a one-element filter too.
      const one = await page('?type=call');
      assert.deepEqual({ total: one.total, counts: one.counts }, expected({ type: ['call'] }));
    });

    test('paging through every page gives exactly the SQL result, newest first, ties by id', async () => {
      const query = '?limit=7&channel=phone&channel=sms&channel=visit&phase=sale&phase=after_sale';
      const seen: string[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const body: InteractionPage = await page(`${query}${cursor ? `&cursor=${cursor}` : ''}`);
        assert.ok(body.items.length <= 7);
        seen.push(...body.items.map((i) => i.id));
        assert.deepEqual({ total: body.total, counts: body.counts }, expected({ channel: ['phone', 'sms', 'visit'], phase: ['sale', 'after_sale'] }));
        cursor = body.next;
        pages++;
      }
      const { rows: sql } = await api.db.query<{ id: string }>(
        `SELECT id FROM interactions WHERE customer_id = $1 AND channel = ANY($2::text[]) AND phase = ANY($3::text[])
         ORDER BY occurred_at DESC, id DESC`,
        [customerId, ['phone', 'sms', 'visit'], ['sale', 'after_sale']],
      );
      assert.deepEqual(seen, sql.map((r) => r.id));
      assert.equal(new Set(seen).size, seen.length);
      assert.ok(pages > 2);
    });

    test('text search: summary or body, case-insensitive, wildcards taken literally', async () => {
      const needle = await page('?q=nEeDlE&limit=100');
      const want = rows.filter((r) => /needle/i.test(r.summary) || /needle/i.test(r.body ?? ''));
      assert.equal(needle.total, want.length);
      assert.equal(needle.items.length, want.length);
      assert.ok(needle.items.every((i) => /needle/i.test(`${i.summary} ${i.body ?? ''}`)));
      assert.equal((await page(`?q=${encodeURIComponent('100%')}`)).total, 1);
      assert.equal((await page(`?q=${encodeURIComponent('%')}`)).total, 1);
      assert.equal((await page('?q=_')).total, 1);
      assert.equal((await page('?q=nothing-like-this')).total, 0);
      // Text and facets together: the counts honour the text filter too.
      const both = await page('?q=needle&phase=pre_sale');
      assert.equal(both.counts.phase.pre_sale, both.total);
    });

    test('before / after bound the time, strictly', async () => {
      const at = new Date(BASE - 10 * 60_000).toISOString();
      const older = await page(`?before=${at}&limit=100`);
      assert.equal(older.total, rows.filter((r) => r.at.toISOString() < at).length);
      const newer = await page(`?after=${at}`);
      assert.equal(newer.total, rows.filter((r) => r.at.toISOString() > at).length);
      assert.equal(older.total + newer.total + rows.filter((r) => r.at.toISOString() === at).length, rows.length);
    });

    test('create: a staff note is 201, by the token\'s staff member, first on the timeline, audited', async () => {
      api.clock.now = new Date(BASE + 3_600_000);
      try {
        const response = await api.request('POST', `/v1/customers/${customerId}/interactions`, api.headers.staff, {
          channel: 'phone', type: 'call', direction: 'outbound', phase: 'after_sale', summary: '  Called about the return  ', body: 'Agreed a pickup.',
        });
        assert.equal(response.status, 201);
        const created = Interaction.parse(await response.json());
        assert.equal(created.staffId, api.staffId);
        assert.equal(created.customerId, customerId);
        assert.equal(created.summary, 'Called about the return');
        assert.equal(created.occurredAt, api.clock.now.toISOString());
        assert.equal((await page('?limit=1')).items[0]?.id, created.id);
        const { rows: audited } = await api.db.query("SELECT 1 FROM audit_log WHERE action = 'interaction.create' AND entity_id = $1", [created.id]);
        assert.equal(audited.length, 1);
      } finally {
        api.clock.now = new Date();
      }
    });

    test('create: the shop\'s server logs without a staff member; refs must be this customer\'s', async () => {
      const response = await api.request('POST', `/v1/customers/${customerId}/interactions`, api.headers.sk, {
        channel: 'email', type: 'notification', direction: 'outbound', phase: 'sale', summary: 'Order shipped', occurredAt: '2025-05-01T08:00:00Z',
      });
      assert.equal(response.status, 201);
      const created = Interaction.parse(await response.json());
      assert.equal(created.staffId, null);
      assert.equal(created.occurredAt, '2025-05-01T08:00:00.000Z');
      const { rows: orders } = await api.db.query<{ id: string }>('SELECT id FROM orders WHERE customer_id <> $1 LIMIT 1', [customerId]);
      const foreign = await api.request('POST', `/v1/customers/${customerId}/interactions`, api.headers.sk, {
        channel: 'phone', type: 'call', direction: 'inbound', phase: 'after_sale', summary: 'About an order', refs: { orderId: orders[0]?.id },
      });
      const error = await assertError(foreign, 400, 'validation');
      assert.deepEqual(error.error.details?.issues?.[0]?.path, ['refs', 'orderId']);
    });

    test('a customer outside the staff member\'s hierarchy, or unknown, is 404', async () => {
      await assertError(await list('', otherRep), 404, 'not_found');
      await assertError(await api.request('POST', `/v1/customers/${customerId}/interactions`, otherRep, {
        channel: 'phone', type: 'call', direction: 'inbound', phase: 'sale', summary: 'Hidden',
      }), 404, 'not_found');
      await assertError(await api.request('GET', '/v1/customers/00000000-0000-4000-8000-000000000000/interactions', api.headers.staff), 404, 'not_found');
    });

    const badQueries: [string, string][] = [
      ['unknown channel', '?channel=pigeon'],
      ['one bad value among several', '?channel=phone&channel=pigeon'],
      ['unknown type', '?type=gossip'],
      ['unknown phase', '?phase=during'],
      ['too many values', `?${Array.from({ length: 21 }, () => 'channel=phone').join('&')}`],
      ['limit 0', '?limit=0'],
      ['limit 101', '?limit=101'],
      ['limit not a number', '?limit=ten'],
      ['a cursor never handed out', '?cursor=bm90LWEtY3Vyc29y'],
      ['a cursor that is not base64 JSON', '?cursor=%%%'],
      ['empty text', '?q=%20%20'],
      ['text too long', `?q=${'x'.repeat(201)}`],
      ['before not a time', '?before=yesterday'],
      ['after not a time', '?after=2025-13-01T00:00:00Z'],
      ['unknown parameter', '?colour=red'],
    ];
    for (const [name, query] of badQueries) {
      test(`GET bad input: ${name} → 400`, async () => {
        const error = await assertError(await list(query), 400, 'validation');
        assert.ok((error.error.details?.issues?.length ?? 0) > 0);
      });
    }
    test('GET bad input: a malformed id → 400', async () => {
      await assertError(await api.request('GET', '/v1/customers/not-a-uuid/interactions', api.headers.staff), 400, 'validation');
    });

    const note = { channel: 'web', type: 'note', direction: 'internal', phase: 'pre_sale', summary: 'A note' };
    const badBodies: [string, unknown, number, string][] = [
      ['malformed JSON', '{"channel": ', 400, 'bad_request'],
      ['not an object', '[1, 2]', 400, 'validation'],
      ['unknown field', { ...note, mood: 'happy' }, 400, 'validation'],
      ['staffId is the token\'s, not the body\'s', { ...note, staffId: '00000000-0000-4000-8000-000000000000' }, 400, 'validation'],
      ['missing summary', { ...note, summary: undefined }, 400, 'validation'],
      ['empty summary', { ...note, summary: '   ' }, 400, 'validation'],
      ['summary too long', { ...note, summary: 'x'.repeat(301) }, 400, 'validation'],
      ['body too long', { ...note, body: 'x'.repeat(10_001) }, 400, 'validation'],
      ['wrong type of channel', { ...note, channel: 3 }, 400, 'validation'],
      ['stage_change is for moves only', { ...note, type: 'stage_change' }, 400, 'validation'],
      ['occurredAt not a time', { ...note, occurredAt: 'now' }, 400, 'validation'],
      ['a ref that is not an id', { ...note, refs: { orderId: 'order-1' } }, 400, 'validation'],
      ['oversize body', { ...note, body: 'x'.repeat(70_000) }, 413, 'payload_too_large'],
    ];
    for (const [name, body, status, code] of badBodies) {
      test(`POST bad input: ${name} → ${status}`, async () => {
        const error = await assertError(await api.request('POST', `/v1/customers/${customerId}/interactions`, api.headers.staff, body), status, code);
        if (code === 'validation') assert.ok((error.error.details?.issues?.length ?? 0) > 0);
      });
    }
    test('POST bad input: not JSON → 400', async () => {
      const response = await api.app.request(`/v1/customers/${customerId}/interactions`, {
        method: 'POST', headers: { ...api.headers.staff, 'content-type': 'text/plain' }, body: 'hello',
      });
      await assertError(response, 400, 'bad_request');
    });
  });
}
