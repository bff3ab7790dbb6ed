import { resolve } from 'node:path';
import type { Database } from './database.js';
import { lockDataDir } from './lock.js';
import { openPglite } from './pglite.js';
import { openPostgres } from './postgres.js';

/** The default PGlite data folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = '.kith-data';

export interface OpenOptions {
  /** PostgreSQL URL; when set, `dataDir` is ignored. */
  databaseUrl?: string | undefined;
  /** PGlite folder (default `.kith-data/`), or `'memory'` for a throw-away database. */
  dataDir?: string | undefined;
  log?: (line: string) => void;
}

/**
 * Opens the configured database: PostgreSQL by URL, else PGlite in memory or in a data
 * folder — locked first, so a second process on the same folder fails before it opens
 * anything. `close()` also releases the lock.
 */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.log ? { log: options.log } : {});
  const dataDir = options.dataDir ?? DEFAULT_DATA_DIR;
  if (dataDir === 'memory') return openPglite('memory');
  const path = resolve(dataDir);
  const release = lockDataDir(path);
  let db: Database;
  try {
    db = await openPglite(path);
  } catch (error) {
    release();
    throw error;
  }
  return {
    ...db,
    kind: db.kind,
    async close() {
      try {
        await db.close();
      } finally {
        release();
      }
    },
  };
}
