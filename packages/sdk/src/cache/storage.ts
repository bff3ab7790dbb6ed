// The storage under the SDK's stale-while-revalidate cache: one small interface, two adapters
// (memory here and in Node; IndexedDB in browsers). Both keys are opaque strings chosen by the
// caller: a partition names the server and the subject (e.g. `https://api.example pk:ab12`,
// `… customer:42`, `… staff:7`), a query key names one result inside it (e.g. the call as JSON).

/** One cached query result. Stored as a structured clone and not re-validated on restore:
 * it was validated when fetched, and the store's `version` discards results of older shapes. */
export interface CacheEntry {
  readonly data: unknown;
  /** When the server sent it (ms since the epoch), for the read layer's staleness rule. */
  readonly fetchedAt: number;
}

/** Results per partition before the least recently used one is evicted. */
export const DEFAULT_MAX_ENTRIES = 500;

export interface CacheStorage<E = CacheEntry> {
  /** Saves or replaces one result; may evict the partition's least recently used ones. */
  persist(partition: string, key: string, entry: E): Promise<void>;
  /** The saved result, or undefined. Never writes per read (see store.ts on recency). */
  restore(partition: string, key: string): Promise<E | undefined>;
  remove(partition: string, key: string): Promise<void>;
  /** Drops one partition (logout), or everything. */
  clear(partition?: string): Promise<void>;
}

/** The message of the error an open rejects with when an older page's connection blocked the upgrade
 * (here, not in indexeddb.ts, so the store can tell it without loading IndexedDB code). */
export const BLOCKED = 'blocked';
