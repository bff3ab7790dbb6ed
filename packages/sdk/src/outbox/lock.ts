// One flusher per partition at a time: across tabs with the Web Locks API; within this JavaScript
// realm only (Node, or a page that is not a secure context) with an in-process mutex. Without
// Web Locks two tabs may both send an entry; the server's idempotency key still applies it once.

/** Runs `work` while holding the exclusive lock `name`. With `signal`, gives up waiting when it
 * aborts (rejecting with its reason); once granted, `work` runs to its end. */
export type WithLock = <T>(name: string, work: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

/** The in-process queues by lock name, shared by every outbox of this realm. */
const queues = new Map<string, Promise<unknown>>();

export const withMutex: WithLock = (name, work, signal) => {
  const before = queues.get(name) ?? Promise.resolve();
  let granted = false;
  const turn = new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as unknown);
    const onAbort = () => {
      if (!granted) reject(signal?.reason as unknown);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    void before.then(() => {
      signal?.removeEventListener('abort', onAbort);
      if (signal?.aborted) return; // gave up waiting: the rejection above stands
      granted = true;
      resolve();
    });
  });
  const run = turn.then(work);
  // The next waiter goes after this one's work, and after the one before it even when this one
  // gave up waiting (its own turn then never comes).
  const done = Promise.allSettled([before, run]).then(() => undefined);
  queues.set(name, done);
  void done.then(() => {
    if (queues.get(name) === done) queues.delete(name);
  });
  return run;
};

type LockInfo = { name?: string };
type Locks = {
  request(name: string, options: { signal?: AbortSignal }, work: () => Promise<unknown>): Promise<unknown>;
  query?(): Promise<{ held?: LockInfo[]; pending?: LockInfo[] }>;
};

const webLocks = (): Locks | undefined => {
  const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
  return locks && typeof locks.request === 'function' ? locks : undefined;
};

/** The names of the Web Locks held or asked for now by any page of this origin; `undefined` where
 * that cannot be known (no Web Locks: the in-process mutex sees this realm only). A lock is let go
 * when its page closes or crashes, so a held name says its holder is alive and at work. */
export async function lockNames(): Promise<ReadonlySet<string> | undefined> {
  const locks = webLocks();
  if (!locks || typeof locks.query !== 'function') return undefined;
  try {
    const { held = [], pending = [] } = await locks.query();
    return new Set([...held, ...pending].flatMap((lock) => (typeof lock.name === 'string' ? [lock.name] : [])));
  } catch {
    return undefined;
  }
}

/** Web Locks when the page has them, else the in-process mutex. */
export function lockFor(): WithLock {
  const locks = webLocks();
  if (!locks) return withMutex;
  return <T>(name: string, work: () => Promise<T>, signal?: AbortSignal) =>
    locks.request(name, signal ? { signal } : {}, work) as Promise<T>;
}
