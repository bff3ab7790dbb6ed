// The board's standalone calls (getPipeline, getBoard, moveOpportunity) against the real server:
// this file's own server, so the demo pipeline's totals are its alone.
import { expect } from '@open-wc/testing';
import type { MoveOpportunity, Opportunity, OpportunityPage, OpportunityQuery, PipelineWithTotals } from '@kith/schema';
import { serverInfo, tokenSource, type KithServerInfo } from '../../../../../test/support/server-commands.js';
import { createCore, type KithCore } from '../../core.js';
import type { WriteResult } from '../../outbox/types.js';
import type { Read, ReadOptions, ReadState } from '../../reads/types.js';
import { refused, sent } from '../fixtures.js';
import { opportunities, moveOpportunity as fromOpportunities } from '../opportunities.js';
import { getBoard as fromPipelines, pipelines } from '../pipelines.js';
import { getBoard, getPipeline, moveOpportunity } from './pipelines.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _board: Equal<typeof getBoard, (core: KithCore, id: string, query?: OpportunityQuery, options?: ReadOptions) => Read<OpportunityPage>> = true;
const _pipeline: Equal<ReturnType<typeof getPipeline>, Read<PipelineWithTotals>> = true;
const _move: Equal<Parameters<typeof moveOpportunity>[2], MoveOpportunity> = true;
const _moved: Equal<ReturnType<typeof moveOpportunity>, Promise<WriteResult<Opportunity>>> = true;
// The deal as the board gave it is accepted as is; the resource modules re-export the same functions.
const _fromBoard: Opportunity extends Parameters<typeof moveOpportunity>[1] ? true : false = true;
const _same = fromPipelines === getBoard && fromOpportunities === moveOpportunity;

describe('standalone board calls against the real server', () => {
  let server: KithServerInfo;
  let core: KithCore;
  let pipeline: PipelineWithTotals;

  const coreOf = () => {
    const name = `kith-test-${crypto.randomUUID()}`;
    return createCore({
      baseUrl: server.url, key: server.publishableKey, cache: { name: `${name}-cache` }, outbox: { name: `${name}-outbox` },
      token: tokenSource({ kind: 'staff', scopes: ['opportunities:read', 'opportunities:write'] }),
    });
  };

  before(async () => {
    server = await serverInfo({ isolated: true });
    core = coreOf();
    const first = (await pipelines(core).list()).items[0];
    if (!first) expect.fail('the demo has a pipeline');
    pipeline = first;
    expect(_same).to.equal(true);
  });

  const stage = (i: number) => pipeline.stages[i]?.id ?? '';
  const create = (title: string) =>
    opportunities(core).create({ stageId: stage(0), customerId: server.sampleCustomerId, title, amount: { amount: 10_000, currency: pipeline.currency } });

  it('getPipeline and getBoard answer as the resource does; a board pages by cursor', async () => {
    expect(await getPipeline(core, pipeline.id)).to.deep.equal(await pipelines(core).get(pipeline.id));
    const whole = await getBoard(core, pipeline.id, { limit: 500 });
    const first = await getBoard(core, pipeline.id, { limit: 3 });
    expect(first.items).to.deep.equal(whole.items.slice(0, 3));
    if (!first.next) expect.fail('the board has more than 3 deals');
    const second = await getBoard(core, pipeline.id, { limit: 3, cursor: first.next });
    expect(second.items).to.deep.equal(whole.items.slice(3, 6));
  });

  it('moveOpportunity: through the outbox with If-Match; an observed board follows; a stale version is a conflict with the current deal', async () => {
    const deal = await create(`Standalone move ${crypto.randomUUID().slice(0, 8)}`);
    const watcher = coreOf();
    const states: ReadState<OpportunityPage>[] = [];
    const stop = getBoard(watcher, pipeline.id, { stageId: stage(1), limit: 500 }).subscribe((state) => states.push(state));
    try {
      const fresh = () => states.filter((state) => state.status === 'fresh');
      for (let i = 0; i < 400 && (fresh().length === 0 || watcher.live.status !== 'open'); i++) await new Promise((r) => setTimeout(r, 25));
      const moved = sent(await moveOpportunity(core, deal, { stageId: stage(1), afterId: null, beforeId: null }));
      expect(moved).to.include({ id: deal.id, stageId: stage(1), version: 2 });
      const arrived = () => fresh().some((state) => state.data?.items.at(-1)?.id === deal.id);
      for (let i = 0; i < 400 && !arrived(); i++) await new Promise((r) => setTimeout(r, 25));
      expect(arrived(), 'the observed board fetched again').to.equal(true);
      const stale = refused(await moveOpportunity(core, deal, { stageId: stage(2) }));
      expect(stale.code).to.equal('conflict');
      expect(stale.current).to.deep.equal(moved);
    } finally {
      stop();
      watcher.close();
    }
  });
});
