// Opening an IndexedDB database without ever hanging the caller or blocking another page: the
// cache and the outbox both open this way (each in its own lazy chunk, with idb).
import { wrap, type DBSchema, type IDBPDatabase } from 'idb';
// Defined beside the cache's storage interface, so eager code can tell the error without loading this.
import { BLOCKED } from './cache/storage.js';

export interface GuardedOpen {
  factory: IDBFactory;
  name: string;
  version: number;
  timeoutMs: number;
  /** Creates or migrates the stores (inside the version-change transaction). */
  upgrade(db: IDBDatabase): void;
  /** The connection went away (another page's upgrade or deletion, or the browser closed it). */
  onClose: () => void;
}

/**
 * Opens the database, or rejects within `timeoutMs` (with `BLOCKED` when another page's open
 * connection held the upgrade back): a blocked or silent open never hangs the caller, and an open
 * that throws (storage blocked) rejects. The connection closes itself on `versionchange`, so it
 * never blocks another page's upgrade or deletion.
 */
export function guardedOpen<S extends DBSchema>({ factory, name, version, timeoutMs, upgrade, onClose }: GuardedOpen): Promise<IDBPDatabase<S>> {
  return new Promise((resolve, reject) => {
    let blocked = false;
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error(blocked ? BLOCKED : 'timeout'));
    }, timeoutMs);
    const fail = (error: unknown) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name, version);
    } catch (error) {
      return fail(error); // e.g. a SecurityError where storage is blocked
    }
    request.onblocked = () => (blocked = true);
    request.onupgradeneeded = () => upgrade(request.result);
    (wrap(request) as unknown as Promise<IDBPDatabase<S>>).then((db) => {
      clearTimeout(timer);
      if (settled) return db.close(); // too late: the caller went on in memory
      settled = true;
      db.addEventListener('versionchange', () => {
        db.close();
        onClose();
      });
      db.addEventListener('close', onClose);
      resolve(db);
    }, fail);
  });
}
