import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import {
  ChurnRisk, ComplaintCategory, ComplaintStatus, Credit, CustomerKind, FeedbackKind, InteractionChannel, InteractionDirection, InteractionPhase, InteractionType,
  LedgerReason, ModerationStatus, OrderStatus, RfmSegment, StaffRole, StageKind, SurveyMetric,
} from '@kith/schema';
import { closeAll, POSTGRES_URL, postgresUrl, variants } from '../test-support/database.js';
import { migrate, readMigrations } from './migrate.js';
import { openPostgres } from './postgres.js';

after(closeAll);

for (const variant of variants()) {
  describe(`migrations on ${variant.name}`, { skip: variant.skip }, () => {
    test('apply on an empty database, then are a no-op on the next run', async () => {
      const db = await variant.open();
      const files = readMigrations().map((m) => m.name);
      assert.deepEqual(await migrate(db), files);
      assert.deepEqual(await migrate(db), []);
      const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      assert.deepEqual(rows.map((r) => r.name), files);
    });

    test('create every table of the domain', async () => {
      const db = await variant.open();
      // The domain and the API's own tables; later migrations may add more.
      const expected = [
        'api_keys', 'audit_log', 'customer_shares', 'customers', 'feedback', 'idempotency_keys', 'interactions',
        'loyalty_accounts', 'loyalty_ledger', 'loyalty_programs', 'loyalty_tiers', 'opportunities', 'opportunity_shares',
        'order_lines', 'orders', 'pipelines', 'products', 'schema_migrations', 'settings', 'signing_secrets', 'staff', 'stages',
      ];
      const { rows } = await db.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
      );
      const tables = new Set(rows.map((r) => r.table_name));
      assert.deepEqual(expected.filter((name) => !tables.has(name)), [], 'missing tables');
      // Money is never a float: no real/double/numeric column anywhere.
      const { rows: floats } = await db.query<{ column_name: string }>(
        "SELECT table_name || '.' || column_name AS column_name FROM information_schema.columns WHERE table_schema = current_schema() AND data_type IN ('real', 'double precision', 'numeric', 'money')",
      );
      assert.deepEqual(floats, []);
    });

    test('CHECK constraints allow exactly the values of the @kith/schema enums', async () => {
      const db = await variant.open();
      const cases: [table: string, column: string, values: readonly string[]][] = [
        ['interactions', 'channel', InteractionChannel.options],
        ['interactions', 'type', InteractionType.options],
        ['interactions', 'direction', InteractionDirection.options],
        ['interactions', 'phase', InteractionPhase.options],
        ['stages', 'kind', StageKind.options],
        ['orders', 'status', OrderStatus.options],
        ['staff', 'role', StaffRole.options],
        ['feedback', 'moderation_status', ModerationStatus.options],
        ['feedback', 'metric', SurveyMetric.options],
        ['feedback', 'complaint_status', ComplaintStatus.options],
        ['feedback', 'category', ComplaintCategory.options],
        ['loyalty_ledger', 'reason', LedgerReason.options],
        ['customers', 'segment', RfmSegment.options],
        ['customers', 'kind', CustomerKind.options],
        ['customers', 'churn_level', ChurnRisk.shape.level.options],
        ['customers', 'credit_rating', Credit.shape.rating.options],
        ['feedback', 'kind', FeedbackKind.options],
      ];
      for (const [table, column, values] of cases) {
        const { rows } = await db.query<{ def: string }>(
          `SELECT pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
            WHERE c.contype = 'c' AND c.conrelid = $1::regclass AND a.attname = $2 AND cardinality(c.conkey) = 1`,
          [table, column],
        );
        assert.equal(rows.length, 1, `one CHECK on ${table}.${column}`);
        const allowed = [...(rows[0]?.def ?? '').matchAll(/'([A-Za-z_]+)'/g)].map((m) => m[1]).sort();
        assert.deepEqual(allowed, [...values].sort(), `${table}.${column}`);
      }
    });

    test('refuse a migration that changed after it was applied', async () => {
      const db = await variant.open();
      const changed = readMigrations().map((m) => ({ ...m, checksum: 'edited' }));
      await assert.rejects(migrate(db, changed), /was changed after it was applied/);
    });

    test('CHECK constraints hold the allowed values', async () => {
      const db = await variant.open();
      await assert.rejects(db.query("INSERT INTO staff (name, email, role) VALUES ('X', 'x@example.com', 'janitor')"), /check/i);
      await assert.rejects(
        db.query("INSERT INTO stages (pipeline_id, name, position, probability, kind) VALUES (gen_random_uuid(), 'X', 1, 10001, 'open')"),
      );
    });
  });
}

describe('concurrent migrations', () => {
  test('on PGlite', { skip: 'PGlite is a single connection in one process: two migrate() calls cannot race there' }, () => {});

  test('instances migrating one fresh PostgreSQL at once all succeed, each migration applied once (advisory lock)', { skip: POSTGRES_URL ? false : 'KITH_TEST_DATABASE_URL not set' }, async () => {
    // A fresh database of its own, so nothing is applied yet: the race is real.
    const url = await postgresUrl();
    const fresh = `${url}_race`;
    const admin = await openPostgres(url);
    const name = new URL(fresh).pathname.slice(1);
    await admin.query(`CREATE DATABASE ${name}`);
    // Three pools, as three processes starting together behind a load balancer.
    const [a, b, c] = [await openPostgres(fresh), await openPostgres(fresh), await openPostgres(fresh)];
    try {
      const results = await Promise.all([migrate(a), migrate(b), migrate(c)]);
      const files = readMigrations().map((m) => m.name);
      // One instance applied everything, in order; the others waited and found nothing to do.
      assert.deepEqual(results.map((r) => r.length).sort((x, y) => x - y), [0, 0, files.length]);
      assert.deepEqual(results.flat(), files, 'every migration applied exactly once, in order');
      const { rows } = await a.query<{ name: string; n: number }>('SELECT name, count(*)::int AS n FROM schema_migrations GROUP BY name ORDER BY name');
      assert.deepEqual(rows, files.map((file) => ({ name: file, n: 1 })));
      // The schema is whole: every instance can serve.
      for (const db of [a, b, c]) assert.deepEqual(await migrate(db), []);
    } finally {
      await a.close();
      await b.close();
      await c.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.close();
    }
  });
});
