// The outbox as the core hands it out: its code (the controller, IndexedDB store, rules, lock)
// is a chunk of its own, fetched when the page is idle after the client is created — so it is
// there before a person can write anything, and entries left by an earlier page are sent — or
// at once on first use. A page's first paint does not wait for it.
import type { OutboxController, OutboxDeps } from './outbox.js';
import type { OutboxEvent, WriteResult, WriteSpec } from './types.js';

/** Runs `work` when the page is idle (or soon, where there is no `requestIdleCallback`). */
function whenIdle(work: () => void): void {
  const idle = (globalThis as { requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number }).requestIdleCallback;
  if (idle) idle(work, { timeout: 2_000 });
  else setTimeout(work, 0);
}

export function createLazyOutbox(deps: OutboxDeps): OutboxController {
  let real: OutboxController | undefined;
  let loading: Promise<OutboxController> | undefined;
  const listeners = new Set<(event: OutboxEvent) => void>();
  /** Each listener's subscription on the real outbox, once it exists. */
  const forwarded = new Map<(event: OutboxEvent) => void, () => void>();
  /** Closed before the code arrived: the idle load does not start it (a later use does). */
  let closed = false;

  function load(): Promise<OutboxController> {
    loading ??= import('./outbox.js').then(
      ({ createOutbox }) => {
        const outbox = createOutbox(deps);
        real = outbox;
        for (const listener of listeners) forwarded.set(listener, outbox.subscribe(listener));
        return outbox;
      },
      (error: unknown) => {
        loading = undefined; // fetched again on next use
        throw error;
      },
    );
    return loading;
  }

  whenIdle(() => {
    if (!closed) void load().catch(() => undefined);
  });
  const use = () => {
    closed = false;
    return load();
  };

  return {
    get entries() {
      return real?.entries ?? [];
    },
    get pending() {
      return real?.pending ?? 0;
    },
    get degraded() {
      return real?.degraded ?? false;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (real) forwarded.set(listener, real.subscribe(listener));
      else void use().catch(() => undefined);
      return () => {
        listeners.delete(listener);
        forwarded.get(listener)?.();
        forwarded.delete(listener);
      };
    },
    enqueue: <T>(spec: WriteSpec<T>): Promise<WriteResult<T>> => use().then((outbox) => outbox.enqueue(spec)),
    flush: () => use().then((outbox) => outbox.flush()),
    resubmit: (id, body, schema, options) => use().then((outbox) => outbox.resubmit(id, body, schema, options)),
    discard: (id) => use().then((outbox) => outbox.discard(id)),
    resume(partition) {
      void use().then((outbox) => outbox.resume(partition), () => undefined);
    },
    close() {
      closed = true;
      real?.close();
    },
  };
}
