import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.js';
import { main } from '../cli/main.js';
import type { Database, Queryable } from '../db/database.js';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../db/lock.js';
import { migrate } from '../db/migrate.js';
import { openDatabase } from '../db/open.js';
import { openPostgres } from '../db/postgres.js';
import { ensureDemo } from '../seed/demo.js';
import { closeAll, POSTGRES_URL, postgresUrl } from '../test-support/database.js';
import { must } from '../util/must.js';
import { backupDataDir } from './backup.js';
import { OpsError } from './errors.js';
import { migrateToPostgres } from './migrate-to-postgres.js';
import { restoreDataDir } from './restore.js';
import { fingerprints, quoteIdent, userSequences, userTables, type TableFingerprint } from './tables.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-ops-test-'));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
after(closeAll);

/** Every table's count and checksum, and every sequence's position: "the same data". */
interface Snapshot {
  tables: Map<string, TableFingerprint>;
  sequences: Map<string, string>;
}

async function snapshot(db: Database, skip: readonly string[] = []): Promise<Snapshot> {
  const tables = (await userTables(db)).map((t) => t.name).filter((name) => !skip.includes(name));
  const sequences = new Map<string, string>();
  for (const name of await userSequences(db)) {
    const { rows } = await db.query<{ position: string }>(`SELECT last_value::text || ' ' || is_called::text AS position FROM ${quoteIdent(name)}`);
    sequences.set(name, must(rows[0], name).position);
  }
  return { tables: await fingerprints(db, tables), sequences };
}

async function withFolder<T>(dir: string, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir: dir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** A demo shop in a PGlite folder, with live events so a sequence has moved. */
async function seedFolder(dir: string): Promise<{ secretKey: string; sampleCustomerId: string }> {
  return withFolder(dir, async (db) => {
    await migrate(db);
    const demo = must(await ensureDemo(db, { origins: ['https://shop.example'] }), 'the demo');
    for (let i = 0; i < 3; i++) {
      await db.query("INSERT INTO events (topic, type, audience, data, at) VALUES ('inbox', 'complaint.created', 'staff', $1::jsonb, now())", [JSON.stringify({ n: i })]);
    }
    return { secretKey: must(demo.secretKey, 'the secret key'), sampleCustomerId: demo.sampleCustomerId };
  });
}

const quiet = { out: () => {}, err: () => {}, env: {} };

describe('backup and restore of a PGlite folder', () => {
  let source: string;
  let original: Snapshot;
  before(async () => {
    source = join(tempDir(), 'data');
    await seedFolder(source);
    original = await withFolder(source, (db) => snapshot(db));
    assert.ok((original.tables.get('customers')?.rows ?? 0) > 100, 'the demo is seeded');
    assert.equal(original.sequences.get('events_id_seq'), '3 true');
  });

  test('backup → restore gives identical data: every table, every sequence', async () => {
    const file = join(tempDir(), 'kith.tar.gz');
    const { bytes } = await backupDataDir(source, file);
    assert.ok(bytes > 1000 && readFileSync(file).subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])), 'a gzip archive');
    assert.equal(existsSync(join(source, LOCK_FILE)), false, 'backup releases the lock');

    const target = join(tempDir(), 'restored');
    await restoreDataDir(file, target);
    assert.equal(existsSync(join(target, LOCK_FILE)), false, "neither ours nor the source's lock is left behind");
    const restored = await withFolder(target, (db) => snapshot(db));
    assert.deepEqual([...restored.tables.keys()].sort(), [...original.tables.keys()].sort());
    for (const [table, fingerprint] of original.tables) assert.deepEqual(restored.tables.get(table), fingerprint, table);
    assert.deepEqual(restored.sequences, original.sequences);
  });

  test('refusals: a locked folder, an existing archive, a non-empty target, a foreign folder, a bad archive', async () => {
    const file = join(tempDir(), 'kith.tar.gz');
    const release = lockDataDir(source);
    try {
      await assert.rejects(backupDataDir(source, file), DataDirLockedError);
      assert.equal(existsSync(file), false);
    } finally {
      release();
    }
    await backupDataDir(source, file);
    await assert.rejects(backupDataDir(source, file), (error: unknown) => error instanceof OpsError && /already exists/.test(error.message));

    // A non-empty data folder needs --force; a locked one is refused even with it.
    const target = join(tempDir(), 'restored');
    await restoreDataDir(file, target);
    await assert.rejects(restoreDataDir(file, target), (error: unknown) => error instanceof OpsError && /not empty/.test(error.message));
    const held = lockDataDir(target);
    try {
      await assert.rejects(restoreDataDir(file, target, { force: true }), DataDirLockedError);
    } finally {
      held();
    }
    await restoreDataDir(file, target, { force: true });
    assert.equal((await withFolder(target, (db) => snapshot(db))).tables.get('customers')?.rows, original.tables.get('customers')?.rows);

    // A folder that is not a database is never emptied, --force or not.
    const home = tempDir();
    writeFileSync(join(home, 'notes.txt'), 'precious');
    await assert.rejects(restoreDataDir(file, home, { force: true }), (error: unknown) => error instanceof OpsError && /not a PGlite data folder/.test(error.message));
    assert.equal(readFileSync(join(home, 'notes.txt'), 'utf8'), 'precious');

    // A corrupt archive never touches the target.
    const garbage = join(tempDir(), 'garbage.tar.gz');
    writeFileSync(garbage, 'not an archive');
    const empty = join(tempDir(), 'empty');
    mkdirSync(empty);
    await assert.rejects(restoreDataDir(garbage, empty), OpsError);
    assert.deepEqual(readdirSync(empty), []);
  });

  test('the commands refuse a folder a server holds, naming its process, exit code 1', async () => {
    const archive = join(tempDir(), 'x.tgz');
    writeFileSync(archive, 'never read: the lock is checked first');
    const release = lockDataDir(source);
    try {
      for (const args of [['backup', join(tempDir(), 'x.tgz')], ['restore', archive, '--force'], ['keys', 'list'], ['tokens', 'rotate']]) {
        const err: string[] = [];
        const code = await main([...args, '--data-dir', source], { out: () => {}, err: (line) => err.push(line), env: {} });
        assert.equal(code, 1, args.join(' '));
        assert.match(err.join('\n'), new RegExp(`in use by another Kith server \\(process ${process.pid}\\)`), args.join(' '));
      }
      const err: string[] = [];
      const code = await main(['migrate-to-postgres', 'postgres://nobody@127.0.0.1:1/none', '--data-dir', source], { ...quiet, err: (line) => err.push(line) });
      assert.equal(code, 1);
      assert.match(err.join('\n'), /in use by another Kith server/);
    } finally {
      release();
    }
  });
});

describe('migrate-to-postgres', { skip: POSTGRES_URL ? false : 'KITH_TEST_DATABASE_URL not set' }, () => {
  let source: string;
  let demo: { secretKey: string; sampleCustomerId: string };
  let targetUrl: string;
  let admin: Database;
  let targetName: string;
  before(async () => {
    source = join(tempDir(), 'data');
    demo = await seedFolder(source);
    const base = await postgresUrl();
    targetUrl = `${base}_copy`;
    targetName = new URL(targetUrl).pathname.slice(1);
    admin = await openPostgres(base);
    await admin.query(`CREATE DATABASE ${targetName}`);
  });
  after(async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
    await admin.close();
  });

  test('copies every row with its id, sequences continue, the API answers the same; a non-empty target is refused', async (t) => {
    const err: string[] = [];
    const started = performance.now();
    const code = await main(['migrate-to-postgres', targetUrl, '--data-dir', source], { out: () => {}, err: (line) => err.push(line), env: {} });
    t.diagnostic(`migrate-to-postgres of the demo: ${Math.round(performance.now() - started)} ms`);
    assert.equal(code, 0, err.join('\n'));
    assert.match(err.join('\n'), /row counts and checksums match/);
    assert.doesNotMatch(err.join('\n'), /kith:kith@/, 'the password is not printed');

    const pg = await openPostgres(targetUrl);
    const lite = await openDatabase({ dataDir: source });
    try {
      const [a, b] = [await snapshot(lite, ['schema_migrations']), await snapshot(pg, ['schema_migrations'])];
      for (const [table, fingerprint] of a.tables) assert.deepEqual(b.tables.get(table), fingerprint, table);
      assert.deepEqual(b.sequences, a.sequences);
      const { rows } = await pg.query<{ id: number }>("INSERT INTO events (topic, type, audience, data, at) VALUES ('inbox', 'complaint.created', 'staff', '{}', now()) RETURNING id");
      assert.equal(rows[0]?.id, 4, 'events.id continues after the copied rows');
      await pg.query('DELETE FROM events WHERE id = 4');

      // The same requests, the same answers, on the folder and on PostgreSQL.
      // One instant for both (reads apply time rules such as points expiry).
      const at = new Date();
      const clock = () => at;
      const product = await lite.query<{ id: string }>(
        "SELECT product_id AS id FROM feedback WHERE kind = 'review' AND moderation_status = 'published' GROUP BY product_id ORDER BY count(*) DESC, product_id LIMIT 1",
      );
      const paths = [
        `/v1/customers/${demo.sampleCustomerId}`,
        `/v1/products/${must(product.rows[0], 'a reviewed product').id}/reviews?limit=50`,
        `/v1/customers/${demo.sampleCustomerId}/loyalty/ledger`,
        '/v1/keys',
      ];
      for (const path of paths) {
        const answers = await Promise.all(
          [lite, pg].map(async (db) => {
            const response = await createApp({ db, clock }).request(path, { headers: { authorization: `Bearer ${demo.secretKey}` } });
            assert.equal(response.status, 200, `${path} on ${db.kind}`);
            return response.text();
          }),
        );
        assert.equal(answers[1], answers[0], path);
      }
    } finally {
      await pg.close();
      await lite.close();
    }

    const again: string[] = [];
    assert.equal(await main(['migrate-to-postgres', targetUrl, '--data-dir', source], { out: () => {}, err: (line) => again.push(line), env: {} }), 1);
    assert.match(again.join('\n'), /target database is not empty/);
  });

  test('a failed copy leaves the target empty (one transaction)', async () => {
    const name = `${targetName}_2`;
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(targetUrl);
    url.pathname = `/${name}`;
    const target = await openPostgres(url.toString());
    const lite = await openDatabase({ dataDir: source });
    try {
      // The source breaks while one table is being read: nothing may remain on the target.
      const failing: Database = { ...lite, query: failOn(lite, 'FROM "staff" t') };
      await assert.rejects(migrateToPostgres(failing, target));
      const { rows } = await target.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'");
      assert.equal(rows[0]?.n, 0, 'no table was left behind');
    } finally {
      await lite.close();
      await target.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }
  });
});

/** A query function that fails on statements containing `marker` (a source that breaks mid-copy). */
function failOn(db: Queryable, marker: string): Queryable['query'] {
  return (sql, params) => (sql.includes(marker) ? Promise.reject(new Error('the source broke mid-copy')) : db.query(sql, params));
}
