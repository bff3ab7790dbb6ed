// A web-test-runner plugin that runs the REAL @kith/server for a test run.
//
// serverStart seeds a template data folder once (a first start on a fresh folder: migrations
// and demo data, then a clean stop), then starts the shared server on a copy of it; every
// server waits for its `--ready-json` line. A copy reopens in ~1 s where a fresh folder takes
// 5–20 s on a busy 2-core machine. serverStop terminates every server it started. Browser
// tests talk to the servers through `executeServerCommand`:
//
//   'kith-server-info'  payload { isolated?: true } → { url, publishableKey, sampleCustomerId }
//                       `isolated` starts (once per test session, i.e. per file and browser) a
//                       server of that session's own, so a test may stop it without breaking
//                       the files that run in parallel on the shared one.
//   'kith-server-stop'  stops the session's isolated server if it has one, else the shared one.
//   'kith-server-start' starts it again on the SAME data folder and port: keys and ids stay valid.
//   'kith-closed-url'   → { url } of a loopback port where nothing listens (a "server down" URL).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
    /** @type {{ url: string, publishableKey: string, sampleCustomerId: string } | null} */
    this.info = null;
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
    this.info = { url, publishableKey: ready.demo?.publishableKey, sampleCustomerId: ready.demo?.sampleCustomerId };
    if (!this.info.publishableKey || !this.info.sampleCustomerId) {
      await this.stop();
      throw new Error(`[kith-server] ${label}: the ready line has no demo.publishableKey / demo.sampleCustomerId: ${JSON.stringify(ready)}`);
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

  return {
    name: 'kith-server',

    async serverStart() {
      template = new KithServer({ ...base, label: 'template (first start, seeds the demo data)' });
      await template.start();
      await template.stop();
      shared = new KithServer({ ...base, label: 'shared', template: template.dataDir });
      await shared.start();
    },

    async serverStop() {
      const all = [template, shared, ...isolated.values()].filter(Boolean);
      isolated.clear();
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
        case 'kith-closed-url':
          return { url: `http://127.0.0.1:${await closedPort()}` };
        default:
          return undefined;
      }
    },
  };
}
