// `kith-server`: help and usage errors from the real bin (spawned), SIGTERM, and the key and
// token commands run in process on a temporary PGlite folder (and on PostgreSQL with a
// server running, which must follow a rotation at once).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { ApiKey, type AuditPage } from '@kith/schema';
import { LOCK_FILE } from '../db/lock.js';
import { startServer, type RunningServer } from '../start.js';
import { closeAll, POSTGRES_URL, postgresUrl } from '../test-support/database.js';
import { must } from '../util/must.js';
import { main } from './main.js';

const BIN = fileURLToPath(new URL('../bin.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'kith-cli-test-'));
  dirs.push(dir);
  return dir;
};
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
after(closeAll);
const quiet = () => {};

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns the bin in an empty working directory without the operator's environment, so a
 * command that wrongly went ahead would leave a `.kith-data` folder behind.
 */
function spawnBin(args: string[], env: Record<string, string> = {}, cwd = tempDir()) {
  const rest = Object.fromEntries(Object.entries(process.env).filter(([name]) => !['DATABASE_URL', 'KITH_DATA_DIR', 'PORT', 'KITH_LOG_FORMAT'].includes(name)));
  return spawn(process.execPath, ['--conditions=kith-source', '--import', TSX, BIN, ...args], { cwd, env: { ...rest, ...env } });
}

function run(args: string[], env: Record<string, string> = {}): Promise<Ran & { cwd: string }> {
  const cwd = tempDir();
  const child = spawnBin(args, env, cwd);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr, cwd })));
}

/** Runs in batches of three: the machine running the tests may be small. */
async function runAll(cases: { args: string[]; env?: Record<string, string> }[]): Promise<(Ran & { cwd: string })[]> {
  const results: (Ran & { cwd: string })[] = [];
  for (let i = 0; i < cases.length; i += 3) {
    results.push(...(await Promise.all(cases.slice(i, i + 3).map((c) => run(c.args, c.env)))));
  }
  return results;
}

/** `main()` in process, with its output captured. */
async function cli(args: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (line) => out.push(line), err: (line) => err.push(line), env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kith-server (the bin)', () => {
  test('--help lists every command; each command has its own --help; exit code 0', async () => {
    const [help, keys, tokens, start] = await runAll([{ args: ['--help'] }, { args: ['keys', '--help'] }, { args: ['help', 'tokens'] }, { args: ['start', '-h'] }]);
    assert.equal(help?.code, 0, help?.stderr);
    for (const command of ['start', 'keys create|list|revoke', 'tokens rotate|retire', 'backup <file>', 'restore <file>', 'migrate-to-postgres <url>']) {
      assert.ok(help?.stdout.includes(command), command);
    }
    assert.equal(keys?.code, 0);
    assert.match(keys?.stdout ?? '', /keys create --kind publishable\|secret --name NAME/);
    assert.equal(tokens?.code, 0);
    assert.match(tokens?.stdout ?? '', /stay\s+valid until they expire/);
    assert.equal(start?.code, 0);
    for (const flag of ['--trusted-proxy-hops', 'KITH_TRUSTED_PROXY_HOPS', '--allowed-origin', '--no-demo', '--log-format', 'KITH_RETENTION_IDEMPOTENCY_DAYS']) {
      assert.ok(start?.stdout.includes(flag), flag);
    }
  });

  test('bad flags and arguments: a clear message, the usage, exit code 2, nothing opened', async () => {
    const cases: { args: string[]; env?: Record<string, string>; says: RegExp }[] = [
      { args: ['--bogus'], says: /Unknown option '--bogus'/ },
      { args: ['nope'], says: /Unknown command "nope"/ },
      { args: ['--port', 'abc'], says: /--port must be a whole number/ },
      { args: ['--trusted-proxy-hops', '-1'], says: /trusted-proxy-hops/ },
      { args: [], env: { KITH_RATE_LIMIT_PER_KEY: 'lots' }, says: /KITH_RATE_LIMIT_PER_KEY must be a whole number/ },
      { args: ['start', '--log-format', 'xml'], says: /--log-format must be json or text/ },
      { args: ['--data-dir', 'x'], env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, says: /Both --data-dir and DATABASE_URL/ },
      { args: ['keys'], says: /keys needs an action/ },
      { args: ['keys', 'create', '--kind', 'root', '--name', 'n'], says: /--kind publishable or --kind secret/ },
      { args: ['keys', 'create', '--kind', 'secret'], says: /needs --name/ },
      { args: ['keys', 'create', '--kind', 'secret', '--name', 'n', '--origin', 'https://shop.example'], says: /A secret key has no origins/ },
      { args: ['keys', 'create', '--kind', 'publishable', '--name', 'n', '--origin', 'shop.example'], says: /is not an origin/ },
      { args: ['keys', 'revoke'], says: /one key id or prefix/ },
      { args: ['tokens', 'spin'], says: /Unknown tokens action "spin"/ },
      { args: ['backup'], says: /backup takes one file name/ },
      { args: ['backup', 'x.tgz'], env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' }, says: /use pg_dump/ },
      { args: ['restore', 'a', 'b'], says: /restore takes one file name/ },
      { args: ['migrate-to-postgres', 'mysql://x'], says: /postgres:\/\/ or postgresql:\/\// },
    ];
    const results = await runAll(cases);
    for (const [i, result] of results.entries()) {
      const { args, says } = must(cases[i], 'case');
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, says, args.join(' '));
      assert.match(result.stderr, /Usage:\s+kith-server/, `${args.join(' ')} prints the usage`);
      assert.equal(result.stdout, '', args.join(' '));
      assert.deepEqual(readdirSync(result.cwd), [], `${args.join(' ')} created nothing`);
    }
  });

  test('SIGTERM: a graceful exit 0, JSON logs off a terminal, the folder lock released', async () => {
    const dataDir = tempDir();
    const child = spawnBin(['--data-dir', dataDir, '--port', '0', '--no-demo', '--ready-json']);
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const ready = await new Promise<{ url: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve(JSON.parse(stdout) as { url: string });
      });
      void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    assert.ok(existsSync(join(dataDir, LOCK_FILE)));
    assert.equal((await fetch(`${ready.url}/v1/health`)).status, 200);
    child.kill('SIGTERM');
    assert.equal(await exited, 0, stderr);
    assert.equal(existsSync(join(dataDir, LOCK_FILE)), false, 'the lock is released');
    const lines = stderr.trim().split('\n').filter((line) => line.startsWith('{'));
    assert.ok(lines.length >= 3);
    const records = lines.map((line) => JSON.parse(line) as { msg: string; path?: string });
    assert.ok(records.some((r) => r.msg === 'request' && r.path === '/v1/health'));
    assert.ok(records.some((r) => r.msg === 'shut down'));
  });
});

describe('keys and tokens commands on a PGlite folder', () => {
  test('keys create | list | revoke; a server started afterwards refuses the revoked key', async () => {
    const dataDir = tempDir();
    const first = await startServer({ port: 0, dataDir, log: quiet });
    const demoSecret = must(first.demo?.secretKey, 'the demo secret key');
    await first.close();

    const created = await cli(['keys', 'create', '--kind', 'secret', '--name', 'ERP sync', '--data-dir', dataDir]);
    assert.equal(created.code, 0, created.err);
    const secretKey = created.out;
    assert.match(secretKey, /^sk_live_[0-9a-f]{32}$/, 'only the key on standard output');
    assert.match(created.err, /shown this once/);
    const pk = await cli(['keys', 'create', '--kind', 'publishable', '--name', 'Shop', '--origin', 'https://shop.example', '--json', '--data-dir', dataDir]);
    const publishable = JSON.parse(pk.out) as ApiKey & { key: string };

    const listed = await cli(['keys', 'list', '--json', '--data-dir', dataDir]);
    assert.equal(listed.code, 0);
    const keys = z.array(ApiKey).parse(JSON.parse(listed.out));
    assert.ok(!listed.out.includes(secretKey) && !listed.out.includes(demoSecret) && !listed.out.includes(publishable.key), 'never a key');
    const erp = must(keys.find((k) => k.name === 'ERP sync'), 'the new key');
    assert.equal(erp.prefix, secretKey.slice(0, 12));
    const text = await cli(['keys', 'list', '--data-dir', dataDir]);
    assert.match(text.out, /ERP sync/);

    const revoked = await cli(['keys', 'revoke', erp.prefix, '--data-dir', dataDir]);
    assert.equal(revoked.code, 0, revoked.err);
    assert.match(revoked.err, /Revoked secret key sk_live_/);
    assert.equal((await cli(['keys', 'revoke', erp.id, '--data-dir', dataDir])).code, 0, 'revoking twice is fine');
    const unknown = await cli(['keys', 'revoke', 'sk_live_zzzz', '--data-dir', dataDir]);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /No API key has the id or prefix/);

    const server = await startServer({ port: 0, dataDir, log: quiet });
    try {
      const get = (key: string, origin?: string) => fetch(`${server.url}/v1/keys`, { headers: { authorization: `Bearer ${key}`, ...(origin ? { origin } : {}) } });
      assert.equal((await get(secretKey)).status, 401, 'the revoked key is refused');
      const audit = (await (await fetch(`${server.url}/v1/audit?entity=api_key&entityId=${erp.id}`, { headers: { authorization: `Bearer ${demoSecret}` } })).json()) as AuditPage;
      assert.deepEqual(audit.items.map((item) => [item.action, item.actor.kind, item.actor.id]).sort(), [['api_key.create', 'system', 'cli'], ['api_key.revoke', 'system', 'cli']]);
      const aggregate = await fetch(`${server.url}/v1/loyalty/program`, { headers: { authorization: `Bearer ${publishable.key}`, origin: 'https://shop.example' } });
      assert.equal(aggregate.status, 200, 'the publishable key works from its origin');
      await server.mintToken({ kind: 'customer', subject: must(server.demo, 'demo').sampleCustomerId, publishableKey: must(server.demo, 'demo').publishableKey });
    } finally {
      await server.close();
    }

    // Token secrets: rotate, then retire only once tokens signed before can have expired.
    const rotated = await cli(['tokens', 'rotate', '--data-dir', dataDir]);
    assert.equal(rotated.code, 0, rotated.err);
    assert.match(rotated.err, /stay valid until they expire/);
    const early = await cli(['tokens', 'retire', '--data-dir', dataDir]);
    assert.equal(early.code, 1);
    assert.match(early.err, /may still be valid until/);
    const forced = await cli(['tokens', 'retire', '--force', '--data-dir', dataDir]);
    assert.equal(forced.code, 0, forced.err);
    assert.match(forced.err, /Retired k/);
    assert.match((await cli(['tokens', 'retire', '--data-dir', dataDir])).err, /Nothing to retire/);
  });

  test('a folder without a database is refused, and not created', async () => {
    const missing = join(tempDir(), 'typo');
    for (const args of [['keys', 'list'], ['tokens', 'rotate'], ['backup', join(tempDir(), 'x.tgz')], ['migrate-to-postgres', 'postgres://nobody@127.0.0.1:1/none']]) {
      const result = await cli([...args, '--data-dir', missing]);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.err, /no (Kith|PGlite) database|not a PGlite data folder/i, args.join(' '));
      assert.equal(existsSync(missing), false, `${args.join(' ')} created nothing`);
    }
  });
});

describe('tokens commands with a server running on PostgreSQL', { skip: POSTGRES_URL ? false : 'KITH_TEST_DATABASE_URL not set' }, () => {
  test('rotate: the running server signs with the new secret at once; retire --force: old tokens refused', async () => {
    const databaseUrl = await postgresUrl();
    const server: RunningServer = await startServer({ port: 0, databaseUrl, log: quiet });
    try {
      const demo = must(server.demo, 'the demo');
      const mint = () => server.mintToken({ kind: 'customer', subject: demo.sampleCustomerId, publishableKey: demo.publishableKey });
      const kid = (token: string) => (JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { kid: string }).kid;
      const read = (token: string) => fetch(`${server.url}/v1/customers/${demo.sampleCustomerId}/loyalty`, { headers: { authorization: `Bearer ${token}` } });
      const before = (await mint()).token;
      assert.equal((await read(before)).status, 200);

      const rotated = await cli(['tokens', 'rotate'], { DATABASE_URL: databaseUrl });
      assert.equal(rotated.code, 0, rotated.err);
      assert.match(rotated.err, new RegExp(`${kid(before)} still verifies`));
      const newKid = rotated.out;
      const deadline = Date.now() + 3_000;
      let now = (await mint()).token;
      while (kid(now) !== newKid && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        now = (await mint()).token;
      }
      assert.equal(kid(now), newKid, 'the server follows the rotation without a restart');
      assert.equal((await read(before)).status, 200, 'a token signed before stays valid');

      assert.equal((await cli(['tokens', 'retire'], { DATABASE_URL: databaseUrl })).code, 1, 'too soon');
      assert.equal((await cli(['tokens', 'retire', '--force'], { DATABASE_URL: databaseUrl })).code, 0);
      let status = 200;
      const until = Date.now() + 3_000;
      while (status === 200 && Date.now() < until) {
        status = (await read(before)).status;
        if (status === 200) await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.equal(status, 401, 'a token of a retired secret is refused');
      assert.equal((await read(now)).status, 200);
    } finally {
      await server.close();
    }
  });
});
