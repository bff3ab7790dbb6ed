import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import type { Database } from '../db/database.js';
import { testApi, type TestApi } from '../test-support/api.js';
import { closeAll, postgresUrl, variants } from '../test-support/database.js';
import { secondInstance } from '../test-support/instances.js';
import { applyRetention, retentionCutoff } from './retention-job.js';

after(closeAll);

const DAY = 86_400_000;
const MINUTE = 60_000;
const RETENTION = { idempotencyDays: 2, webhookLogDays: 3, eventDays: 1 };

/** Rows of each log at ages around its limit, named by their age. */
async function seed(db: Database, now: Date, endpointId: string): Promise<void> {
  const at = (days: number, minutes: number) => new Date(now.getTime() - days * DAY + minutes * MINUTE);
  const ages = { old: -1, edge: 0, young: 1 } as const;
  for (const [age, minutes] of Object.entries(ages)) {
    await db.query(
      `INSERT INTO idempotency_keys (subject, method, path, key, request_hash, status, body, created_at)
       VALUES ('test:retention', 'POST', '/v1/test', $1, $2, 201, '{}', $3)`,
      [age, 'a'.repeat(64), at(RETENTION.idempotencyDays, minutes)],
    );
    await db.query(
      `INSERT INTO events (topic, type, audience, data, at) VALUES ('inbox', 'complaint.created', 'staff', $1::jsonb, $2)`,
      [JSON.stringify({ retention: age }), at(RETENTION.eventDays, minutes)],
    );
    for (const status of ['delivered', 'failed', 'pending'] as const) {
      const created = at(RETENTION.webhookLogDays, minutes);
      await db.query(
        `INSERT INTO webhook_deliveries (endpoint_id, event_type, payload, status, next_attempt_at, created_at, delivered_at)
         VALUES ($1, 'complaint.created', $2::jsonb, $3, $4, $4, $5)`,
        [endpointId, JSON.stringify({ retention: `${status}-${age}` }), status, created, status === 'delivered' ? created : null],
      );
    }
  }
}

/** What is left of the seeded rows, by name. */
async function left(db: Database) {
  const names = async (sql: string) => (await db.query<{ name: string }>(sql)).rows.map((r) => r.name).sort();
  return {
    idempotency: await names("SELECT key AS name FROM idempotency_keys WHERE subject = 'test:retention'"),
    events: await names("SELECT data->>'retention' AS name FROM events WHERE data ? 'retention'"),
    deliveries: await names("SELECT payload->>'retention' AS name FROM webhook_deliveries WHERE payload ? 'retention'"),
  };
}

for (const variant of variants()) {
  describe(`retention on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let endpointId: string;

    before(async () => {
      api = await testApi(await variant.open(), undefined, { settings: { retention: RETENTION } });
      // Inactive: its pending deliveries wait, so no dispatcher touches them during the test.
      const { rows } = await api.db.query<{ id: string }>(
        `INSERT INTO webhook_endpoints (url, events, secret, active, created_at, updated_at)
         VALUES ('http://127.0.0.1:9/retention', ARRAY['complaint.created'], $1, false, $2, $2) RETURNING id`,
        [`whsec_${'r'.repeat(43)}`, api.clock.now],
      );
      endpointId = rows[0]?.id ?? assert.fail('the endpoint');
    });

    beforeEach(async () => {
      await api.db.query("DELETE FROM idempotency_keys WHERE subject = 'test:retention'");
      await api.db.query("DELETE FROM events WHERE data ? 'retention'");
      await api.db.query("DELETE FROM webhook_deliveries WHERE payload ? 'retention'");
    });

    test('the scheduled job deletes exactly what is older than each setting, by the job clock', async () => {
      const now = new Date(api.clock.now.getTime() + 10 * DAY);
      await seed(api.db, now, endpointId);
      await api.services.scheduler.runDue(now);
      assert.deepEqual(await left(api.db), {
        // Exactly at the limit is not older than it.
        idempotency: ['edge', 'young'],
        events: ['edge', 'young'],
        // Pending deliveries are the queue: kept whatever their age.
        deliveries: ['delivered-edge', 'delivered-young', 'failed-edge', 'failed-young', 'pending-edge', 'pending-old', 'pending-young'],
      });
      assert.ok(api.logs.some((line) => /^retention: deleted \d+ idempotency keys, \d+ webhook deliveries, \d+ events$/.test(line)), api.logs.join('\n'));
      assert.ok(!api.logs.some((line) => line.includes('job retention failed')));
    });

    test('a setting that is not positive keeps its rows forever', async () => {
      const now = new Date(api.clock.now.getTime() + 10 * DAY);
      await seed(api.db, now, endpointId);
      assert.equal(retentionCutoff(now, 0), null);
      assert.equal(retentionCutoff(now, Number.NaN), null);
      const deleted = await applyRetention(api.db, { idempotencyDays: 0, webhookLogDays: -1, eventDays: 1 }, now);
      assert.deepEqual(Object.keys(deleted), ['events']);
      const rest = await left(api.db);
      assert.deepEqual(rest.idempotency, ['edge', 'old', 'young']);
      assert.equal(rest.deliveries.length, 9);
      assert.deepEqual(rest.events, ['edge', 'young']);
    });

    test('two instances sweeping at once delete every old row once, in batches, without errors', { skip: variant.name === 'PGlite' && 'one instance per PGlite' }, async () => {
      const now = new Date(api.clock.now.getTime() + 10 * DAY);
      const old = new Date(now.getTime() - 30 * DAY);
      await api.db.query(
        `INSERT INTO idempotency_keys (subject, method, path, key, request_hash, status, body, created_at)
         SELECT 'test:retention', 'POST', '/v1/test', 'bulk-' || n, $1, 201, '{}', $2 FROM generate_series(1, 2500) AS n`,
        ['b'.repeat(64), old],
      );
      const second = await secondInstance(api, await postgresUrl(), { retention: RETENTION });
      try {
        await Promise.all([api.services.scheduler.runDue(now), second.services.scheduler.runDue(now)]);
        const { rows } = await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM idempotency_keys WHERE subject = 'test:retention'");
        assert.equal(rows[0]?.n, 0);
        for (const logs of [api.logs, second.logs]) assert.ok(!logs.some((line) => line.includes('job retention failed')), logs.join('\n'));
      } finally {
        await second.close();
      }
    });
  });
}
