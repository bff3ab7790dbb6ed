// `GET /v1/surveys/results` on the demo database: hand-checked figures over periods in 1999,
// before anything the demo seeds, so only this file's answers fall into them.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SurveyResults, type NpsResults, type SurveyMetric } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

const JAN = { from: '1999-01-01T00:00:00Z', to: '1999-02-01T00:00:00Z' };
const FEB = { from: '1999-02-01T00:00:00Z', to: '1999-03-01T00:00:00Z' };
const MAR = { from: '1999-03-01T00:00:00Z', to: '1999-04-01T00:00:00Z' };
const APR = { from: '1999-04-01T00:00:00Z', to: '1999-05-01T00:00:00Z' };
const EMPTY = { from: '1998-01-01T00:00:00Z', to: '1998-02-01T00:00:00Z' };

/** The count of every score from `min` to `max`, as the route answers it. */
const distribution = (min: number, max: number, scores: number[]) =>
  Array.from({ length: max - min + 1 }, (_, i) => ({ score: min + i, count: scores.filter((s) => s === min + i).length }));

for (const variant of variants()) {
  describe(`survey results on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });

    /** Anonymous answers sent through the widget's route, each at its own instant. */
    const answer = async (metric: SurveyMetric, at: string, scores: number[], comments = 0) => {
      const saved = api.clock.now;
      try {
        api.clock.now = new Date(at);
        for (const [i, score] of scores.entries()) {
          const comment = i < comments ? `Comment ${i + 1}` : null;
          const response = await api.request('POST', '/v1/feedback', api.headers.pk, { kind: 'survey', metric, score, comment });
          assert.equal(response.status, 201, await response.clone().text());
        }
      } finally {
        api.clock.now = saved;
      }
    };
    const results = async (metric: SurveyMetric, period: { from: string; to: string }, headers = api.headers.sk) => {
      const query = new URLSearchParams({ metric, ...period });
      const response = await api.request('GET', `/v1/surveys/results?${query}`, headers);
      const text = await response.text();
      assert.equal(response.status, 200, text);
      assert.equal(response.headers.get('cache-control'), 'private, no-cache');
      return SurveyResults.parse(JSON.parse(text));
    };

    test('NPS worked example: 10,9,9,8,7,6,5,3,0,10 → 4 promoters, 2 passives, 4 detractors, NPS 0', async () => {
      const scores = [10, 9, 9, 8, 7, 6, 5, 3, 0, 10];
      await answer('nps', '1999-01-15T12:00:00Z', scores, 3);
      const body = await results('nps', JAN);
      assert.deepEqual(body, {
        metric: 'nps', ...JAN, count: 10, comments: 3, distribution: distribution(0, 10, scores),
        promoters: 4, passives: 2, detractors: 4, nps: 0,
      } satisfies NpsResults);
    });

    test('NPS rounds once, halves up: 3 of 8 promoters, 2 detractors is 12.5 → 13; the mirror −12.5 → −12', async () => {
      // At the instant FEB starts: in FEB (from is inclusive), not in JAN (to is exclusive).
      await answer('nps', FEB.from, [10, 10, 10, 8, 8, 8, 0, 0]);
      const feb = await results('nps', FEB);
      assert.equal(feb.metric, 'nps');
      if (feb.metric !== 'nps') return;
      assert.deepEqual({ count: feb.count, promoters: feb.promoters, passives: feb.passives, detractors: feb.detractors, nps: feb.nps, comments: feb.comments },
        { count: 8, promoters: 3, passives: 3, detractors: 2, nps: 13, comments: 0 });
      assert.equal((await results('nps', JAN)).count, 10, 'the answer at JAN.to is not in JAN');

      await answer('nps', '1999-03-10T08:00:00Z', [10, 10, 8, 8, 8, 0, 0, 0]);
      const mar = await results('nps', MAR);
      assert.ok(mar.metric === 'nps' && mar.nps === -12, JSON.stringify(mar));
    });

    test('CSAT and CES: the average to 2 decimals, halves up (9 / 8 = 1.125 → 1.13; 26 / 6 = 4.333… → 4.33)', async () => {
      const csat = [1, 1, 1, 1, 1, 1, 1, 2];
      await answer('csat', '1999-04-02T10:00:00Z', csat, 2);
      assert.deepEqual(await results('csat', APR), {
        metric: 'csat', ...APR, count: 8, comments: 2, distribution: distribution(1, 5, csat), average: 1.13,
      });
      const ces = [7, 7, 6, 1, 3, 2];
      await answer('ces', '1999-04-03T10:00:00Z', ces);
      assert.deepEqual(await results('ces', APR), {
        metric: 'ces', ...APR, count: 6, comments: 0, distribution: distribution(1, 7, ces), average: 4.33,
      });
      // Metrics are counted apart: April holds no NPS answer.
      assert.equal((await results('nps', APR)).count, 0);
    });

    test('an empty period: zero counts, every score listed, null figures', async () => {
      assert.deepEqual(await results('nps', EMPTY), {
        metric: 'nps', ...EMPTY, count: 0, comments: 0, distribution: distribution(0, 10, []),
        promoters: 0, passives: 0, detractors: 0, nps: null,
      });
      assert.deepEqual(await results('csat', EMPTY), { metric: 'csat', ...EMPTY, count: 0, comments: 0, distribution: distribution(1, 5, []), average: null });
      assert.deepEqual(await results('ces', EMPTY), { metric: 'ces', ...EMPTY, count: 0, comments: 0, distribution: distribution(1, 7, []), average: null });
    });

    test('staff count the answers they would see in the inbox: their customers\' and anonymous ones', async () => {
      const period = { from: '1999-06-01T00:00:00Z', to: '1999-07-01T00:00:00Z' };
      // The sample customer is owned by the `staff` token's subject; another sales rep does not see them.
      await api.db.query(
        `INSERT INTO feedback (kind, customer_id, metric, score, created_at, updated_at)
         VALUES ('survey', $1, 'nps', 10, $2, $2), ('survey', NULL, 'nps', 0, $2, $2)`,
        [api.customerId, '1999-06-10T00:00:00Z'],
      );
      const { rows } = await api.db.query<{ id: string }>("SELECT id FROM staff WHERE role = 'sales' AND id <> $1 LIMIT 1", [api.staffId]);
      const otherRep = await api.staffWith(['feedback:read'], rows[0]?.id ?? '');
      assert.equal((await results('nps', period)).count, 2);
      assert.equal((await results('nps', period, api.headers.staff)).count, 2);
      const other = await results('nps', period, otherRep);
      assert.ok(other.metric === 'nps' && other.count === 1 && other.detractors === 1 && other.nps === -100, JSON.stringify(other));
    });

    test('bad queries are 400 validation errors naming the parameter', async () => {
      const cases: [string, string][] = [
        ['metric=nps&from=1999-01-01T00:00:00Z', 'to'],
        ['metric=ltr&from=1999-01-01T00:00:00Z&to=1999-02-01T00:00:00Z', 'metric'],
        ['metric=nps&from=yesterday&to=1999-02-01T00:00:00Z', 'from'],
        ['metric=nps&from=1999-02-01T00:00:00Z&to=1999-02-01T00:00:00Z', 'to'],
        ['metric=nps&from=1999-02-01T00:00:00Z&to=1999-01-01T00:00:00Z', 'to'],
        // 367 days: one more than a leap year.
        ['metric=nps&from=1999-01-01T00:00:00Z&to=2000-01-03T00:00:00Z', 'to'],
        ['metric=nps&from=1999-01-01T00:00:00Z&to=1999-02-01T00:00:00Z&limit=5', ''],
      ];
      for (const [query, path] of cases) {
        const envelope = await assertError(await api.request('GET', `/v1/surveys/results?${query}`, api.headers.sk), 400, 'validation');
        const paths = (envelope.error.details?.issues ?? []).map((issue) => issue.path.join('.'));
        if (path) assert.ok(paths.includes(path), `${query}: ${JSON.stringify(paths)}`);
      }
      // Exactly 366 days (2000 is a leap year): allowed.
      assert.equal((await results('nps', { from: '2000-01-01T00:00:00Z', to: '2001-01-01T00:00:00Z' })).metric, 'nps');
    });

    test('without `feedback:read` (or as a shopper) the figures are refused with 403', async () => {
      const path = `/v1/surveys/results?${new URLSearchParams({ metric: 'nps', ...JAN })}`;
      await assertError(await api.request('GET', path, await api.staffWith(['analytics:read', 'feedback:moderate'])), 403, 'forbidden');
      await assertError(await api.request('GET', path, api.headers.staffNoScope), 403, 'forbidden');
      await assertError(await api.request('GET', path, api.headers.customer), 403);
      await assertError(await api.request('GET', path, api.headers.pk), 403);
      assert.equal((await api.request('GET', path, await api.staffWith(['feedback:read']))).status, 200);
    });
  });
}
