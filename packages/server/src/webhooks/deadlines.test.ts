import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import type { EventType, KithEvent, WebhookEndpointWithSecret } from '@kith/schema';
import { testApi, type TestApi } from '../test-support/api.js';
import { closeAll, postgresUrl, variants } from '../test-support/database.js';
import { secondInstance } from '../test-support/instances.js';
import { webhookJobs } from './jobs.js';
import { verifyWebhook } from './signature.js';
import { startReceiver, type Receiver } from './test-receiver.js';

after(closeAll);

const HOUR = 3_600_000;
const WARNINGS: EventType[] = ['complaint.due_soon', 'complaint.overdue'];
const complaint = {
  kind: 'complaint', category: 'delivery', subject: 'Parcel late', body: 'Still waiting after ten days.',
  contact: { name: 'Olivia Bennett', email: 'olivia@example.com', phone: null },
};

for (const variant of variants()) {
  describe(`complaint deadline warnings on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let hook: Receiver;
    let webhook: WebhookEndpointWithSecret;
    /** When the test's complaints are made. */
    let t0: Date;

    const at = (ms: number) => {
      api.clock.now = new Date(t0.getTime() + ms);
      return api.clock.now;
    };
    const file = async (): Promise<string> => {
      const response = await api.request('POST', '/v1/feedback', api.headers.pk, complaint);
      assert.equal(response.status, 201, await response.clone().text());
      return ((await response.json()) as { id: string }).id;
    };
    /** The warnings published for a complaint, oldest first. */
    const warnings = async (id: string) => {
      const { rows } = await api.db.query<{ type: EventType; topic: string; audience: string; data: Record<string, unknown>; at: Date }>(
        'SELECT type, topic, audience, data, at FROM events WHERE data->>\'feedbackId\' = $1 AND type = ANY($2::text[]) ORDER BY id',
        [id, WARNINGS],
      );
      return rows;
    };
    const types = async (id: string) => (await warnings(id)).map((row) => row.type);
    /** This file's jobs (the whole scheduler round, point expiry included, takes a second on PGlite). */
    const runJobs = async (services = api.services) => {
      for (const job of webhookJobs) {
        await job.run({ db: services.db, now: api.clock.now, settings: services.settings, log: () => {} });
      }
    };
    const sk = (method: string, path: string, body?: unknown) => api.request(method, path, api.headers.sk, body);

    before(async () => {
      api = await testApi(await variant.open());
      hook = await startReceiver();
      const response = await sk('POST', '/v1/webhooks', { url: hook.url, events: WARNINGS });
      assert.equal(response.status, 201);
      webhook = (await response.json()) as WebhookEndpointWithSecret;
    });
    beforeEach(() => {
      // A day after the previous test's complaints: each test's deadlines are its own.
      t0 = new Date((t0?.getTime() ?? api.clock.now.getTime()) + 3 * 24 * HOUR);
      api.clock.now = t0;
    });
    afterEach(() => {
      api.clock.now = t0;
    });
    after(async () => {
      await hook.close();
    });

    test('22 h after filing: complaint.due_soon once (the job twice sends once), on the inbox topic for staff, to the webhook', async () => {
      const id = await file();
      at(21 * HOUR + 59 * 60_000);
      await runJobs();
      assert.deepEqual(await types(id), [], 'not yet: more than 2 h left');
      const when = at(22 * HOUR);
      // Through the scheduler once: the jobs are in its list.
      await api.services.scheduler.runDue(api.clock.now);
      await runJobs();
      const rows = await warnings(id);
      assert.deepEqual(rows.map((row) => row.type), ['complaint.due_soon']);
      const [row] = rows as [(typeof rows)[number]];
      assert.equal(row.topic, 'inbox');
      assert.equal(row.audience, 'staff');
      assert.equal(row.at.toISOString(), when.toISOString());
      assert.deepEqual(row.data, {
        feedbackId: id, status: 'open', dueAt: new Date(t0.getTime() + 24 * HOUR).toISOString(), answeredAt: null,
        customerId: null, category: 'delivery',
      });

      // The same round's webhook job delivered it, signed.
      const sent = hook.received.filter((r) => (JSON.parse(r.body) as KithEvent).data.feedbackId === id);
      assert.equal(sent.length, 1);
      const [request] = sent as [(typeof sent)[number]];
      assert.equal(request.headers['kith-event-type'], 'complaint.due_soon');
      assert.equal(verifyWebhook({ secret: webhook.secret, header: String(request.headers['kith-signature']), body: request.body, now: when }).ok, true);
    });

    test('24 h + 1 min: complaint.overdue once, after the due_soon; at the deadline itself it is not yet late', async () => {
      const id = await file();
      at(22 * HOUR + 30 * 60_000);
      await runJobs();
      at(24 * HOUR);
      await runJobs();
      assert.deepEqual(await types(id), ['complaint.due_soon']);
      at(24 * HOUR + 60_000);
      await runJobs();
      await runJobs();
      at(30 * HOUR);
      await runJobs();
      assert.deepEqual(await types(id), ['complaint.due_soon', 'complaint.overdue']);
      const sent = hook.received.filter((r) => (JSON.parse(r.body) as KithEvent).data.feedbackId === id).map((r) => r.headers['kith-event-type']);
      assert.deepEqual(sent, ['complaint.due_soon', 'complaint.overdue']);
    });

    test('a complaint first seen past its deadline gets complaint.overdue only', async () => {
      const id = await file();
      at(26 * HOUR);
      await runJobs();
      await runJobs();
      assert.deepEqual(await types(id), ['complaint.overdue']);
    });

    test('an answered complaint gets no warning; nor one closed without an answer; in progress still does', async () => {
      const answered = await file();
      const closed = await file();
      const inProgress = await file();
      at(HOUR);
      assert.equal((await sk('POST', `/v1/feedback/${answered}/reply`, { body: 'We are on it: a new parcel left today.' })).status, 200);
      assert.equal((await sk('PATCH', `/v1/feedback/${closed}/status`, { status: 'closed' })).status, 200);
      assert.equal((await sk('PATCH', `/v1/feedback/${inProgress}/status`, { status: 'in_progress' })).status, 200);
      for (const hours of [22.5, 25, 48]) {
        at(hours * HOUR);
        await runJobs();
      }
      assert.deepEqual(await types(answered), []);
      assert.deepEqual(await types(closed), []);
      assert.deepEqual(await types(inProgress), ['complaint.due_soon', 'complaint.overdue']);
    });

    test('answered after the due_soon warning: no overdue', async () => {
      const id = await file();
      at(23 * HOUR);
      await runJobs();
      assert.equal((await sk('POST', `/v1/feedback/${id}/reply`, { body: 'Sorry for the wait, refund issued.' })).status, 200);
      at(25 * HOUR);
      await runJobs();
      assert.deepEqual(await types(id), ['complaint.due_soon']);
    });

    test('two instances running the job at once send each warning once', { skip: variant.name !== 'PostgreSQL' && 'PostgreSQL only' }, async () => {
      const other = await secondInstance(api, await postgresUrl());
      try {
        const ids = [await file(), await file(), await file()];
        at(22 * HOUR);
        await Promise.all([runJobs(), runJobs(other.services), runJobs()]);
        at(25 * HOUR);
        await Promise.all([runJobs(other.services), runJobs(), runJobs(other.services)]);
        for (const id of ids) assert.deepEqual(await types(id), ['complaint.due_soon', 'complaint.overdue']);
      } finally {
        await other.close();
      }
    });
  });
}
