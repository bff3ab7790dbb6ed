import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { Customer } from '@kith/schema';
import type { AppEnv } from './http/env.js';
import { must } from './util/must.js';
import { closeAll, POSTGRES_URL, postgresUrl } from './test-support/database.js';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './db/lock.js';
import { startServer } from './start.js';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-server-test-'));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
after(closeAll);
const quiet = () => {};

describe('startServer on a PGlite data folder, over real HTTP', () => {
  test('first start seeds; a second process is refused; a restart keeps the demo', async (t) => {
    const dataDir = tempDir();
    let started = performance.now();
    const server = await startServer({ port: 0, dataDir, log: quiet });
    t.diagnostic(`first start with demo seed in a data folder: ${Math.round(performance.now() - started)} ms`);
    assert.equal(server.database, 'pglite');
    assert.ok(server.demo?.secretKey, 'the secret key is shown on the first start');
    const demo = server.demo;
    try {
      const health = await fetch(`${server.url}/v1/health`);
      assert.equal(health.status, 200);
      // A staff token minted in process (as the start script's demo pages do), used from the server's own origin.
      const { token } = await server.mintToken({ kind: 'staff', subject: demo.staffId, scopes: ['customers:read'], publishableKey: demo.publishableKey });
      const response = await fetch(`${server.url}/v1/customers/${demo.sampleCustomerId}`, {
        headers: { authorization: `Bearer ${token}`, origin: server.url.replace('127.0.0.1', 'localhost') },
      });
      assert.equal(response.status, 200);
      assert.ok(Customer.safeParse(await response.json()).success);
      assert.equal((await fetch(`${server.url}/v1/nope`)).status, 404);

      // The folder is locked while the server runs: a second open fails clearly, early.
      await assert.rejects(startServer({ port: 0, dataDir, log: quiet }), (error: unknown) => {
        assert.ok(error instanceof DataDirLockedError);
        assert.match(error.message, /is in use by another Kith server/);
        return true;
      });
    } finally {
      await server.close();
    }
    assert.equal(existsSync(join(dataDir, LOCK_FILE)), false, 'close() releases the lock');

    started = performance.now();
    const again = await startServer({ port: 0, dataDir, log: quiet, demoOrigins: ['http://localhost:9999'] });
    t.diagnostic(`restart of the data folder: ${Math.round(performance.now() - started)} ms`);
    try {
      assert.deepEqual(again.demo, { ...demo, secretKey: null });
      // Tokens minted after a restart verify with the signing secret kept in the data folder.
      const { token } = await again.mintToken({ kind: 'staff', subject: demo.staffId, scopes: ['customers:read'], publishableKey: demo.publishableKey });
      const response = await fetch(`${again.url}/v1/customers/${demo.sampleCustomerId}`, {
        headers: { authorization: `Bearer ${token}`, origin: 'http://localhost:9999' },
      });
      assert.equal(response.status, 200, 'demoOrigins of a later start are added to the key');
    } finally {
      await again.close();
    }
  });

  test('an in-memory start with --no-demo has no demo', async (t) => {
    const started = performance.now();
    const server = await startServer({ port: 0, dataDir: 'memory', demo: false, log: quiet });
    t.diagnostic(`in-memory start without demo: ${Math.round(performance.now() - started)} ms`);
    try {
      assert.equal(server.demo, null);
      assert.equal((await fetch(`${server.url}/v1/health`)).status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('startServer on PostgreSQL', { skip: POSTGRES_URL ? false : 'KITH_TEST_DATABASE_URL not set' }, () => {
  test('migrates, seeds and serves by DATABASE_URL', async (t) => {
    const databaseUrl = await postgresUrl();
    const started = performance.now();
    const server = await startServer({ port: 0, databaseUrl, log: quiet });
    t.diagnostic(`first start with demo seed on PostgreSQL: ${Math.round(performance.now() - started)} ms`);
    try {
      assert.equal(server.database, 'postgres');
      const health = (await (await fetch(`${server.url}/v1/health`)).json()) as { database: string };
      assert.equal(health.database, 'postgres');
      const demo = server.demo;
      assert.ok(demo?.secretKey);
      const response = await fetch(`${server.url}/v1/customers/${demo.sampleCustomerId}`, { headers: { authorization: `Bearer ${demo.secretKey}` } });
      assert.equal(response.status, 200);
    } finally {
      await server.close();
    }
  });
});

describe('graceful shutdown', () => {
  /** A route that waits until the test lets it answer. */
  const gate = () => {
    let release!: () => void;
    let entered!: () => void;
    const open = new Promise<void>((resolve) => (release = resolve));
    const inside = new Promise<void>((resolve) => (entered = resolve));
    return { release, inside, mount: (app: Hono<AppEnv>) => app.get('/test/slow', async (c) => (entered(), await open, c.json({ done: true }))) };
  };

  test('close() lets a request in flight finish and refuses new connections; JSON logs', async () => {
    const slow = gate();
    const lines: string[] = [];
    const server = await startServer({ port: 0, dataDir: 'memory', demo: false, log: (line) => lines.push(line), logFormat: 'json', mount: slow.mount });
    const answer = fetch(`${server.url}/test/slow`);
    await slow.inside;
    let closed = false;
    const closing = server.close().then(() => (closed = true));
    await assert.rejects(fetch(`${server.url}/v1/health`), 'no new connections while closing');
    assert.equal(closed, false, 'close() waits for the request in flight');
    slow.release();
    const response = await answer;
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { done: true });
    await closing;
    assert.strictEqual(server.close(), server.close(), 'close() is idempotent');

    const records = lines.map((line) => JSON.parse(line) as { level: string; msg: string; path?: string; status?: number });
    assert.ok(records.some((r) => r.msg === 'request' && r.path === '/test/slow' && r.status === 200));
    assert.ok(records.some((r) => r.msg.startsWith('listening on')), 'start-up lines are JSON too');
    assert.equal(records.at(-1)?.msg, 'shut down');
  });

  test('a request still running after the grace period is cut; close() resolves within seconds', async () => {
    const slow = gate();
    const server = await startServer({ port: 0, dataDir: 'memory', demo: false, log: quiet, shutdownGraceMs: 200, mount: slow.mount });
    const answer = fetch(`${server.url}/test/slow`);
    await slow.inside;
    const started = performance.now();
    await server.close();
    assert.ok(performance.now() - started < 5_000, 'within seconds');
    await assert.rejects(answer, 'the connection was cut');
    slow.release();
  });

  test('an open live-event stream ends and close() resolves', async () => {
    const server = await startServer({ port: 0, dataDir: 'memory', log: quiet });
    try {
      const secretKey = must(server.demo?.secretKey, 'the demo secret key');
      const response = await fetch(`${server.url}/v1/events?topic=inbox`, { headers: { authorization: `Bearer ${secretKey}`, accept: 'text/event-stream' } });
      assert.equal(response.status, 200);
      const reader = must(response.body, 'a stream').getReader();
      const read = (async () => {
        let text = '';
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return text;
          text += Buffer.from(value).toString();
        }
      })();
      const started = performance.now();
      await server.close();
      assert.ok(performance.now() - started < 5_000, 'close() did not wait for the grace period');
      const text = await read;
      assert.match(text, /server_closing/, 'the stream says why it ends');
    } finally {
      await server.close();
    }
  });
});

describe('the data-folder lock', () => {
  test('is exclusive within a process too', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    release();
    lockDataDir(dir)();
  });

  test('a lock held by another live process is refused with its pid', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), `${process.ppid}\n`);
    assert.throws(() => lockDataDir(dir), (error: unknown) => error instanceof DataDirLockedError && error.pid === process.ppid);
  });

  test('a stale lock (its process is gone) is taken over', () => {
    const dir = tempDir();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(join(dir, LOCK_FILE), `${gone.stdout}\n`);
    const release = lockDataDir(dir);
    assert.equal(readFileSync(join(dir, LOCK_FILE), 'utf8').trim(), String(process.pid));
    release();
    assert.equal(existsSync(join(dir, LOCK_FILE)), false);
  });
});
