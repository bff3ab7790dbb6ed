import { DEFAULT_MAX_ENTRIES, type CacheEntry, type CacheStorage } from './storage.js';

export interface MemoryStorage<E = CacheEntry> extends CacheStorage<E> {
  /** The result at once (no microtask), for a first render from memory; counts as a use. */
  peek(partition: string, key: string): E | undefined;
}

/** The memory adapter: a Map per partition whose insertion order is the recency order
 * (a use moves the key to the end), so eviction drops the first keys. */
export function memoryStorage<E = CacheEntry>({ max = DEFAULT_MAX_ENTRIES }: { max?: number } = {}): MemoryStorage<E> {
  const partitions = new Map<string, Map<string, E>>();
  const peek = (partition: string, key: string): E | undefined => {
    const entries = partitions.get(partition);
    const entry = entries?.get(key);
    if (entries && entry !== undefined) {
      entries.delete(key);
      entries.set(key, entry);
    }
    return entry;
  };
  return {
    peek,
    restore: async (partition, key) => peek(partition, key),
    async persist(partition, key, entry) {
      let entries = partitions.get(partition);
      if (!entries) partitions.set(partition, (entries = new Map()));
      entries.delete(key);
      entries.set(key, entry);
      for (const old of entries.keys()) {
        if (entries.size <= max) break;
        entries.delete(old);
      }
    },
    async remove(partition, key) {
      partitions.get(partition)?.delete(key);
    },
    async clear(partition) {
      if (partition === undefined) partitions.clear();
      else partitions.delete(partition);
    },
  };
}
