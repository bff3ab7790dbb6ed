// The IndexedDB adapter's database: one store of rows keyed [partition, key], with an index on
// [partition, last use] so eviction walks a partition's least recently used rows first.
import type { DBSchema, IDBPDatabase } from 'idb';
import { guardedOpen } from '../idb-open.js';

interface Row<E> {
  p: string;
  k: string;
  /** Last use: the write, or a read recorded with a later write (see store.ts). */
  at: number;
  e: E;
}

export interface CacheSchema<E> extends DBSchema {
  rows: { key: [string, string]; value: Row<E>; indexes: { lru: [string, number] } };
}
export type CacheDatabase<E> = IDBPDatabase<CacheSchema<E>>;

/** Every key of one partition, in the store ([p, k]) and in the index ([p, at]): a shorter
 * array sorts first, and arrays sort after numbers and strings. */
const inPartition = (partition: string): IDBKeyRange => IDBKeyRange.bound([partition], [partition, []]);

export interface OpenOptions {
  factory: IDBFactory;
  name: string;
  version: number;
  timeoutMs: number;
  /** The connection went away (another page's upgrade or deletion, or the browser closed it). */
  onClose: () => void;
}

/** Opens the database, or rejects within `timeoutMs`: a blocked upgrade or a silent open never hangs
 * the caller. A newer version discards every row (results of older shapes are not worth migrating).
 * This connection closes itself when another page asks to upgrade or delete, so it never blocks one. */
export const openDatabase = <E>({ factory, name, version, timeoutMs, onClose }: OpenOptions): Promise<CacheDatabase<E>> =>
  guardedOpen<CacheSchema<E>>({
    factory,
    name,
    version,
    timeoutMs,
    onClose,
    upgrade(db) {
      if (db.objectStoreNames.contains('rows')) db.deleteObjectStore('rows');
      db.createObjectStore('rows', { keyPath: ['p', 'k'] }).createIndex('lru', ['p', 'at']);
    },
  });

export const readRow = async <E>(db: CacheDatabase<E>, partition: string, key: string): Promise<E | undefined> =>
  (await db.get('rows', [partition, key]))?.e;

/** Writes one row, records the uses read since the last write, and evicts the partition's least
 * recently used rows beyond `max` — one transaction, so a failure (quota) leaves nothing half done. */
export async function writeRow<E>(
  db: CacheDatabase<E>, partition: string, key: string, entry: E, at: number, used: ReadonlyMap<string, number>, max: number,
): Promise<void> {
  const tx = db.transaction('rows', 'readwrite');
  const work = async () => {
    await tx.store.put({ p: partition, k: key, at, e: entry });
    for (const [usedKey, usedAt] of used) {
      const row = usedKey === key ? undefined : await tx.store.get([partition, usedKey]);
      if (row && row.at < usedAt) await tx.store.put({ ...row, at: usedAt });
    }
    const lru = tx.store.index('lru');
    let extra = (await lru.count(inPartition(partition))) - max;
    for (let cursor = extra > 0 ? await lru.openCursor(inPartition(partition)) : null; cursor && extra-- > 0; cursor = await cursor.continue()) {
      await cursor.delete();
    }
  };
  try {
    await Promise.all([work(), tx.done]);
  } catch (error) {
    throw tx.error ?? error; // the abort's cause (QuotaExceededError), not a request's AbortError
  }
}

export const deleteRow = <E>(db: CacheDatabase<E>, partition: string, key: string): Promise<void> => db.delete('rows', [partition, key]);

export const deleteRows = <E>(db: CacheDatabase<E>, partition?: string): Promise<void> =>
  partition === undefined ? db.clear('rows') : db.delete('rows', inPartition(partition));
