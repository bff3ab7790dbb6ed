// Starts `server-child.ts` for one database (TypeScript sources through tsx, as the tests
// run them) and talks to it over IPC: see protocol.ts for the messages.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./server-child.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Forks the servers on `kind` ('pglite' | 'postgres') and waits until they listen; with
 * `cpuProfileDir`, the server process writes a V8 CPU profile there when it ends.
 * Resolves `{ fixture, call(type, fields), close() }`; rejects with the child's error.
 */
export function startChild(kind, { cpuProfileDir } = {}) {
  const profile = cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', cpuProfileDir] : [];
  const child = fork(CHILD, [kind], {
    cwd: ROOT,
    execArgv: ['--conditions=kith-source', '--import', 'tsx', ...profile],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 1;
  const pending = new Map();
  let fail = () => {};
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  const ready = new Promise((resolve, reject) => {
    fail = reject;
    child.on('message', (message) => {
      if (message.type === 'ready') return resolve(message.fixture);
      const waiting = pending.get(message.id);
      if (message.type === 'failed' && !waiting) return reject(new Error(`the ${kind} server failed:\n${message.message}`));
      if (!waiting) return;
      pending.delete(message.id);
      if (message.type === 'failed') waiting.reject(new Error(`the ${kind} server failed:\n${message.message}`));
      else waiting.resolve(message);
    });
  });
  void exited.then((how) => {
    const error = new Error(`the ${kind} server process ended (${how})`);
    fail(error);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  });

  const call = (type, fields = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ type, id, ...fields });
    });

  return ready.then(
    (fixture) => ({
      fixture,
      call,
      /** Closes the servers, drops the database (or folder), waits for the process to end. */
      async close() {
        await call('close');
        await exited;
      },
    }),
    async (error) => {
      if (child.exitCode === null) child.kill();
      await exited;
      throw error;
    },
  );
}
