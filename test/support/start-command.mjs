// The README's start command as the Node page tests run it: the built server on a free port, a
// fresh data folder, demo data; its URL and demo keys read from what it prints (as a newcomer
// reads them); `examplesUrl` is the example sites' origin. `api` is a shop's backend calling it with the secret key (no Origin: not a browser).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

/**
 * Starts `scripts/start.mjs`; resolves once it has printed its URLs and demo keys. `stop()`
 * removes the fresh data folder unless `keep`; with `dataDir`, a later start of that folder (the
 * demo's secret key is printed only on the first: `secretKey` and `api` are then null), which
 * `stop()` leaves in place.
 */
export async function startCommand(prefix = 'kith-start-', options = {}) {
  const again = options.dataDir !== undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), prefix));
  const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    }
    if (!again && !options.keep) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    const url = /Kith is running at (http:\/\/\S+?)\/ /.exec(output)?.[1];
    const publishableKey = /demo publishable key: (pk_\S+)/.exec(output)?.[1];
    const secretKey = /demo secret key[^:]*: (sk_\S+)/.exec(output)?.[1];
    // The example sites, on their own origin (another port).
    const examplesUrl = /Examples at (http:\/\/\S+?)\/ /.exec(output)?.[1];
    if (url && publishableKey && (secretKey || again) && examplesUrl) {
      const api = async (method, path, body) => {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: { authorization: `Bearer ${secretKey}`, ...(body ? { 'content-type': 'application/json' } : {}) },
          body: body ? JSON.stringify(body) : undefined,
        });
        const json = await response.json();
        assert.ok(response.ok, `${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
        return json;
      };
      /** Lets a page of another origin use the demo publishable key (the key admin API, as a shop would). */
      const allowOrigin = async (origin) => {
        const key = (await api('GET', '/v1/keys?kind=publishable')).items.find((k) => publishableKey.startsWith(k.prefix));
        assert.ok(key, 'the demo publishable key is listed');
        await api('PUT', `/v1/keys/${key.id}/origins`, { origins: [...key.origins, origin] });
      };
      return { url, origin: new URL(url).origin, examplesUrl, dataDir, publishableKey, secretKey: secretKey ?? null, api: secretKey ? api : null, allowOrigin, stop, output: () => output };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`the start command did not print its URL and demo keys:\n${output}`);
}
