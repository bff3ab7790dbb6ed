// Where outbox entries live: IndexedDB (the truth shared by every tab), mirrored in memory so the
// page can list them synchronously. It never throws at the caller and never hangs: when IndexedDB
// is missing, refuses to open, stays blocked, runs out of quota or fails, the mirror becomes the
// store for the rest of this page, and the degraded mode is reported once.
//
// Every operation runs in one queue, so a refresh read from IndexedDB can never overwrite the
// mirror with what a later local change already replaced. Other tabs hear of every change through
// a BroadcastChannel and re-read that partition.
import type { DegradedReason } from '../cache/store.js';
import type * as Adapter from './indexeddb.js';
import type { OutboxDatabase } from './indexeddb.js';
import type { OutboxEntry } from './types.js';

export type StoreEvent =
  /** The mirror changed (a change here or in another tab). */
  | { readonly type: 'change' }
  /** From now on entries live in this page's memory only. Once per store. */
  | { readonly type: 'degraded'; readonly reason: DegradedReason; readonly error: unknown };

export interface OutboxStoreOptions {
  /** The IndexedDB factory; `null` for none (memory only, degraded). */
  indexedDB: IDBFactory | null;
  /** The database and BroadcastChannel name. */
  name: string;
  /** How long an open may take before the store gives up on IndexedDB. Default 3000. */
  openTimeoutMs?: number;
}

export interface OutboxStore {
  /** True once IndexedDB was given up for this page. */
  readonly degraded: boolean;
  /** Every entry this page knows (all partitions), oldest first, from memory. */
  snapshot(): readonly OutboxEntry[];
  /** Reads every stored entry into memory (the page's start). */
  load(): Promise<void>;
  /** The partition's entries as IndexedDB holds them now — what the lock holder must act on, since
   * another tab may have delivered some a moment ago. From memory when degraded. */
  read(partition: string): Promise<OutboxEntry[]>;
  /** Stores a new entry with strict durability; false when it could only be kept in memory. */
  add(entry: OutboxEntry): Promise<boolean>;
  /** Replaces a stored entry (after an attempt). */
  put(entry: OutboxEntry): Promise<void>;
  remove(entry: OutboxEntry): Promise<void>;
  /** Removes `old` and stores `entry` in one strict transaction (a resubmission); false when memory only. */
  replace(old: OutboxEntry, entry: OutboxEntry): Promise<boolean>;
  subscribe(listener: (event: StoreEvent) => void): () => void;
  /** Closes the channel and the connection (a later operation reopens the connection). */
  close(): void;
}

const byAge = (a: OutboxEntry, b: OutboxEntry) => a.createdAt - b.createdAt;

/** Why IndexedDB failed, as the cache reports it. */
function reasonOf(error: unknown, opening: boolean): DegradedReason {
  if (error instanceof DOMException && error.name === 'QuotaExceededError') return 'quota';
  if (error instanceof Error && error.message === 'blocked') return 'blocked';
  return opening ? 'unavailable' : 'failed';
}

export function createOutboxStore({ indexedDB: factory, name, openTimeoutMs = 3000 }: OutboxStoreOptions): OutboxStore {
  const mirror = new Map<string, OutboxEntry>();
  const listeners = new Set<(event: StoreEvent) => void>();
  const emit = (event: StoreEvent) => listeners.forEach((listener) => listener(event));
  let degraded = factory === null;
  let reported = false;
  let connection: Promise<[OutboxDatabase, typeof Adapter]> | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs `work` after every earlier operation; its failure does not stop the queue. */
  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  }

  let channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`${name} outbox`) : undefined;
  (channel as { unref?: () => void } | undefined)?.unref?.(); // Node: do not keep the process alive
  channel?.addEventListener('message', ({ data }: MessageEvent<{ p?: unknown }>) => {
    if (typeof data?.p === 'string') void read(data.p);
  });
  const tell = (partition: string) => {
    if (!degraded) channel?.postMessage({ p: partition });
  };

  function degrade(reason: DegradedReason, error: unknown): void {
    degraded = true;
    if (reported) return;
    reported = true;
    emit({ type: 'degraded', reason, error });
  }

  /** Runs `work` on the database: `{ ok: false }` when degraded or on failure (which degrades). A
   * connection lost during the work (another page deleted the database) is reopened and the work
   * tried once more. */
  async function withDatabase<T>(work: (db: OutboxDatabase, adapter: typeof Adapter) => Promise<T>, retry = true): Promise<{ ok: true; value: T } | { ok: false }> {
    if (degraded || !factory) {
      if (!factory) degrade('unavailable', new Error('IndexedDB is not available here'));
      return { ok: false };
    }
    let current: typeof connection;
    let opened: [OutboxDatabase, typeof Adapter];
    try {
      current = connection ??= import('./indexeddb.js').then(async (adapter) => [
        await adapter.openOutboxDatabase({ factory, name, timeoutMs: openTimeoutMs, onClose: () => (connection = undefined) }),
        adapter,
      ]);
      opened = await current;
    } catch (error) {
      if (connection === current) connection = undefined;
      degrade(reasonOf(error, true), error);
      return { ok: false };
    }
    try {
      return { ok: true, value: await work(...opened) };
    } catch (error) {
      if (retry && connection !== current) return withDatabase(work, false);
      degrade(reasonOf(error, false), error);
      return { ok: false };
    }
  }

  /** Makes the mirror hold `entries` for `partition` (or everything); emits when that changed it. */
  function mirrorSet(entries: readonly OutboxEntry[], partition?: string): void {
    let changed = false;
    for (const [id, entry] of mirror) {
      if ((partition === undefined || entry.partition === partition) && !entries.some((e) => e.id === id)) {
        mirror.delete(id);
        changed = true;
      }
    }
    for (const entry of entries) {
      const known = mirror.get(entry.id);
      // Entries are replaced whole, never mutated: a stored copy equal in attempts and state is the same.
      if (!known || known.attempts !== entry.attempts || known.state !== entry.state || known.nextAttemptAt !== entry.nextAttemptAt) {
        mirror.set(entry.id, entry);
        changed = true;
      }
    }
    if (changed) emit({ type: 'change' });
  }

  const inMirror = (partition: string) => [...mirror.values()].filter((entry) => entry.partition === partition).sort(byAge);

  function read(partition: string): Promise<OutboxEntry[]> {
    return serial(async () => {
      const stored = await withDatabase((db, adapter) => adapter.partitionEntries(db, partition));
      if (stored.ok) mirrorSet(stored.value, partition);
      return inMirror(partition);
    });
  }

  /** Applies a change to IndexedDB then to the mirror (the mirror even when IndexedDB failed). */
  function change(partition: string, work: (db: OutboxDatabase, adapter: typeof Adapter) => Promise<void>, local: () => void): Promise<boolean> {
    return serial(async () => {
      const stored = await withDatabase(work);
      local();
      emit({ type: 'change' });
      if (stored.ok) tell(partition);
      return stored.ok;
    });
  }

  return {
    get degraded() {
      return degraded;
    },
    snapshot: () => [...mirror.values()].sort(byAge),
    load: () =>
      serial(async () => {
        const stored = await withDatabase((db, adapter) => adapter.allEntries(db));
        if (stored.ok) mirrorSet(stored.value);
      }),
    read,
    add: (entry) => change(entry.partition, (db, adapter) => adapter.putEntry(db, entry, 'strict'), () => mirror.set(entry.id, entry)),
    put: async (entry) => {
      await change(entry.partition, (db, adapter) => adapter.putEntry(db, entry, 'default'), () => mirror.set(entry.id, entry));
    },
    remove: async (entry) => {
      await change(entry.partition, (db, adapter) => adapter.deleteEntry(db, entry.id), () => mirror.delete(entry.id));
    },
    replace: (old, entry) =>
      change(entry.partition, (db, adapter) => adapter.replaceEntry(db, old.id, entry), () => {
        mirror.delete(old.id);
        mirror.set(entry.id, entry);
      }),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      channel?.close();
      channel = undefined; // later changes are not told: this page is leaving
      void connection?.then(([db]) => db.close(), () => undefined);
      connection = undefined;
    },
  };
}
