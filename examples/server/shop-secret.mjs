// The example sites' backends hold a SECRET key, as a real shop's server holds its own (in its
// environment, never in a page). Where this one comes from, in order:
//   1. KITH_EXAMPLES_SECRET_KEY in the environment;
//   2. `example-sites.secret` in the data folder, written on an earlier start;
//   3. the demo's secret key, shown only on the start that seeded it — then saved as in 2;
//   4. a new key, created in process as `kith-server keys create` would (saved as in 2; on
//      PostgreSQL, where there is no data folder, revoked again when the server stops).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = 'example-sites.secret';

/** Whether Kith accepts the key (a data folder may have been reset under a saved one). */
async function works(kithUrl, key) {
  const response = await fetch(`${kithUrl}/v1/keys?kind=secret`, { headers: { authorization: `Bearer ${key}` } });
  return response.ok;
}

/**
 * @param {{ running: import('@kith/server').RunningServer, dataDir: string | null }} options
 * @returns {Promise<{ key: string, release: () => Promise<void> }>}
 */
export async function shopSecretKey({ running, dataDir }) {
  const none = async () => {};
  const fromEnv = process.env.KITH_EXAMPLES_SECRET_KEY;
  if (fromEnv) return { key: fromEnv, release: none };
  const file = dataDir ? join(dataDir, FILE) : null;
  const save = (key) => file && writeFileSync(file, `${key}\n`, { mode: 0o600 });
  if (file && existsSync(file)) {
    const saved = readFileSync(file, 'utf8').trim();
    if (await works(running.url, saved)) return { key: saved, release: none };
  }
  if (running.demo?.secretKey) {
    save(running.demo.secretKey);
    return { key: running.demo.secretKey, release: none };
  }
  const created = await running.createKey({ kind: 'secret', name: 'Example sites' });
  save(created.key);
  // PostgreSQL: nowhere to keep it, so a key per start, revoked at the end.
  const release = file ? none : () => fetch(`${running.url}/v1/keys/${created.id}/revoke`, { method: 'POST', headers: { authorization: `Bearer ${created.key}` } }).then(() => undefined);
  return { key: created.key, release };
}
