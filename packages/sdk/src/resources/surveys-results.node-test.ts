// `surveys.results` with the shop's secret key and a staff token, against one real server in
// process (in-memory PGlite): the figures of the answers sent after it started.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SurveyResults } from '@kith/schema';
import { startServer, type RunningServer } from '../../../server/src/start.js';
import { createClient, type KithClient } from '../client.js';
import { isKithError, type KithError } from '../errors.js';
import type { Read } from '../reads/types.js';
import type { SurveysResource } from './surveys.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _results: Equal<ReturnType<SurveysResource['results']>, Read<SurveyResults>> = true;

async function failure(promise: Promise<unknown>): Promise<KithError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isKithError(error), `expected a KithError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to fail');
}

describe('surveys.results against the real server', () => {
  let server: RunningServer;
  let kith: KithClient;
  const client = (key: string, token?: () => string) => createClient({ baseUrl: server.url, key, token, cache: false, outbox: { indexedDB: null }, retry: false });
  // After the demo was seeded (its answers are all older): the period holds this file's answers only.
  let from: string;

  before(async () => {
    server = await startServer({ port: 0, dataDir: 'memory', log: () => undefined, settings: { jobs: { intervalMs: 0 } } });
    assert.ok(server.demo?.secretKey);
    kith = client(server.demo.secretKey);
    // Inclusive: an answer in this very millisecond counts; the seeding finished before it.
    from = new Date().toISOString();
    // Anonymous answers, as the widget sends them from the shop's page.
    for (const score of [10, 9, 9, 8, 7, 6, 5, 3, 0, 10]) {
      const response: Response = await fetch(`${server.url}/v1/feedback`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.demo.publishableKey}`, origin: new URL(server.url).origin, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'survey', metric: 'nps', score, comment: score === 0 ? 'Never again.' : null }),
      });
      assert.equal(response.status, 201, await response.text());
    }
  });
  after(async () => {
    kith.close();
    await server.close();
  });

  const period = () => ({ from, to: new Date(Date.now() + 60_000).toISOString() });

  test('the worked example: 4 promoters, 2 passives, 4 detractors → NPS 0, one comment', async () => {
    const results = await kith.surveys.results({ metric: 'nps', ...period() });
    assert.equal(results.metric, 'nps');
    if (results.metric !== 'nps') return;
    assert.deepEqual(
      { count: results.count, comments: results.comments, promoters: results.promoters, passives: results.passives, detractors: results.detractors, nps: results.nps },
      { count: 10, comments: 1, promoters: 4, passives: 2, detractors: 4, nps: 0 },
    );
    assert.deepEqual(results.distribution.map((d) => d.count), [1, 0, 0, 1, 0, 1, 1, 1, 1, 2, 2]);
    const csat = await kith.surveys.results({ metric: 'csat', ...period() });
    assert.ok(csat.metric === 'csat' && csat.count === 0 && csat.average === null && csat.distribution.length === 5);
  });

  test('a staff token needs `feedback:read`; a bad period is a validation error on `to`', async () => {
    const demo = server.demo;
    assert.ok(demo);
    const mint = async (scopes: ['feedback:read'] | ['analytics:read']) =>
      (await kith.tokens.mint({ kind: 'staff', subject: demo.staffId, scopes, publishableKey: demo.publishableKey })).token;
    const reader = await mint(['feedback:read']);
    assert.equal((await client(demo.publishableKey, () => reader).surveys.results({ metric: 'nps', ...period() })).metric, 'nps');
    const analyst = await mint(['analytics:read']);
    assert.equal((await failure(client(demo.publishableKey, () => analyst).surveys.results({ metric: 'nps', ...period() }))).code, 'forbidden');
    const backwards = await failure(kith.surveys.results({ metric: 'ces', from: '2026-02-01T00:00:00Z', to: '2026-01-01T00:00:00Z' }));
    assert.equal(backwards.code, 'validation');
    assert.deepEqual(backwards.issues.map((issue) => issue.path.join('.')), ['to']);
  });
});
