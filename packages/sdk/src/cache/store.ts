// The cache store: memory in front, IndexedDB behind (per partition, when the caller allows it),
// other tabs told of every change. It never throws at the caller and never hangs: when IndexedDB is
// missing, refuses to open, stays blocked, runs out of quota or fails, the store keeps working in
// memory and reports the degraded mode once.
//
// The IndexedDB half (idb and the adapter) is imported on first use, so a page pays for it only
// when it caches durably, and in its own chunk.
//
// Recency without writes on reads: a row's last use is stamped when it is written; a read only
// notes the key in memory, and those notes are written with the partition's next write — the only
// moment eviction needs them (the read layer writes after every revalidation anyway).
import type * as IndexedDbAdapter from './indexeddb.js';
import type { CacheDatabase } from './indexeddb.js';
import { memoryStorage } from './memory.js';
import { BLOCKED, DEFAULT_MAX_ENTRIES, type CacheEntry, type CacheStorage } from './storage.js';

type Adapter = typeof IndexedDbAdapter;

/** Where a partition's results live: staff data stays in memory unless the page opts in (the client's rule). */
export type PersistMode = 'memory' | 'indexeddb';

/** Why IndexedDB is not used: missing or refused (`unavailable`), an older page kept its connection
 * open past the timeout (`blocked`), the origin's quota is full (`quota`), any other failure (`failed`). */
export type DegradedReason = 'unavailable' | 'blocked' | 'quota' | 'failed';

export type CacheEvent =
  /** Once per store: from now on results live in this page's memory only. */
  | { readonly type: 'degraded'; readonly reason: DegradedReason; readonly error: unknown }
  /** Another tab wrote or removed `key` (or cleared the partition, or everything when both are
   * missing); this tab's memory copy is gone, so a reader should restore again. */
  | { readonly type: 'stale'; readonly partition?: string; readonly key?: string };

export interface CacheStoreOptions {
  /** IndexedDB database and BroadcastChannel name. Default `kith-cache`. */
  name?: string;
  /** Format version (positive integer, only ever raised): a higher one discards every stored result. Default 1. */
  version?: number;
  /** Results per partition, least recently used evicted first. Default 500. */
  max?: number;
  /** Where each partition lives. Default: IndexedDB for all. */
  persist?: (partition: string) => PersistMode;
  /** The IndexedDB factory; `null` for none. Default `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** How long an open may take (a blocked upgrade included) before the store falls back to memory. Default 3000. */
  openTimeoutMs?: number;
}

export interface CacheStore<E = CacheEntry> extends CacheStorage<E> {
  /** True once IndexedDB has been given up for this page (see the `degraded` event). */
  readonly degraded: boolean;
  /** The result from memory at once, or undefined (then `restore` may find it in IndexedDB). */
  peek(partition: string, key: string): E | undefined;
  subscribe(listener: (event: CacheEvent) => void): () => void;
  /** Closes the channel and the connection (a later call reopens the connection). */
  close(): void;
}

/** A change told to the other tabs: `k` missing → partition `p` cleared; both missing → everything. */
interface Message {
  p?: string;
  k?: string;
}

export function createCacheStore<E = CacheEntry>(options: CacheStoreOptions = {}): CacheStore<E> {
  const { name = 'kith-cache', version = 1, max = DEFAULT_MAX_ENTRIES, persist: mode = () => 'indexeddb', openTimeoutMs = 3000 } = options;
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  const memory = memoryStorage<E>({ max });
  const listeners = new Set<(event: CacheEvent) => void>();
  const emit = (event: CacheEvent) => listeners.forEach((listener) => listener(event));
  const used = new Map<string, Map<string, number>>();
  let connection: Promise<[CacheDatabase<E>, Adapter]> | undefined;
  let degraded = false;
  let last = 0;
  // Strictly increasing, so rows written within one millisecond still have an order.
  const stamp = () => (last = Math.max(Date.now(), last + 1e-3));

  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  (channel as { unref?: () => void } | undefined)?.unref?.(); // Node: do not keep the process alive
  channel?.addEventListener('message', ({ data }: MessageEvent<Message>) => {
    void (data.p !== undefined && data.k !== undefined ? memory.remove(data.p, data.k) : memory.clear(data.p));
    emit({ type: 'stale', partition: data.p, key: data.k });
  });
  let channelClosed = false;
  // After close() (a page tearing the client down) a late write stays local: the channel is gone.
  const tell = (message: Message) => {
    if (!channelClosed) channel?.postMessage(message);
  };

  const degrade = (reason: DegradedReason, error: unknown) => {
    if (degraded) return;
    degraded = true;
    emit({ type: 'degraded', reason, error });
  };
  const durable = (partition: string) => mode(partition) === 'indexeddb';
  const touch = (partition: string, key: string) => {
    if (!durable(partition)) return;
    let keys = used.get(partition);
    if (!keys) used.set(partition, (keys = new Map()));
    keys.set(key, stamp());
  };

  /** Runs `work` on the database; undefined when degraded or on failure (which degrades).
   * `clearing` tries even when degraded (a full quota must not keep a logged-out user's data),
   * and a missing factory is then no failure (nothing to clear). A connection lost during the
   * work is reopened and the work tried once more. */
  async function withDatabase<T>(work: (db: CacheDatabase<E>, adapter: Adapter) => Promise<T>, clearing = false, retry = true): Promise<T | undefined> {
    if (clearing ? !factory : degraded) return undefined;
    let current: typeof connection;
    let opened: [CacheDatabase<E>, Adapter];
    try {
      if (!factory) throw new Error('no IndexedDB');
      current = connection ??= import('./indexeddb.js').then(async (adapter) => [
        await adapter.openDatabase<E>({ factory, name, version, timeoutMs: openTimeoutMs, onClose: () => (connection = undefined) }),
        adapter,
      ]);
      opened = await current;
    } catch (error) {
      degrade(error instanceof Error && error.message === BLOCKED ? 'blocked' : 'unavailable', error);
      return undefined;
    }
    try {
      return await work(...opened);
    } catch (error) {
      if (retry && connection !== current) return withDatabase(work, clearing, false);
      degrade(error instanceof DOMException && error.name === 'QuotaExceededError' ? 'quota' : 'failed', error);
      return undefined;
    }
  }

  const peek = (partition: string, key: string): E | undefined => {
    const entry = memory.peek(partition, key);
    if (entry !== undefined) touch(partition, key);
    return entry;
  };

  return {
    get degraded() {
      return degraded;
    },
    peek,
    async restore(partition, key) {
      const hit = peek(partition, key);
      if (hit !== undefined || !durable(partition)) return hit;
      const stored = await withDatabase((db, { readRow }) => readRow(db, partition, key));
      // A write that landed while IndexedDB was read is newer: keep it.
      const newer = memory.peek(partition, key);
      if (newer !== undefined || stored === undefined) return newer;
      await memory.persist(partition, key, stored);
      touch(partition, key);
      return stored;
    },
    async persist(partition, key, entry) {
      await memory.persist(partition, key, entry);
      if (durable(partition)) {
        const reads = used.get(partition) ?? new Map<string, number>();
        used.delete(partition);
        const written = await withDatabase(async (db, { writeRow }) => (await writeRow(db, partition, key, entry, stamp(), reads, max), true));
        // Only a change in IndexedDB is news to other tabs (and to other clients on this page, whose
        // channels hear it too): they restore it from there. A memory-only write stays here —
        // telling it would send them to the network, and their answer back to us, forever.
        if (written) tell({ p: partition, k: key });
      }
    },
    async remove(partition, key) {
      await memory.remove(partition, key);
      used.get(partition)?.delete(key);
      if (durable(partition) && (await withDatabase(async (db, { deleteRow }) => (await deleteRow(db, partition, key), true)))) tell({ p: partition, k: key });
    },
    // IndexedDB is cleared whatever the partition's mode: an earlier page may have opted in.
    async clear(partition) {
      await memory.clear(partition);
      if (partition === undefined) used.clear();
      else used.delete(partition);
      await withDatabase((db, { deleteRows }) => deleteRows(db, partition), true);
      tell({ p: partition });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      channelClosed = true;
      channel?.close();
      void connection?.then(([db]) => db.close(), () => undefined);
      connection = undefined;
    },
  };
}
