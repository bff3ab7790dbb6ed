import { expect } from '@open-wc/testing';
import type { OpportunityPage, OpportunityQuery, PipelineWithTotals } from '@kith/schema';
import { serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { KithClient } from '../client.js';
import type { Read, ReadState } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf, sent } from './fixtures.js';
import type { PipelinesResource } from './pipelines.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _board: Equal<Parameters<PipelinesResource['opportunities']>[1], OpportunityQuery | undefined> = true;
const _get: Equal<ReturnType<PipelinesResource['get']>, Read<PipelineWithTotals>> = true;

describe('pipelines resource against the real server', () => {
  let server: KithServerInfo;
  let rep: KithClient;
  let pipeline: PipelineWithTotals;

  before(async () => {
    server = await serverInfo();
    rep = clientOf(server, { kind: 'staff', scopes: ['opportunities:read', 'opportunities:write'] });
    const list = await rep.pipelines.list();
    const first = list.items[0];
    if (!first) expect.fail('the demo has a pipeline');
    pipeline = first;
  });

  it('list and get: stages left to right with totals; the pipeline total is the sum of its stages', async () => {
    const one = await rep.pipelines.get(pipeline.id);
    expect(one.id).to.equal(pipeline.id);
    const positions = one.stages.map((stage) => stage.position);
    expect(positions).to.deep.equal([...positions].sort((a, b) => a - b));
    expect(one.totals.count).to.equal(one.stages.reduce((n, stage) => n + stage.totals.count, 0));
    expect(one.totals.forecast.amount).to.equal(one.stages.reduce((n, stage) => n + stage.totals.forecast.amount, 0));
  });

  it('opportunities: the board, by stage then rank, only the rep’s own deals, as many as the totals count', async () => {
    const [board, totals] = await Promise.all([rep.pipelines.opportunities(pipeline.id, { limit: 500 }), rep.pipelines.get(pipeline.id)]);
    expect(board.items.length).to.equal(totals.totals.count);
    expect(board.items.every((deal) => deal.pipelineId === pipeline.id && deal.ownerId === server.staffId)).to.equal(true);
    const position = new Map(totals.stages.map((stage) => [stage.id, stage.position]));
    const order = board.items.map((deal) => [position.get(deal.stageId) ?? -1, deal.rank] as const);
    expect(order).to.deep.equal([...order].sort(([a, r], [b, s]) => a - b || (r < s ? -1 : r > s ? 1 : 0)));
    const firstStage = totals.stages[0]?.id ?? '';
    const column = await rep.pipelines.opportunities(pipeline.id, { stageId: firstStage, limit: 500 });
    expect(column.items.every((deal) => deal.stageId === firstStage)).to.equal(true);
  });

  it('an observed board fetches again when a deal moves (live `pipeline:<id>`)', async () => {
    const states: ReadState<OpportunityPage>[] = [];
    const [lead, next] = pipeline.stages;
    if (!lead || !next) expect.fail('the demo pipeline has stages');
    const deal = await rep.opportunities.create({
      stageId: lead.id, customerId: server.sampleCustomerId, title: `SDK board ${crypto.randomUUID().slice(0, 8)}`,
      amount: { amount: 50_000, currency: pipeline.currency },
    });
    const watcher = clientOf(server, { kind: 'staff', scopes: ['opportunities:read'] });
    const stop = watcher.pipelines.opportunities(pipeline.id, { stageId: next.id, limit: 500 }).subscribe((state) => states.push(state));
    try {
      const fresh = () => states.filter((state) => state.status === 'fresh');
      for (let i = 0; i < 400 && (fresh().length === 0 || watcher.live.status !== 'open'); i++) await new Promise((r) => setTimeout(r, 25));
      expect(fresh()[0]?.data?.items.map((d) => d.id)).to.not.include(deal.id);
      sent(await rep.opportunities.move(deal, { stageId: next.id }));
      const arrived = () => fresh().some((state) => state.data?.items.some((d) => d.id === deal.id));
      for (let i = 0; i < 400 && !arrived(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(arrived()).to.equal(true);
      expect(fresh().at(-1)?.source).to.equal('live');
    } finally {
      stop();
      watcher.close();
    }
  });

  it('refusals: an unknown pipeline (not_found); a publishable key (forbidden); a limit over 500 (validation on `limit`)', async () => {
    expect((await kithError(rep.pipelines.get(UNKNOWN_ID))).code).to.equal('not_found');
    expect((await kithError(rep.pipelines.opportunities(UNKNOWN_ID))).code).to.equal('not_found');
    expect((await kithError(clientOf(server).pipelines.list())).code).to.equal('forbidden');
    const error = await kithError(rep.pipelines.opportunities(pipeline.id, { limit: 501 }));
    expect(error.code).to.equal('validation');
    expect(error.issues.map((issue) => issue.path.join('.'))).to.include('limit');
  });
});
