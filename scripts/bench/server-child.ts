// One database per process (`bench-server.mjs` forks one for PGlite, one for PostgreSQL):
// opens it, migrates and seeds the demo, then serves Kith's real app and the bare peer on
// two loopback ports sharing that database, and answers the parent's requests over IPC
// (fresh staff tokens, resets between write runs, row counts). Run with
// `node --conditions=kith-source --import tsx`.
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createAdaptorServer } from '@hono/node-server';
import pg from 'pg';
import { createApp } from '../../packages/server/src/app.js';
import { SigningSecrets } from '../../packages/server/src/auth/signing-secrets.js';
import { mintToken } from '../../packages/server/src/auth/tokens.js';
import type { Database } from '../../packages/server/src/db/database.js';
import { migrate } from '../../packages/server/src/db/migrate.js';
import { openDatabase } from '../../packages/server/src/db/open.js';
import { jsonLog } from '../../packages/server/src/http/logger.js';
import { hashKey } from '../../packages/server/src/keys/api-keys.js';
import { ensureDemo } from '../../packages/server/src/seed/demo.js';
import { Services } from '../../packages/server/src/services.js';
import { BARE_NOTES, createBareApp } from './bare-app.js';
import { BENCH_AUTHOR, BENCH_ORIGIN, type ChildReply, type ChildRequest, type Fixture } from './protocol.js';

const noop = () => {};
const kind = process.argv[2];
if (kind !== 'pglite' && kind !== 'postgres') throw new Error('usage: server-child.ts pglite|postgres');
/** Sends a reply; `then` runs once it is written (before exiting). */
const send = (message: ChildReply, then: () => void = noop) => {
  if (!process.send) return then();
  process.send(message, undefined, {}, () => then());
};

/** Limits on (their bookkeeping is part of every request) but far above what a run sends. */
const NEVER_TRIPS = 1_000_000_000;
/** Published reviews of the listed product: a full page of 20 and more behind it. */
const LIST_REVIEWS = 60;

let cleanup: (() => Promise<void>) | null = null;

async function openBenchDatabase(): Promise<{ db: Database; label: string; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const dir = await mkdtemp(join(tmpdir(), 'kith-bench-'));
    const db = await openDatabase({ dataDir: dir });
    return { db, label: 'PGlite (temporary folder)', drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const base = process.env.KITH_BENCH_DATABASE_URL ?? process.env.KITH_TEST_DATABASE_URL;
  if (!base) throw new Error('no PostgreSQL URL');
  // A database of its own, so the figures never depend on what earlier runs left behind.
  const name = `kith_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: url.toString() });
  const server = await db.query<{ server_version: string }>('SHOW server_version');
  return {
    db,
    label: `PostgreSQL ${server.rows[0]?.server_version ?? '?'} (database ${name}, dropped at the end)`,
    drop: async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Requests being handled by either server (autocannon stops with some still in flight). */
let inFlight = 0;

/** Resolves once neither server is handling a request, so a reset or a run starts quiet. */
async function quiet(): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (inFlight > 0) {
    if (performance.now() > deadline) throw new Error(`${inFlight} request(s) still in flight after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function listen(handle: (request: Request) => Response | Promise<Response>): Promise<{ url: string; close: () => Promise<void> }> {
  const fetch = async (request: Request) => {
    inFlight++;
    try {
      return await handle(request);
    } finally {
      inFlight--;
    }
  };
  const server = createAdaptorServer({ fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

/** Row counts of every table, to report growth a reset did not undo. */
async function tableSizes(db: Database): Promise<Map<string, number>> {
  const { rows: tables } = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const sizes = new Map<string, number>();
  // Names come from the catalog, quoted as identifiers; nothing here comes from input.
  for (const { name } of tables) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${name.replaceAll('"', '""')}"`);
    sizes.set(name, rows[0]?.n ?? 0);
  }
  return sizes;
}

async function main(): Promise<void> {
  const started = performance.now();
  const { db, label, drop } = await openBenchDatabase();
  let closeServers: (() => Promise<void>) | null = null;
  let services: Services | null = null;
  cleanup = async () => {
    cleanup = null;
    await closeServers?.().catch(noop);
    await services?.close().catch(noop);
    await db.close().catch(noop);
    await drop();
  };

  await migrate(db);
  const demo = await ensureDemo(db, { origins: [BENCH_ORIGIN] });
  if (!demo) throw new Error('the demo was not seeded (database not empty?)');
  const { rows: fixtureRows } = await db.query<{ key_id: string; staff_id: string; list_product: string; submit_product: string; published: number }>(
    `SELECT (SELECT id FROM api_keys WHERE key_hash = $1) AS key_id,
            (SELECT COALESCE((SELECT owner_id FROM customers WHERE id = $2),
                             (SELECT id FROM staff WHERE role = 'manager' ORDER BY created_at, id LIMIT 1))) AS staff_id,
            top.product_id AS list_product, top.n AS published,
            (SELECT id FROM products WHERE id <> top.product_id ORDER BY id LIMIT 1) AS submit_product
       FROM (SELECT product_id, count(*)::int AS n FROM feedback
              WHERE kind = 'review' AND moderation_status = 'published' GROUP BY product_id
              ORDER BY 2 DESC, 1 LIMIT 1) AS top`,
    [hashKey(demo.publishableKey), demo.sampleCustomerId],
  );
  const f = fixtureRows[0];
  if (!f) throw new Error('the demo has no published review');

  // The demo's busiest product has only a few published reviews: top it up so the list
  // answers a full page of 20 with a next cursor, as a real product page would.
  await db.query(
    `INSERT INTO feedback (kind, product_id, rating, title, body, author_name, language, verified_purchase,
                           moderation_status, created_at, updated_at)
     SELECT 'review', $1, 1 + g % 5, 'Bench page review ' || g, 'A published review, so the product page is full.',
            $2, 'en', false, 'published', now() - g * interval '1 hour', now() - g * interval '1 hour'
       FROM generate_series(1, $3::int) AS g`,
    [f.list_product, `${BENCH_AUTHOR} reader`, Math.max(0, LIST_REVIEWS - f.published)],
  );

  const signingSecrets = new SigningSecrets(db);
  await signingSecrets.current();
  // The bare peer reads the secrets once, as Kith's SigningSecrets keeps them in memory.
  const { rows: secretRows } = await db.query<{ kid: string; secret: string }>('SELECT kid, secret FROM signing_secrets WHERE retired_at IS NULL');
  const secrets = new Map(secretRows.map((row) => [row.kid, row.secret]));

  services = new Services(db, {
    log: noop,
    settings: { rateLimits: { perKey: NEVER_TRIPS, perAddress: NEVER_TRIPS, publicWritesPerAddress: NEVER_TRIPS } },
  });
  await services.start();
  // The periodic jobs' first round catches up on the demo's history (expiring old points):
  // done now, so it does not land in one timed run; later rounds find nothing to do.
  await services.scheduler.runDue();
  // The structured request log builds and serialises each record; the sink drops the line
  // (a file or a terminal would measure their own I/O).
  const kith = await listen(createApp({ db, log: jsonLog(noop), signingSecrets, services }).fetch);
  const bare = await listen(createBareApp(db, secrets, { reviewMinFillMs: services.settings.reviewMinFillMs }).fetch);
  closeServers = async () => {
    await kith.close();
    await bare.close();
  };
  const baseline = await tableSizes(db);
  const { rows: eventRows } = await db.query<{ id: string }>('SELECT COALESCE(max(id), 0)::text AS id FROM events');
  const lastEventId = eventRows[0]?.id ?? '0';

  const fixture: Fixture = {
    database: label,
    kithUrl: kith.url,
    bareUrl: bare.url,
    origin: BENCH_ORIGIN,
    benchAuthor: BENCH_AUTHOR,
    publishableKey: demo.publishableKey,
    listProductId: f.list_product,
    publishedReviews: Math.max(LIST_REVIEWS, f.published),
    submitProductId: f.submit_product,
    customerId: demo.sampleCustomerId,
    bareNotes: BARE_NOTES,
    startMs: Math.round(performance.now() - started),
  };

  const answer = async (request: ChildRequest): Promise<ChildReply> => {
    switch (request.type) {
      case 'token': {
        const { token } = await mintToken(
          signingSecrets,
          { kind: 'staff', subject: f.staff_id, scopes: ['customers:read'], publishableKeyId: f.key_id, expiresInSeconds: 900 },
          new Date(),
        );
        return { type: 'token', id: request.id, token };
      }
      case 'quiet':
        await quiet();
        return { type: 'quiet', id: request.id };
      case 'reset': {
        // What the write runs added goes, so every run starts from the same tables.
        await quiet();
        await db.query('DELETE FROM feedback WHERE product_id = $1 AND author_name = $2', [f.submit_product, BENCH_AUTHOR]);
        await db.query("DELETE FROM idempotency_keys WHERE path = '/v1/feedback' AND key LIKE 'bench-%'");
        // Each submitted review announces itself ("review awaiting moderation").
        await db.query('DELETE FROM events WHERE id > $1', [lastEventId]);
        await db.exec('VACUUM ANALYZE feedback');
        await db.exec('VACUUM ANALYZE idempotency_keys');
        await db.exec('VACUUM ANALYZE events');
        const grown: string[] = [];
        for (const [table, n] of await tableSizes(db)) {
          const before = baseline.get(table) ?? 0;
          if (n !== before) grown.push(`${table} ${n > before ? '+' : ''}${n - before}`);
        }
        return { type: 'reset', id: request.id, grown };
      }
      case 'count': {
        await quiet();
        const { rows } = await db.query<{ reviews: number; keys: number }>(
          `SELECT (SELECT count(*)::int FROM feedback WHERE kind = 'review' AND title = $1) AS reviews,
                  (SELECT count(*)::int FROM idempotency_keys WHERE key = $2) AS keys`,
          [request.title, request.key],
        );
        return { type: 'count', id: request.id, reviews: rows[0]?.reviews ?? -1, keys: rows[0]?.keys ?? -1 };
      }
      case 'close':
        await cleanup?.();
        return { type: 'closed', id: request.id };
    }
  };

  process.on('message', (message: ChildRequest) => {
    answer(message).then(
      (reply) => send(reply, () => {
        if (reply.type === 'closed') process.exit(0);
      }),
      (error: unknown) => send({ type: 'failed', id: message.id, message: error instanceof Error ? error.stack ?? error.message : String(error) }),
    );
  });
  send({ type: 'ready', fixture });
}

// The parent gone (Ctrl-C, a crash): still drop the database and the folder.
const abort = () => {
  void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(1));
};
process.on('SIGINT', abort);
process.on('SIGTERM', abort);
process.on('disconnect', () => {
  if (cleanup) abort();
});

main().catch(async (error: unknown) => {
  await cleanup?.().catch(noop);
  send({ type: 'failed', id: 0, message: error instanceof Error ? error.stack ?? error.message : String(error) }, () => process.exit(1));
});
