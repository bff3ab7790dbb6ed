import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SurveyEligibility, type Feedback, type SurveyMetric } from '@kith/schema';
import { createApp } from '../app.js';
import { createFeedback } from '../feedback/create.js';
import { Services } from '../services.js';
import { assertError, TEST_SETTINGS, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, postgresUrl, variants } from '../test-support/database.js';
import { secondInstance } from '../test-support/instances.js';

after(closeAll);

const DAY_MS = 86_400_000;
const answer = (metric: SurveyMetric, score = 4) => ({ kind: 'survey', metric, score, comment: null });

for (const variant of variants()) {
  describe(`survey frequency cap on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** Customers no other test of this file answers for (the cap lives in the database). */
    let customers: string[];
    const customer = () => customers.pop() ?? assert.fail('out of test customers');

    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string }>('SELECT id FROM customers WHERE id <> $1 ORDER BY id DESC LIMIT 20', [api.customerId]);
      customers = rows.map((row) => row.id);
    });

    const post = (headers: Record<string, string>, body: unknown) => api.request('POST', '/v1/feedback', headers, body);
    const eligibility = async (headers: Record<string, string>, metric: SurveyMetric) => {
      const response = await api.request('GET', `/v1/surveys/eligibility?metric=${metric}`, headers);
      const text = await response.text();
      assert.equal(response.status, 200, text);
      return SurveyEligibility.parse(JSON.parse(text));
    };
    const answers = async (customerId: string) =>
      (await api.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM feedback WHERE kind = 'survey' AND customer_id = $1`, [customerId])).rows[0]?.n;
    const assertCapped = async (response: Response, retryAfterSeconds: number) => {
      const error = await assertError(response, 429, 'rate_limited');
      assert.equal(response.headers.get('Retry-After'), String(retryAfterSeconds));
      assert.equal(error.error.details?.retryAfterSeconds, retryAfterSeconds);
    };

    test('a second answer of a metric within the cap is refused until the cap ends; other metrics pass', async () => {
      const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
      api.clock.now = t0;
      const id = customer();
      let token = await api.customerAs(id);
      assert.deepEqual(await eligibility(token, 'nps'), { metric: 'nps', eligible: true, nextEligibleAt: null });

      const seeded = (await answers(id)) ?? 0;
      assert.equal((await post(token, answer('nps', 9))).status, 201);
      const capEnd = new Date(t0.getTime() + 30 * DAY_MS).toISOString();
      assert.deepEqual(await eligibility(token, 'nps'), { metric: 'nps', eligible: false, nextEligibleAt: capEnd });
      assert.deepEqual(await eligibility(token, 'csat'), { metric: 'csat', eligible: true, nextEligibleAt: null });

      await assertCapped(await post(token, answer('nps', 3)), 30 * 86_400);
      assert.equal(await answers(id), seeded + 1, 'the refused answer stored nothing');
      assert.equal((await post(token, answer('csat'))).status, 201, 'another metric');
      assert.equal((await post(await api.customerAs(customer()), answer('nps'))).status, 201, 'another customer');

      api.clock.now = new Date(t0.getTime() + 30 * DAY_MS - 1_000);
      token = await api.customerAs(id);
      await assertCapped(await post(token, answer('nps')), 1);

      api.clock.now = new Date(t0.getTime() + 30 * DAY_MS);
      token = await api.customerAs(id);
      assert.deepEqual(await eligibility(token, 'nps'), { metric: 'nps', eligible: true, nextEligibleAt: null });
      assert.equal((await post(token, answer('nps'))).status, 201, 'the cap has ended');
      await assertCapped(await post(token, answer('nps')), 30 * 86_400);
      assert.equal(await answers(id), seeded + 3);
    });

    test('anonymous answers (publishable key) are not capped per person; eligibility says so', async () => {
      api.clock.now = new Date();
      assert.equal((await post(api.headers.pk, answer('ces'))).status, 201);
      assert.equal((await post(api.headers.pk, answer('ces'))).status, 201);
      const said = await eligibility(api.headers.pk, 'ces');
      assert.equal(said.eligible, true);
      assert.equal(said.nextEligibleAt, null);
      assert.match(said.note ?? '', /customer token/);
      await assertError(await api.request('GET', '/v1/surveys/eligibility?metric=ltr', api.headers.pk), 400, 'validation');
      await assertError(await api.request('GET', '/v1/surveys/eligibility', api.headers.pk), 400, 'validation');
    });

    test('a retry of the accepted answer (same Idempotency-Key) replays it instead of being capped', async () => {
      api.clock.now = new Date();
      const token = { ...(await api.customerAs(customer())), 'idempotency-key': 'survey-retry-1' };
      const first = await post(token, answer('csat'));
      assert.equal(first.status, 201);
      const again = await post(token, answer('csat'));
      assert.equal(again.status, 201);
      assert.equal(again.headers.get('Idempotent-Replayed'), 'true');
      assert.deepEqual(await again.json(), await first.json());
      await assertCapped(await post({ ...token, 'idempotency-key': 'survey-retry-2' }, answer('csat')), 30 * 86_400);
    });

    test('the cap follows the settings: days, and 0 for none', async () => {
      const now = new Date();
      const write = (customerId: string, days: number, at: Date) =>
        api.db.transaction((tx) => createFeedback(tx, { kind: 'survey', metric: 'nps', score: 7, comment: null }, customerId, at, { surveyCapDays: days, reviewMinFillMs: 0 }));
      const uncapped = customer();
      for (let i = 0; i < 3; i++) assert.equal((await write(uncapped, 0, now)).kind, 'survey');

      const capped = customer();
      await write(capped, 2, now);
      await assert.rejects(write(capped, 2, new Date(now.getTime() + 2 * DAY_MS - 1)), (error: Error & { status?: number; details?: { retryAfterSeconds?: number } }) => {
        assert.equal(error.status, 429);
        assert.equal(error.details?.retryAfterSeconds, 1, 'rounded up to whole seconds');
        return true;
      });
      const later: Feedback = await write(capped, 2, new Date(now.getTime() + 2 * DAY_MS));
      assert.equal(later.kind, 'survey');

      // The eligibility route reads the cap from the server's settings.
      const services = new Services(api.db, { clock: () => now, settings: { ...TEST_SETTINGS, surveyCapDays: 2 } });
      const app = createApp({ db: api.db, clock: () => now, services });
      const id = customer();
      await write(id, 2, now);
      api.clock.now = now;
      const response = await app.request('/v1/surveys/eligibility?metric=nps', { headers: await api.customerAs(id) });
      assert.deepEqual(await response.json(), { metric: 'nps', eligible: false, nextEligibleAt: new Date(now.getTime() + 2 * DAY_MS).toISOString() });
    });

    test('two answers at once through two instances: exactly one is accepted', { skip: variant.name !== 'PostgreSQL' && 'PostgreSQL only' }, async () => {
      api.clock.now = new Date();
      const second = await secondInstance(api, await postgresUrl());
      try {
        const id = customer();
        const token = await api.customerAs(id);
        const seeded = (await answers(id)) ?? 0;
        const statuses = await Promise.all([
          post(token, answer('nps')).then((r) => r.status),
          second.request('POST', '/v1/feedback', token, answer('nps')).then((r) => r.status),
          post(token, answer('nps')).then((r) => r.status),
          second.request('POST', '/v1/feedback', token, answer('nps')).then((r) => r.status),
        ]);
        assert.deepEqual(statuses.sort(), [201, 429, 429, 429]);
        assert.equal(await answers(id), seeded + 1);
      } finally {
        await second.close();
      }
    });
  });
}
