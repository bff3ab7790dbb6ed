import { expect } from '@open-wc/testing';
import type { ChurnPage, ChurnQuery } from '@kith/schema';
import { serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { KithClient } from '../client.js';
import type { Read } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import type { AnalyticsResource } from './analytics.js';
import { clientOf } from './fixtures.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _churn: Equal<Parameters<AnalyticsResource['churn']>[0], ChurnQuery | undefined> = true;
const _churnRead: Equal<ReturnType<AnalyticsResource['churn']>, Read<ChurnPage>> = true;

describe('analytics resource against the real server', () => {
  let server: KithServerInfo;
  let analyst: KithClient;
  before(async () => {
    server = await serverInfo();
    analyst = clientOf(server, { kind: 'staff', scopes: ['analytics:read', 'feedback:read'] });
  });

  it('segments and pareto count the same customers (the rep’s own)', async () => {
    const [segments, pareto] = await Promise.all([analyst.analytics.segments(), analyst.analytics.pareto()]);
    expect(segments.customers).to.be.greaterThan(0);
    expect(pareto.customers).to.equal(segments.customers);
    const inSegments = segments.segments.reduce((n, segment) => n + segment.customers, 0);
    expect(inSegments + segments.withoutOrders).to.equal(segments.customers);
    expect(pareto.total).to.equal(segments.segments.reduce((n, segment) => n + segment.value, 0));
    expect(pareto.topValue).to.be.at.most(pareto.total);
  });

  it('churn: highest risk first, from the level asked for, a cursor page at a time', async () => {
    const low = await analyst.analytics.churn({ level: 'low', limit: 3 });
    const scores = low.items.map((item) => item.churnRisk.score);
    expect(scores).to.deep.equal([...scores].sort((a, b) => b - a));
    if (low.next) {
      const more = await analyst.analytics.churn({ level: 'low', limit: 3, cursor: low.next });
      expect(more.items.every((item) => item.churnRisk.score <= (scores.at(-1) ?? 0))).to.equal(true);
    }
    const high = await analyst.analytics.churn({ level: 'high', limit: 100 });
    expect(high.items.every((item) => item.churnRisk.level === 'high')).to.equal(true);
  });

  it('affinity: products bought together with one, most often first', async () => {
    const reviewed = await analyst.feedback.list({ kind: 'review', limit: 20 });
    const productId = reviewed.items.flatMap((item) => (item.kind === 'review' ? [item.productId] : []))[0] ?? '';
    const affinity = await analyst.analytics.affinity({ productId, limit: 5 });
    expect(affinity.productId).to.equal(productId);
    expect(affinity.items.length).to.be.at.most(5);
    const together = affinity.items.map((item) => item.together);
    expect(together).to.deep.equal([...together].sort((a, b) => b - a));
    expect(affinity.items.every((item) => item.productId !== productId)).to.equal(true);
  });

  it('refusals: an unknown product (not_found); a missing productId (validation); no analytics:read (forbidden)', async () => {
    expect((await kithError(analyst.analytics.affinity({ productId: UNKNOWN_ID }))).code).to.equal('not_found');
    const error = await kithError(analyst.analytics.affinity({} as { productId: string }));
    expect(error.code).to.equal('validation');
    expect(error.issues.map((issue) => issue.path.join('.'))).to.include('productId');
    expect((await kithError(clientOf(server, { kind: 'staff', scopes: ['customers:read'] }).analytics.segments())).code).to.equal('forbidden');
  });
});
