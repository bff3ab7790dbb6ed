// A web-test-runner plugin that runs the REAL @kith/server for a test run.
//
// serverStart seeds a template data folder once (a first start on a fresh folder: migrations
// and demo data, then a clean stop), then starts the shared server on a copy of it; every
// server waits for its `--ready-json` line. A copy reopens in ~1 s where a fresh folder takes
// 5–20 s on a busy 2-core machine. serverStop terminates every server it started. Browser
// tests talk to the servers through `executeServerCommand`:
//
//   'kith-server-info'  payload { isolated?: true } → { url, publishableKey, sampleCustomerId, staffId,
//                       sampleProductId, sampleProductSku, purchasedProductId } (see KithServerInfo)
//                       `isolated` starts (once per test session, i.e. per file and browser) a
//                       server of that session's own, so a test may stop it without breaking
//                       the files that run in parallel on the shared one.
//   'kith-server-stop'  stops the session's isolated server if it has one, else the shared one.
//   'kith-server-start' starts it again on the SAME data folder and port: keys and ids stay valid.
//   'kith-closed-url'   → { url } of a loopback port where nothing listens (a "server down" URL).
//   'kith-fault-proxy'  payload { mode, retryAfterSeconds? } → { url, mode, forwarded, dropped, refused, limited }:
//                       the session's fault-injecting proxy (test/support/fault-proxy.mjs, started on
//                       first use) in front of the server the session uses, switched to `mode`
//                       ('pass' | 'down' | 'drop-answer-once' | 'rate-limit-once'); without `mode`
//                       it only reports the counts since the last switch.
//   'kith-token'        payload { kind: 'staff' | 'customer', subject?, scopes?, expiresInSeconds? }
//                       → { token, expiresAt }: minted by `POST /v1/tokens` with the demo secret
//                       key on the server the session uses (its isolated one, else the shared
//                       one), bound to the demo publishable key, as a shop's backend would.
//                       Default subject: staff → the sample customer's owner (`staffId`),
//                       customer → the sample customer. Default scopes for staff:
//                       ['customers:read'] (pass [] for none). The secret key never reaches
//                       the browser: it is printed once, by the template's first start, and
//                       every server runs on a copy of that data folder, so it stays valid.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startFaultProxy } from './fault-proxy.mjs';

const READY_TIMEOUT_MS = Number(process.env.KITH_SERVER_READY_TIMEOUT_MS) || 60_000;

/** One server process and the data folder it keeps across restarts. */
class KithServer {
  /** @param {{ entry: string, cwd: string, demoOrigin: string, label: string, template?: string }} options */
  constructor(options) {
    this.options = options;
    this.dataDir = mkdtempSync(join(tmpdir(), 'kith-wtr-'));
    if (options.template) cpSync(options.template, this.dataDir, { recursive: true });
    /** @type {import('node:child_process').ChildProcess | null} */
    this.child = null;
    /** The `KithServerInfo` of test/support/server-commands.ts. @type {Record<string, string> | null} */
    this.info = null;
    /** The demo secret key, printed on the first start of a data folder only. @type {string | null} */
    this.secretKey = null;
    this.port = 0;
  }

  get running() {
    return this.child !== null;
  }

  async start() {
    if (this.child) return this.info;
    const { entry, cwd, demoOrigin, label } = this.options;
    const args = ['--conditions=kith-source', '--import', 'tsx', entry, '--port', String(this.port),
      '--data-dir', this.dataDir, '--demo-origin', demoOrigin, '--ready-json'];
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } });
    this.child = child;
    let stderr = '';
    let stdout = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (process.env.KITH_SERVER_LOG) process.stderr.write(`[${label}] ${chunk}`);
    });
    child.stdout.setEncoding('utf8');
    const tail = () => (stderr.trim() ? `\n--- server stderr ---\n${stderr.trim().slice(-4000)}` : '\n(the server wrote nothing to stderr)');

    const ready = await new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => {
        fail(new Error(`[kith-server] ${label}: no ready line within ${READY_TIMEOUT_MS} ms from \`node ${args.join(' ')}\`${tail()}`));
      }, READY_TIMEOUT_MS);
      const fail = (error) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        this.child = null;
        reject(error);
      };
      child.once('error', (error) => fail(new Error(`[kith-server] ${label}: could not spawn node: ${error.message}`)));
      child.once('exit', (code, signal) => {
        // Before the ready line this is a failed start; after it, a crash (or our own stop).
        clearTimeout(timer);
        if (this.child === child) this.child = null;
        reject(new Error(`[kith-server] ${label}: exited (${signal ?? code}) before it was ready${tail()}`));
      });
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        let newline;
        while ((newline = stdout.indexOf('\n')) >= 0) {
          const line = stdout.slice(0, newline).trim();
          stdout = stdout.slice(newline + 1);
          if (!line.startsWith('{')) continue;
          try {
            const parsed = JSON.parse(line);
            if (parsed && parsed.ready === true) {
              clearTimeout(timer);
              resolvePromise(parsed);
            }
          } catch {
            // a log line that happens to start with "{": not the ready line
          }
        }
      });
    });
    const url = String(ready.url).replace(/\/+$/, '');
    this.port = Number(new URL(url).port);
    const demo = ready.demo ?? {};
    this.info = {
      url, publishableKey: demo.publishableKey, sampleCustomerId: demo.sampleCustomerId, staffId: demo.staffId,
      sampleProductId: demo.sampleProductId, sampleProductSku: demo.sampleProductSku, purchasedProductId: demo.purchasedProductId,
    };
    this.secretKey ??= demo.secretKey ?? null;
    const missing = Object.entries(this.info).filter(([, value]) => !value).map(([name]) => name);
    if (missing.length) {
      await this.stop();
      const shown = { ...ready, demo: { ...demo, secretKey: demo.secretKey ? '(hidden)' : demo.secretKey } };
      throw new Error(`[kith-server] ${label}: the ready line's demo has no ${missing.join(' / ')}: ${JSON.stringify(shown)}`);
    }
    return this.info;
  }

  async stop() {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolvePromise) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolvePromise();
      });
      child.kill('SIGTERM');
    });
  }

  async dispose() {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * Mints a token on `server` through `POST /v1/tokens` with the secret key, as a shop's own
 * backend does after its sign-in (no Origin: a server-to-server call).
 * @param {KithServer} server
 * @param {string} secretKey
 * @param {{ kind?: string, subject?: string, scopes?: string[], expiresInSeconds?: number }} payload
 */
async function mintToken(server, secretKey, payload) {
  if (!server.info || !server.running) throw new Error('[kith-server] kith-token: the server of this session is stopped');
  const { kind, subject, scopes, expiresInSeconds } = payload ?? {};
  if (kind !== 'staff' && kind !== 'customer') throw new Error(`[kith-server] kith-token: kind must be "staff" or "customer", got ${JSON.stringify(kind)}`);
  const body = {
    kind,
    subject: subject ?? (kind === 'staff' ? server.info.staffId : server.info.sampleCustomerId),
    publishableKey: server.info.publishableKey,
    ...(kind === 'staff' ? { scopes: scopes ?? ['customers:read'] } : scopes ? { scopes } : {}),
    ...(expiresInSeconds ? { expiresInSeconds } : {}),
  };
  const response = await fetch(`${server.info.url}/v1/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => null);
  if (response.status !== 201 || typeof answer?.token !== 'string') {
    throw new Error(`[kith-server] kith-token: POST /v1/tokens answered ${response.status}: ${JSON.stringify(answer?.error ?? answer)}`);
  }
  return { token: answer.token, expiresAt: answer.expiresAt };
}

/** A loopback port that was free a moment ago and has nothing listening on it now. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolvePromise) => server.listen(0, '127.0.0.1', resolvePromise));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolvePromise) => server.close(resolvePromise));
  return port;
}

/**
 * @param {{ demoOrigin: string, entry?: string, cwd?: string }} options
 * @returns {import('@web/test-runner').TestRunnerPlugin}
 */
export function kithServerPlugin({ demoOrigin, entry = process.env.KITH_SERVER_ENTRY || 'packages/server/src/bin.ts', cwd = process.cwd() }) {
  const base = { entry: resolve(cwd, entry), cwd, demoOrigin };
  /** @type {KithServer | null} */
  let template = null;
  /** @type {KithServer | null} */
  let shared = null;
  /** @type {Map<string, KithServer>} session id → its isolated server */
  const isolated = new Map();
  const serverOf = (sessionId) => isolated.get(sessionId) ?? shared;
  /** @type {Map<string, Promise<Awaited<ReturnType<typeof startFaultProxy>>>>} session id → its fault proxy */
  const proxies = new Map();

  return {
    name: 'kith-server',

    async serverStart() {
      template = new KithServer({ ...base, label: 'template (first start, seeds the demo data)' });
      await template.start();
      await template.stop();
      if (!template.secretKey) throw new Error('[kith-server] the first start printed no demo.secretKey: tokens cannot be minted');
      shared = new KithServer({ ...base, label: 'shared', template: template.dataDir });
      await shared.start();
    },

    async serverStop() {
      const all = [template, shared, ...isolated.values()].filter(Boolean);
      isolated.clear();
      const started = [...proxies.values()];
      proxies.clear();
      await Promise.all(started.map(async (proxy) => (await proxy).close()));
      await Promise.all(all.map((server) => server.dispose()));
    },

    async executeCommand({ command, payload, session }) {
      switch (command) {
        case 'kith-server-info': {
          if (payload && payload.isolated) {
            let server = isolated.get(session.id);
            if (!server) {
              server = new KithServer({ ...base, label: `isolated ${session.browser.name} ${session.testFile}`, template: template.dataDir });
              isolated.set(session.id, server);
            }
            return await server.start();
          }
          if (!shared) throw new Error('[kith-server] the shared server is not started');
          return shared.info ?? (await shared.start());
        }
        case 'kith-server-stop':
          await serverOf(session.id)?.stop();
          return true;
        case 'kith-server-start':
          await serverOf(session.id)?.start();
          return true;
        case 'kith-token': {
          const server = serverOf(session.id);
          if (!server || !template?.secretKey) throw new Error('[kith-server] kith-token: no server or no secret key');
          return await mintToken(server, template.secretKey, payload);
        }
        case 'kith-closed-url':
          return { url: `http://127.0.0.1:${await closedPort()}` };
        case 'kith-fault-proxy': {
          let started = proxies.get(session.id);
          if (!started) {
            const target = () => {
              const url = serverOf(session.id)?.info?.url;
              if (!url) throw new Error('[kith-server] kith-fault-proxy: the session has no server');
              return url;
            };
            started = startFaultProxy({ target });
            proxies.set(session.id, started);
          }
          const proxy = await started;
          if (payload?.mode !== undefined) proxy.setMode(payload.mode, { retryAfterSeconds: payload.retryAfterSeconds });
          return { url: proxy.url, mode: proxy.mode, ...proxy.stats() };
        }
        default:
          return undefined;
      }
    },
  };
}
