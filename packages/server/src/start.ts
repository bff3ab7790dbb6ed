import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Hono } from 'hono';
import type { ApiKey, ApiKeyKind, Scope, TokenKind } from '@kith/schema';
import { createApp } from './app.js';
import { SigningSecrets } from './auth/signing-secrets.js';
import { mintToken } from './auth/tokens.js';
import { findApiKey } from './keys/api-keys.js';
import { createKey } from './keys/admin.js';
import type { DatabaseKind, Queryable } from './db/database.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import type { AppEnv } from './http/env.js';
import { jsonLog, type LogFormat } from './http/logger.js';
import { ensureDemo, type DemoInfo } from './seed/demo.js';
import { Services } from './services.js';
import type { SettingsOverride } from './settings.js';
import { InFlight, shutDown } from './shutdown.js';
import { watchSigningSecrets } from './ops/signing-secrets.js';

export interface StartOptions {
  /** TCP port; default 8787; 0 picks a free one. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1` (this machine only). Use `0.0.0.0` in a container. */
  host?: string;
  /** PGlite data folder (default `.kith-data/` in the working directory) or `'memory'`. */
  dataDir?: string | 'memory';
  /** PostgreSQL URL; when set, PGlite is not used. */
  databaseUrl?: string;
  /** Seed the demo shop into an empty database (default true). */
  demo?: boolean;
  /**
   * Origins allowed to use the demo publishable key; default the server's own
   * `http://localhost:<port>` and `http://127.0.0.1:<port>`. On a later start of the same
   * data they are added to the key's list.
   */
  demoOrigins?: string[];
  /** Adds routes (static files, demo settings) before the 404 handler. */
  mount?: (app: Hono<AppEnv>) => void;
  /** Log sink for start-up and request lines; default `console.log`. */
  log?: (line: string) => void;
  /**
   * `json`: one JSON object per line (request records with their fields; other lines as
   * `{ time, level, msg }`); `text`: lines for people. Default: text when standard output
   * is a terminal, else JSON.
   */
  logFormat?: LogFormat;
  /**
   * On `close()`, how long requests already running may take to finish before their
   * connections are cut (default 10 000 ms).
   */
  shutdownGraceMs?: number;
  /** Limits, retention, proxies, webhooks, jobs: see `ServerSettings`. */
  settings?: SettingsOverride;
}

/** A token to mint in process (the operator's own tooling, the demo pages). */
export interface InProcessGrant {
  kind: TokenKind;
  subject: string;
  scopes?: Scope[];
  /** The publishable key the token is bound to (`pk_…`). */
  publishableKey: string;
  /** At most 900 (the default). */
  expiresInSeconds?: number;
}

/** The demo as a running server reports it: keys, a customer to show and its account manager. */
export interface RunningDemo extends DemoInfo {
  /** The sample customer's owner (a staff user), the subject of the demo pages' staff tokens. */
  staffId: string;
}

export interface RunningServer {
  url: string;
  port: number;
  database: DatabaseKind;
  demo: RunningDemo | null;
  /**
   * Mints a token without a secret key, as `POST /v1/tokens` would: for code running in
   * the server's own process (the start script's demo pages). Never expose it unguarded.
   */
  mintToken(grant: InProcessGrant): Promise<{ token: string; expiresAt: Date }>;
  /**
   * Creates an API key as `kith-server keys create` does (audited as the operator's), for
   * tooling in the server's own process while it holds the data folder: the start script's
   * example shop gets its secret key this way when it has lost the demo's. The key is in
   * clear only in the answer.
   */
  createKey(input: { kind: ApiKeyKind; name: string; origins?: readonly string[] }): Promise<ApiKey & { key: string }>;
  /**
   * Shuts down gracefully: stops accepting connections, lets requests in flight finish
   * (up to `shutdownGraceMs`, then cuts them), ends live-event streams, stops jobs and the
   * webhook dispatcher, closes the pool or PGlite and releases the data-folder lock.
   * Idempotent: every call returns the same promise.
   */
  close(): Promise<void>;
}

/** Opens the database, migrates it, listens, seeds the demo on first start. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const write = options.log ?? ((line: string) => console.log(line));
  const format = options.logFormat ?? (process.stdout.isTTY ? 'text' : 'json');
  const log = format === 'json' ? jsonLog(write) : write;
  const started = performance.now();
  const db = await openDatabase({ databaseUrl: options.databaseUrl, dataDir: options.dataDir, log });
  let server: ReturnType<typeof createAdaptorServer> | undefined;
  let services: Services | undefined;
  try {
    const applied = await migrate(db);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);

    const signingSecrets = new SigningSecrets(db);
    // `kith-server tokens rotate|retire` on a shared PostgreSQL reaches this instance at once.
    const unlistenSecrets = await watchSigningSecrets(db, signingSecrets, log);
    services = new Services(db, { log, ...(options.settings ? { settings: options.settings } : {}) });
    await services.start();
    const app = createApp({ db, log, signingSecrets, services, ...(options.mount ? { mount: options.mount } : {}) });
    const inFlight = new InFlight();
    const http = (server = createAdaptorServer({ fetch: (request: Request, env: unknown) => inFlight.track(() => app.fetch(request, env)) }));
    const host = options.host ?? '127.0.0.1';
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 8787, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
    const port = (http.address() as AddressInfo).port;
    const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

    let demo: RunningDemo | null = null;
    if (options.demo !== false) {
      const seeding = performance.now();
      const origins = options.demoOrigins ?? [];
      const seeded = await ensureDemo(db, { origins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`, ...origins] });
      demo = seeded && { ...seeded, staffId: await ownerOf(db, seeded.sampleCustomerId) };
      if (demo?.secretKey) log(`demo data seeded in ${Math.round(performance.now() - seeding)} ms`);
    }

    const running = services;
    let closing: Promise<void> | undefined;
    const close = () =>
      (closing ??= shutDown({
        http,
        inFlight,
        graceMs: options.shutdownGraceMs ?? 10_000,
        log,
        stopBackground: async () => {
          await running.close();
          await unlistenSecrets();
        },
        closeDatabase: () => db.close(),
      }));
    log(`listening on http://${shownHost}:${port} (${db.kind}) after ${Math.round(performance.now() - started)} ms`);
    const mint = async (grant: InProcessGrant) => {
      const key = await findApiKey(db, grant.publishableKey);
      if (!key || key.kind !== 'publishable' || key.revokedAt) throw new Error('mintToken: not an active publishable key');
      const { kind, subject, scopes = [], expiresInSeconds = 900 } = grant;
      return mintToken(signingSecrets, { kind, subject, scopes, publishableKeyId: key.id, expiresInSeconds }, new Date());
    };
    const create = (input: { kind: ApiKeyKind; name: string; origins?: readonly string[] }) =>
      db.transaction((tx) => createKey(tx, 'cli', input, new Date()));
    return { url: `http://${shownHost}:${port}`, port, database: db.kind, demo, mintToken: mint, createKey: create, close };
  } catch (error) {
    server?.close();
    await services?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/** The staff user who owns a customer (or the first manager when it has no owner). */
async function ownerOf(db: Queryable, customerId: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT COALESCE((SELECT owner_id FROM customers WHERE id = $1),
                     (SELECT id FROM staff WHERE role = 'manager' ORDER BY created_at, id LIMIT 1)) AS id`,
    [customerId],
  );
  const id = rows[0]?.id;
  if (!id) throw new Error('the demo has no staff user');
  return id;
}
