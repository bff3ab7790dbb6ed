import { expect } from '@open-wc/testing';
import type { MoveOpportunity, Opportunity, PipelineWithTotals } from '@kith/schema';
import { serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { KithClient } from '../client.js';
import type { WriteResult } from '../outbox/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf, refused, sent } from './fixtures.js';
import type { OpportunitiesResource, VersionedOpportunity } from './opportunities.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _move: Equal<Parameters<OpportunitiesResource['move']>, [opportunity: VersionedOpportunity, move: MoveOpportunity]> = true;
const _moved: Equal<ReturnType<OpportunitiesResource['move']>, Promise<WriteResult<Opportunity>>> = true;
// The deal as the board gave it is accepted as is.
const _fromBoard: Opportunity extends VersionedOpportunity ? true : false = true;

describe('opportunities resource against the real server', () => {
  let server: KithServerInfo;
  let rep: KithClient;
  let pipeline: PipelineWithTotals;

  before(async () => {
    // A server of this file's own: the pipelines tests add deals to the same stages at the same time.
    server = await serverInfo({ isolated: true });
    rep = clientOf(server, { kind: 'staff', scopes: ['opportunities:read', 'opportunities:write', 'customers:read'] });
    const first = (await rep.pipelines.list()).items[0];
    if (!first) expect.fail('the demo has a pipeline');
    pipeline = first;
  });

  const create = (title: string) =>
    rep.opportunities.create({
      stageId: pipeline.stages[0]?.id ?? '', customerId: server.sampleCustomerId, title, amount: { amount: 120_000, currency: pipeline.currency },
    });

  it('create puts a deal at the end of its first stage; get reads it back', async () => {
    const title = `SDK deal ${crypto.randomUUID().slice(0, 8)}`;
    const created = await create(title);
    expect(created).to.include({ title, version: 1, ownerId: server.staffId, pipelineId: pipeline.id, stageId: pipeline.stages[0]?.id });
    expect(await rep.opportunities.get(created.id)).to.deep.equal(created);
    const column = await rep.pipelines.opportunities(pipeline.id, { stageId: created.stageId, limit: 500 });
    expect(column.items.at(-1)?.id).to.equal(created.id);
  });

  it('update edits through the outbox with If-Match; a stale version is refused with the current deal', async () => {
    const created = await create(`SDK edit ${crypto.randomUUID().slice(0, 8)}`);
    const updated = sent(await rep.opportunities.update(created, { title: 'SDK edited', amount: { amount: 99_000, currency: pipeline.currency }, expectedClose: '2030-06-30' }));
    expect(updated).to.deep.include({ id: created.id, title: 'SDK edited', version: 2, expectedClose: '2030-06-30', rank: created.rank });
    expect((await rep.opportunities.get(created.id)).version).to.equal(2);
    const stale = refused(await rep.opportunities.update(created, { title: 'Too late' }));
    expect(stale.code).to.equal('conflict');
    expect(stale.current).to.deep.equal(updated);
  });

  it('move changes stage and position; a stage change lands on the customer’s timeline', async () => {
    const [lead, next] = pipeline.stages;
    if (!lead || !next) expect.fail('the demo pipeline has stages');
    const a = await create(`SDK move A ${crypto.randomUUID().slice(0, 8)}`);
    const b = await create(`SDK move B ${crypto.randomUUID().slice(0, 8)}`);
    const movedA = sent(await rep.opportunities.move(a, { stageId: next.id }));
    expect(movedA).to.include({ stageId: next.id, version: 2 });
    const movedB = sent(await rep.opportunities.move(b, { stageId: next.id, beforeId: a.id }));
    expect(movedB.rank < movedA.rank).to.equal(true);
    const timeline = await rep.interactions.list(server.sampleCustomerId, { type: ['stage_change'], limit: 20 });
    const change = timeline.items.find((item) => item.refs?.opportunityId === a.id);
    expect(change?.summary).to.contain(`${lead.name} → ${next.name}`);
  });

  it('refusals: another currency (validation on `amount.currency`); an unknown id (not_found); a read-only token (forbidden)', async () => {
    const other = pipeline.currency === 'EUR' ? 'USD' : 'EUR';
    const error = await kithError(
      rep.opportunities.create({ stageId: pipeline.stages[0]?.id ?? '', customerId: server.sampleCustomerId, title: 'x', amount: { amount: 1, currency: other } }),
    );
    expect(error.code).to.equal('validation');
    expect(error.issues.map((issue) => issue.path.join('.'))).to.include('amount.currency');
    expect((await kithError(rep.opportunities.get(UNKNOWN_ID))).code).to.equal('not_found');
    const reader = clientOf(server, { kind: 'staff', scopes: ['opportunities:read'] });
    const deal = await create(`SDK readonly ${crypto.randomUUID().slice(0, 8)}`);
    expect(refused(await reader.opportunities.move(deal, { stageId: deal.stageId })).code).to.equal('forbidden');
  });
});
