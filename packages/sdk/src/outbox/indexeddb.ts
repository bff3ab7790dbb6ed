// The outbox's IndexedDB database: one store of entries keyed by id, indexed by partition. Its own
// database (not the cache's), so a cache version bump never touches a user's unsent writes.
// Imported on first use by store.ts, so idb and this file are a chunk of their own.
import type { DBSchema, IDBPDatabase, IDBPObjectStore } from 'idb';
import { guardedOpen } from '../idb-open.js';
import type { OutboxEntry } from './types.js';

export interface OutboxSchema extends DBSchema {
  entries: { key: string; value: OutboxEntry; indexes: { partition: string } };
}
export type OutboxDatabase = IDBPDatabase<OutboxSchema>;
type WritableEntries = IDBPObjectStore<OutboxSchema, ['entries'], 'entries', 'readwrite'>;

/** Raised only with a migration that keeps every entry: user writes are never discarded by an upgrade. */
export const OUTBOX_VERSION = 1;

export interface OpenOptions {
  factory: IDBFactory;
  name: string;
  timeoutMs: number;
  /** The connection went away (another page's upgrade or deletion, or the browser closed it). */
  onClose: () => void;
}

/** Opens the database (see `guardedOpen`: never hangs, never blocks another page). */
export const openOutboxDatabase = ({ factory, name, timeoutMs, onClose }: OpenOptions): Promise<OutboxDatabase> =>
  guardedOpen<OutboxSchema>({
    factory,
    name,
    version: OUTBOX_VERSION,
    timeoutMs,
    onClose,
    upgrade(db) {
      if (!db.objectStoreNames.contains('entries')) db.createObjectStore('entries', { keyPath: 'id' }).createIndex('partition', 'partition');
    },
  });

/** Runs one read-write transaction to its end; a failure rejects with the abort's cause (e.g. a
 * QuotaExceededError), not a request's AbortError. */
async function readwrite(db: OutboxDatabase, durability: IDBTransactionDurability, work: (store: WritableEntries) => Promise<unknown>): Promise<void> {
  const tx = db.transaction('entries', 'readwrite', { durability });
  try {
    await Promise.all([work(tx.store), tx.done]);
  } catch (error) {
    throw tx.error ?? error;
  }
}

export const allEntries = (db: OutboxDatabase): Promise<OutboxEntry[]> => db.getAll('entries');

export const partitionEntries = (db: OutboxDatabase, partition: string): Promise<OutboxEntry[]> =>
  db.getAllFromIndex('entries', 'partition', partition);

/** Stores an entry; `strict` for a person's new text (on disk before the first attempt). */
export const putEntry = (db: OutboxDatabase, entry: OutboxEntry, durability: IDBTransactionDurability): Promise<void> =>
  readwrite(db, durability, (store) => store.put(entry));

export const deleteEntry = (db: OutboxDatabase, id: string): Promise<void> => readwrite(db, 'default', (store) => store.delete(id));

/** A resubmission: the old entry goes and the new one is stored in one strict transaction. */
export const replaceEntry = (db: OutboxDatabase, oldId: string, entry: OutboxEntry): Promise<void> =>
  readwrite(db, 'strict', async (store) => {
    await store.delete(oldId);
    await store.put(entry);
  });
