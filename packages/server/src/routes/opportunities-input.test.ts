// The board's paging, bad input for every pipeline and opportunity route, and concurrent moves.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Opportunity, OpportunityPage, PipelinePage } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

for (const variant of variants()) {
  describe(`pipeline and opportunity input on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let pipelineId: string;
    let firstStage: string;
    let deal: Opportunity;

    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string; stage_id: string }>(
        'SELECT p.id, s.id AS stage_id FROM pipelines p JOIN stages s ON s.pipeline_id = p.id ORDER BY s.position LIMIT 1',
      );
      pipelineId = rows[0]?.id ?? '';
      firstStage = rows[0]?.stage_id ?? '';
      const response = await api.request('POST', '/v1/opportunities', api.headers.sk, {
        stageId: firstStage, customerId: api.customerId, title: 'Input checks', amount: { amount: 50_000, currency: 'EUR' }, expectedClose: '2026-01-31', ownerId: api.staffId,
      });
      assert.equal(response.status, 201, await response.clone().text());
      deal = Opportunity.parse(await response.json());
    });

    test('the board pages in stage-then-rank order; small pages add up to one large page', async () => {
      const all = OpportunityPage.parse(await (await api.request('GET', `/v1/pipelines/${pipelineId}/opportunities?limit=500`, api.headers.sk)).json());
      const { rows } = await api.db.query<{ id: string }>(
        `SELECT o.id FROM opportunities o JOIN stages s ON s.id = o.stage_id WHERE o.pipeline_id = $1 ORDER BY s.position, o.rank COLLATE "C", o.id`,
        [pipelineId],
      );
      assert.deepEqual(all.items.map((d) => d.id), rows.map((r) => r.id));
      assert.equal(all.next, null);
      const paged: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const response = await api.request('GET', `/v1/pipelines/${pipelineId}/opportunities?limit=4${cursor ? `&cursor=${cursor}` : ''}`, api.headers.sk);
        const page: OpportunityPage = OpportunityPage.parse(await response.json());
        paged.push(...page.items.map((d) => d.id));
        cursor = page.next;
      }
      assert.deepEqual(paged, rows.map((r) => r.id));
      const owner = all.items.find((d) => d.ownerId !== null)?.ownerId ?? UNKNOWN;
      const mine = OpportunityPage.parse(await (await api.request('GET', `/v1/pipelines/${pipelineId}/opportunities?ownerId=${owner}&stageId=${firstStage}`, api.headers.sk)).json());
      assert.ok(mine.items.every((d) => d.ownerId === owner && d.stageId === firstStage));
      // One customer's deals (a customer 360 page's board): exactly the board's deals of that customer, in board order.
      const theirs = OpportunityPage.parse(await (await api.request('GET', `/v1/pipelines/${pipelineId}/opportunities?customerId=${api.customerId}&limit=500`, api.headers.sk)).json());
      assert.deepEqual(theirs.items.map((d) => d.id), all.items.filter((d) => d.customerId === api.customerId).map((d) => d.id));
      assert.ok(theirs.items.some((d) => d.id === deal.id), 'the deal made for this customer is on it');
      const nobody = OpportunityPage.parse(await (await api.request('GET', `/v1/pipelines/${pipelineId}/opportunities?customerId=${UNKNOWN}`, api.headers.sk)).json());
      assert.deepEqual(nobody, { items: [], next: null });
      const pipelines = PipelinePage.parse(await (await api.request('GET', '/v1/pipelines?limit=1', api.headers.sk)).json());
      assert.equal(pipelines.items[0]?.id, pipelineId);
    });

    test('unknown pipelines are 404', async () => {
      await assertError(await api.request('GET', `/v1/pipelines/${UNKNOWN}`, api.headers.staff), 404, 'not_found');
      await assertError(await api.request('GET', `/v1/pipelines/${UNKNOWN}/opportunities`, api.headers.staff), 404, 'not_found');
      await assertError(await api.request('POST', `/v1/opportunities/${UNKNOWN}/move`, { ...api.headers.staff, 'if-match': '"1"' }, { stageId: firstStage }), 404, 'not_found');
    });

    const badGets: [string, string][] = [
      ['pipelines: limit 101', '/v1/pipelines?limit=101'],
      ['pipelines: a cursor never handed out', '/v1/pipelines?cursor=WzEsMl0'],
      ['pipelines: unknown parameter', '/v1/pipelines?sort=name'],
      ['pipeline: a malformed id', '/v1/pipelines/nope'],
      ['board: limit 501', '/v1/pipelines/ID/opportunities?limit=501'],
      ['board: limit 0', '/v1/pipelines/ID/opportunities?limit=0'],
      ['board: stageId not an id', '/v1/pipelines/ID/opportunities?stageId=lead'],
      ['board: ownerId not an id', '/v1/pipelines/ID/opportunities?ownerId=me'],
      ['board: customerId not an id', '/v1/pipelines/ID/opportunities?customerId=1%20OR%201%3D1'],
      ['board: a cursor with a bad rank', `/v1/pipelines/ID/opportunities?cursor=${Buffer.from(JSON.stringify([0, 'a-b', UNKNOWN])).toString('base64url')}`],
      ['board: a malformed id', '/v1/pipelines/nope/opportunities'],
    ];
    for (const [name, path] of badGets) {
      test(`GET bad input: ${name} → 400`, async () => {
        const error = await assertError(await api.request('GET', path.replace('ID', pipelineId), api.headers.staff), 400, 'validation');
        assert.ok((error.error.details?.issues?.length ?? 0) > 0);
      });
    }

    const newDeal = () => ({ stageId: firstStage, customerId: api.customerId, title: 'Deal', amount: { amount: 100, currency: 'EUR' } });
    const badCreates: [string, () => unknown, number, string, (string | number)[]?][] = [
      ['malformed JSON', () => '{"title":', 400, 'bad_request'],
      ['unknown field', () => ({ ...newDeal(), rank: 'a0' }), 400, 'validation'],
      ['missing title', () => ({ ...newDeal(), title: undefined }), 400, 'validation', ['title']],
      ['title too long', () => ({ ...newDeal(), title: 'x'.repeat(201) }), 400, 'validation', ['title']],
      ['amount a float', () => ({ ...newDeal(), amount: { amount: 1.5, currency: 'EUR' } }), 400, 'validation', ['amount', 'amount']],
      ['amount negative', () => ({ ...newDeal(), amount: { amount: -1, currency: 'EUR' } }), 400, 'validation', ['amount', 'amount']],
      ['amount as a string', () => ({ ...newDeal(), amount: '100 EUR' }), 400, 'validation', ['amount']],
      ['another currency than the pipeline\'s', () => ({ ...newDeal(), amount: { amount: 1, currency: 'USD' } }), 400, 'validation', ['amount', 'currency']],
      ['expectedClose not a date', () => ({ ...newDeal(), expectedClose: '31/01/2026' }), 400, 'validation', ['expectedClose']],
      ['stageId not an id', () => ({ ...newDeal(), stageId: 'lead' }), 400, 'validation', ['stageId']],
      ['unknown stage', () => ({ ...newDeal(), stageId: UNKNOWN }), 400, 'validation', ['stageId']],
      ['unknown customer', () => ({ ...newDeal(), customerId: UNKNOWN }), 400, 'validation', ['customerId']],
      ['unknown owner', () => ({ ...newDeal(), ownerId: UNKNOWN }), 400, 'validation', ['ownerId']],
      ['oversize body', () => ({ ...newDeal(), title: 'x'.repeat(20_000) }), 413, 'payload_too_large'],
    ];
    for (const [name, body, status, code, path] of badCreates) {
      test(`POST /v1/opportunities bad input: ${name} → ${status}`, async () => {
        const error = await assertError(await api.request('POST', '/v1/opportunities', api.headers.staff, body()), status, code);
        if (path) assert.deepEqual(error.error.details?.issues?.[0]?.path, path);
      });
    }

    const badMoves: [string, () => unknown, (string | number)[]][] = [
      ['unknown field', () => ({ stageId: firstStage, rank: 'a0' }), []],
      ['missing stageId', () => ({}), ['stageId']],
      ['stageId not an id', () => ({ stageId: 7 }), ['stageId']],
      ['unknown stage', () => ({ stageId: UNKNOWN }), ['stageId']],
      ['afterId unknown', () => ({ stageId: firstStage, afterId: UNKNOWN }), ['afterId']],
      ['beforeId not an id', () => ({ stageId: firstStage, beforeId: 'top' }), ['beforeId']],
      ['after itself', () => ({ stageId: firstStage, afterId: deal.id }), ['afterId']],
    ];
    for (const [name, body, path] of badMoves) {
      test(`POST move bad input: ${name} → 400`, async () => {
        const response = await api.request('POST', `/v1/opportunities/${deal.id}/move`, { ...api.headers.staff, 'if-match': `"${deal.version}"` }, body());
        const error = await assertError(response, 400, 'validation');
        if (path.length > 0) assert.deepEqual(error.error.details?.issues?.[0]?.path, path);
      });
    }

    const badPatches: [string, unknown, number, string][] = [
      ['empty patch', {}, 400, 'validation'],
      ['unknown field', { stageId: UNKNOWN }, 400, 'validation'],
      ['title empty', { title: '  ' }, 400, 'validation'],
      ['expectedClose a time', { expectedClose: '2026-01-31T00:00:00Z' }, 400, 'validation'],
      ['ownerId not an id', { ownerId: 'boss' }, 400, 'validation'],
      ['oversize body', { title: 'x'.repeat(20_000) }, 413, 'payload_too_large'],
    ];
    for (const [name, body, status, code] of badPatches) {
      test(`PATCH bad input: ${name} → ${status}`, async () => {
        await assertError(await api.request('PATCH', `/v1/opportunities/${deal.id}`, { ...api.headers.staff, 'if-match': `"${deal.version}"` }, body), status, code);
      });
    }
    test('PATCH bad input: a malformed id → 400', async () => {
      await assertError(await api.request('PATCH', '/v1/opportunities/nope', { ...api.headers.staff, 'if-match': '"1"' }, { title: 'x' }), 400, 'validation');
    });

    test('nothing above changed the deal', async () => {
      const { rows } = await api.db.query<{ version: number }>('SELECT version FROM opportunities WHERE id = $1', [deal.id]);
      assert.equal(rows[0]?.version, deal.version);
    });

    test('two concurrent moves with the same version: one 200, one 409', { skip: variant.name === 'PGlite' ? 'PGlite is one connection: cannot race (runs on PostgreSQL)' : false }, async () => {
      const { rows: stages } = await api.db.query<{ id: string }>('SELECT id FROM stages WHERE pipeline_id = $1 ORDER BY position LIMIT 3', [pipelineId]);
      const headers = { ...api.headers.staff, 'if-match': `"${deal.version}"` };
      const responses = await Promise.all(stages.slice(1, 3).map((s) => api.request('POST', `/v1/opportunities/${deal.id}/move`, headers, { stageId: s.id })));
      assert.deepEqual(responses.map((r) => r.status).sort(), [200, 409]);
      const { rows } = await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM interactions WHERE type = 'stage_change' AND opportunity_id = $1", [deal.id]);
      assert.equal(rows[0]?.n, 1, 'one stage change on the timeline');
    });
  });
}
