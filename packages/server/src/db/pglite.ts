import { PGlite, type Transaction } from '@electric-sql/pglite';
import { INT8_OID, parseInt8, type Database, type Queryable, type SqlValue } from './database.js';

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
  return {
    kind: 'pglite',
    ...queryable(pglite),
    transaction: (fn) => pglite.transaction((tx) => fn(queryable(tx))),
    close: () => pglite.close(),
  };
}
