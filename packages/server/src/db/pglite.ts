import { PGlite, type Transaction } from '@electric-sql/pglite';
import { checkChannel, INT8_OID, parseInt8, type Database, type Queryable, type SqlValue } from './database.js';

/** Wraps a PGlite instance or transaction as a {@link Queryable}. */
function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      const result = await target.query<T>(sql, [...params]);
      return { rows: result.rows };
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/**
 * Opens PGlite (PostgreSQL in WASM): in memory for `'memory'`, else in the given folder.
 * The caller must hold the folder's lock (see `lock.ts`): two processes on one folder
 * corrupt it.
 */
export async function openPglite(dataDir: string | 'memory'): Promise<Database> {
  const options = { parsers: { [INT8_OID]: parseInt8 } };
  const pglite = dataDir === 'memory' ? await PGlite.create(options) : await PGlite.create(dataDir, options);
  return wrapPglite(pglite);
}

/** A {@link Database} over an open PGlite (also used by backup and restore). */
export function wrapPglite(pglite: PGlite): Database {
  return {
    kind: 'pglite',
    ...queryable(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(queryable(tx))),
    // One connection, one process: nothing is ever missed, so `onGap` never runs.
    async listen(channel, onPayload) {
      const unlisten = await pglite.listen(checkChannel(channel), onPayload);
      return async () => {
        if (!pglite.closed) await unlisten();
      };
    },
    close: () => pglite.close(),
  };
}
