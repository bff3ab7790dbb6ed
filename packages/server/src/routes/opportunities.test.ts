import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Interaction, Opportunity, OpportunityPage } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const variant of variants()) {
  describe(`opportunities on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** A pipeline of this test file only: Lead (open, 25 %), Won, Lost, and another pipeline's stage. */
    let pipelineId: string;
    let lead: string;
    let won: string;
    let lost: string;
    let foreignStage: string;
    let otherRep: Record<string, string>;
    let otherRepId: string;
    const deals: Opportunity[] = [];

    const create = async (title: string, stageId = lead, headers = api.headers.staff, amount = 10_000) => {
      const response = await api.request('POST', '/v1/opportunities', headers, { stageId, customerId: api.customerId, title, amount: { amount, currency: 'EUR' } });
      assert.equal(response.status, 201, await response.clone().text());
      return Opportunity.parse(await response.json());
    };
    const move = (deal: Opportunity, body: unknown, version: number | null = deal.version, headers = api.headers.staff) =>
      api.request('POST', `/v1/opportunities/${deal.id}/move`, version === null ? headers : { ...headers, 'if-match': `"${version}"` }, body);
    const board = async (query = '', headers = api.headers.staff) => {
      const response = await api.request('GET', `/v1/pipelines/${pipelineId}/opportunities${query}`, headers);
      assert.equal(response.status, 200, await response.clone().text());
      return OpportunityPage.parse(await response.json());
    };
    const titlesIn = async (stageId: string) => (await board(`?stageId=${stageId}&limit=500`)).items.map((d) => d.title);

    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string }>("INSERT INTO pipelines (name, currency) VALUES ('Test deals', 'EUR'), ('Other', 'EUR') RETURNING id");
      pipelineId = rows[0]?.id ?? '';
      const stage = async (pipeline: string, name: string, position: number, probability: number, kind: string) =>
        (await api.db.query<{ id: string }>('INSERT INTO stages (pipeline_id, name, position, probability, kind) VALUES ($1, $2, $3, $4, $5) RETURNING id',
          [pipeline, name, position, probability, kind])).rows[0]?.id ?? '';
      lead = await stage(pipelineId, 'Lead', 0, 2_500, 'open');
      won = await stage(pipelineId, 'Won', 1, 10_000, 'won');
      lost = await stage(pipelineId, 'Lost', 2, 0, 'lost');
      foreignStage = await stage(rows[1]?.id ?? '', 'Elsewhere', 0, 5_000, 'open');
      const { rows: reps } = await api.db.query<{ id: string }>("SELECT id FROM staff WHERE role = 'sales' AND id <> $1 LIMIT 1", [api.staffId]);
      otherRepId = reps[0]?.id ?? '';
      otherRep = await api.staffWith(['opportunities:read', 'opportunities:write'], otherRepId);
      for (const title of ['A', 'B', 'C', 'D', 'E']) deals.push(await create(title));
    });

    const deal = (title: string) => {
      const found = deals.find((d) => d.title === title);
      assert.ok(found, title);
      return found;
    };
    /** Moves and remembers the new record. */
    const moved = async (title: string, body: Record<string, unknown>) => {
      const response = await move(deal(title), body);
      assert.equal(response.status, 200, await response.clone().text());
      const record = Opportunity.parse(await response.json());
      assert.equal(response.headers.get('etag'), `"${record.version}"`);
      deals.splice(deals.indexOf(deal(title)), 1, record);
      return record;
    };

    test('create puts each deal at the end of its stage, owned by the staff member, audited', async () => {
      assert.deepEqual(await titlesIn(lead), ['A', 'B', 'C', 'D', 'E']);
      assert.ok(deals.every((d) => d.ownerId === api.staffId && d.version === 1 && d.pipelineId === pipelineId));
      const { rows } = await api.db.query("SELECT 1 FROM audit_log WHERE action = 'opportunity.create' AND entity_id = $1", [deal('A').id]);
      assert.equal(rows.length, 1);
    });

    test('moves within a stage and across stages keep the board in rank order', async () => {
      await moved('E', { stageId: lead, afterId: deal('A').id }); // A E B C D
      await moved('D', { stageId: lead, beforeId: deal('A').id }); // D A E B C
      await moved('B', { stageId: lead, afterId: deal('E').id, beforeId: deal('C').id }); // same place: D A E B C
      await moved('C', { stageId: lead, afterId: deal('D').id }); // D C A E B
      assert.deepEqual(await titlesIn(lead), ['D', 'C', 'A', 'E', 'B']);
      await moved('A', { stageId: won }); // Won: A
      await moved('B', { stageId: won, beforeId: deal('A').id }); // Won: B A
      await moved('C', { stageId: won, afterId: deal('B').id }); // Won: B C A
      assert.deepEqual(await titlesIn(lead), ['D', 'E']);
      assert.deepEqual(await titlesIn(won), ['B', 'C', 'A']);
      // The whole board: by stage position, then rank.
      assert.deepEqual((await board('?limit=500')).items.map((d) => d.title), ['D', 'E', 'B', 'C', 'A']);
    });

    test('many moves to one spot stay ordered with short ranks', async () => {
      const first = deal('D');
      for (let i = 0; i < 60; i++) {
        const target = deal(i % 2 === 0 ? 'E' : 'D');
        const other = deal(i % 2 === 0 ? 'D' : 'E');
        await moved(target.title, { stageId: lead, beforeId: other.id });
      }
      assert.deepEqual(await titlesIn(lead), ['D', 'E']);
      assert.ok(deal('D').rank.length <= 8 && deal('E').rank.length <= 8, `${deal('D').rank} ${deal('E').rank}`);
      assert.equal(deal('D').version, first.version + 30);
    });

    test('a stage change writes a stage_change on the customer\'s timeline; a move within a stage does not', async () => {
      const count = async () => Number((await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM interactions WHERE type = 'stage_change' AND opportunity_id = $1", [deal('E').id])).rows[0]?.n);
      const before = await count();
      await moved('E', { stageId: lead, afterId: deal('D').id });
      assert.equal(await count(), before);
      api.clock.now = new Date(Date.now() + 60_000);
      try {
        await moved('E', { stageId: won });
      } finally {
        api.clock.now = new Date();
      }
      assert.equal(await count(), before + 1);
      const response = await api.request('GET', `/v1/customers/${api.customerId}/interactions?type=stage_change&limit=1`, api.headers.staff);
      const latest = Interaction.parse(((await response.json()) as { items: unknown[] }).items[0]);
      assert.equal(latest.summary, 'E: Lead → Won');
      assert.deepEqual([latest.channel, latest.direction, latest.phase, latest.staffId], ['web', 'internal', 'sale', api.staffId]);
      assert.equal(latest.refs?.opportunityId, deal('E').id);
      api.clock.now = new Date(Date.now() + 120_000);
      try {
        await moved('E', { stageId: lost });
      } finally {
        api.clock.now = new Date();
      }
      const lostLine = Interaction.parse(((await (await api.request('GET', `/v1/customers/${api.customerId}/interactions?type=stage_change&limit=1`, api.headers.staff)).json()) as { items: unknown[] }).items[0]);
      assert.deepEqual([lostLine.summary, lostLine.phase], ['E: Won → Lost', 'pre_sale']);
      const { rows } = await api.db.query("SELECT 1 FROM audit_log WHERE action = 'opportunity.move' AND entity_id = $1", [deal('E').id]);
      assert.ok(rows.length >= 3);
    });

    test('If-Match: missing → 428, stale → 409 with the current record, unreadable → 400', async () => {
      const current = deal('D');
      await assertError(await move(current, { stageId: lead }, null), 428, 'precondition_required');
      const stale = await assertError(await move(current, { stageId: won }, current.version - 1), 409, 'conflict');
      assert.deepEqual(stale.error.details?.current, current);
      const response = await api.request('POST', `/v1/opportunities/${current.id}/move`, { ...api.headers.staff, 'if-match': 'banana' }, { stageId: lead });
      await assertError(response, 400, 'bad_request');
      assert.deepEqual(await titlesIn(won), ['B', 'C', 'A'], 'nothing moved');
      // A stage of another pipeline: a deal stays in its pipeline (and currency).
      const elsewhere = await assertError(await move(current, { stageId: foreignStage }), 400, 'validation');
      assert.deepEqual(elsewhere.error.details?.issues?.[0]?.path, ['stageId']);
    });

    test('PATCH changes the fields sent, bumps the version, and checks If-Match', async () => {
      const current = deal('D');
      const patch = (body: unknown, version: number | null, headers = api.headers.staff) =>
        api.request('PATCH', `/v1/opportunities/${current.id}`, version === null ? headers : { ...headers, 'if-match': `"${version}"` }, body);
      await assertError(await patch({ title: 'x' }, null), 428, 'precondition_required');
      const response = await patch({ title: 'D+', amount: { amount: 123_456, currency: 'EUR' }, expectedClose: '2026-03-31' }, current.version);
      assert.equal(response.status, 200);
      const updated = Opportunity.parse(await response.json());
      assert.deepEqual([updated.title, updated.amount.amount, updated.expectedClose, updated.version, updated.rank, updated.ownerId],
        ['D+', 123_456, '2026-03-31', current.version + 1, current.rank, current.ownerId]);
      const conflict = await assertError(await patch({ title: 'late' }, current.version), 409, 'conflict');
      assert.deepEqual(conflict.error.details?.current, updated);
      await assertError(await patch({ amount: { amount: 1, currency: 'USD' } }, updated.version), 400, 'validation');
      await assertError(await patch({ ownerId: UNKNOWN }, updated.version), 400, 'validation');
      const back = Opportunity.parse(await (await patch({ title: 'D', expectedClose: null }, updated.version)).json());
      assert.equal(back.expectedClose, null);
      deals.splice(deals.indexOf(current), 1, back);
    });

    test('GET one deal: the record the board shows, its version as the ETag; 404 for an unknown id', async () => {
      const current = deal('D');
      const response = await api.request('GET', `/v1/opportunities/${current.id}`, api.headers.staff);
      assert.equal(response.status, 200, await response.clone().text());
      assert.equal(response.headers.get('etag'), `"${current.version}"`);
      assert.deepEqual(Opportunity.parse(await response.json()), current);
      await assertError(await api.request('GET', `/v1/opportunities/${UNKNOWN}`, api.headers.staff), 404, 'not_found');
    });

    test('another sales rep sees none of these deals: 404 on writes, not on the board, not in totals', async () => {
      await assertError(await move(deal('D'), { stageId: lead }, deal('D').version, otherRep), 404, 'not_found');
      await assertError(await api.request('GET', `/v1/opportunities/${deal('D').id}`, otherRep), 404, 'not_found');
      await assertError(await api.request('PATCH', `/v1/opportunities/${deal('D').id}`, { ...otherRep, 'if-match': `"${deal('D').version}"` }, { title: 'x' }), 404, 'not_found');
      assert.deepEqual((await board('', otherRep)).items, []);
      const pipeline = (await (await api.request('GET', `/v1/pipelines/${pipelineId}`, otherRep)).json()) as { totals: { count: number } };
      assert.equal(pipeline.totals.count, 0);
      // A card the mover cannot see is no anchor (the same 400 as a card of another stage).
      const hidden = await api.request('POST', '/v1/opportunities', api.headers.sk, {
        stageId: lead, customerId: api.otherCustomerId, title: 'Hidden', amount: { amount: 1, currency: 'EUR' }, ownerId: otherRepId,
      });
      assert.equal(hidden.status, 201);
      const hiddenId = Opportunity.parse(await hidden.json()).id;
      const anchor = await assertError(await move(deal('D'), { stageId: lead, afterId: hiddenId }), 400, 'validation');
      assert.deepEqual(anchor.error.details?.issues?.[0]?.path, ['afterId']);
      await api.db.query('DELETE FROM opportunities WHERE id = $1', [hiddenId]);
    });

    test('pipelines: stages in order with count, Σ amount and a forecast rounded once per stage', async () => {
      // Three deals of 3,333 in Lead at 25 %: 9,999 × 0.25 = 2,499.75 → 2,500 (not 3 × 833).
      const extra = [await create('F', lead, api.headers.sk, 3_333), await create('G', lead, api.headers.sk, 3_333), await create('H', lead, api.headers.sk, 3_333)];
      assert.ok(extra.every((d) => d.ownerId === null));
      const response = await api.request('GET', `/v1/pipelines/${pipelineId}`, api.headers.sk);
      assert.equal(response.status, 200);
      const pipeline = (await response.json()) as { currency: string; stages: { name: string; totals: { count: number; amount: { amount: number }; forecast: { amount: number } } }[]; totals: { count: number; forecast: { amount: number } } };
      assert.deepEqual(pipeline.stages.map((s) => s.name), ['Lead', 'Won', 'Lost']);
      const { rows } = await api.db.query<{ stage_id: string; n: number; amount: number }>(
        'SELECT stage_id, count(*)::int AS n, sum(amount)::bigint AS amount FROM opportunities WHERE pipeline_id = $1 GROUP BY stage_id', [pipelineId]);
      const sums = new Map(rows.map((r) => [r.stage_id, r]));
      const [leadTotals, wonTotals, lostTotals] = pipeline.stages.map((s) => s.totals);
      assert.equal(leadTotals?.count, sums.get(lead)?.n);
      assert.equal(leadTotals?.amount.amount, sums.get(lead)?.amount);
      assert.equal(leadTotals?.forecast.amount, Math.round(((sums.get(lead)?.amount ?? 0) * 2_500) / 10_000));
      assert.equal(wonTotals?.forecast.amount, wonTotals?.amount.amount);
      assert.equal(lostTotals?.forecast.amount, 0);
      assert.equal(pipeline.totals.count, rows.reduce((n, r) => n + r.n, 0));
      const { rows: only } = await api.db.query<{ id: string }>('DELETE FROM opportunities WHERE pipeline_id = $1 AND stage_id <> $2 RETURNING id', [pipelineId, lead]);
      assert.ok(only.length > 0);
      await api.db.query('DELETE FROM opportunities WHERE pipeline_id = $1 AND title <> ALL($2::text[])', [pipelineId, ['F', 'G', 'H']]);
      const three = (await (await api.request('GET', `/v1/pipelines/${pipelineId}`, api.headers.sk)).json()) as typeof pipeline;
      assert.equal(three.stages[0]?.totals.forecast.amount, 2_500);
      const list = (await (await api.request('GET', '/v1/pipelines', api.headers.sk)).json()) as { items: { id: string }[]; next: string | null };
      assert.ok(list.items.some((p) => p.id === pipelineId));
    });
  });
}
