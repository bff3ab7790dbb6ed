import { resolve } from 'node:path';
import type { Database } from '../db/database.js';
import { DEFAULT_DATA_DIR, openDatabase } from '../db/open.js';
import { isPgliteFolder } from '../ops/data-dir.js';
import { OpsError } from '../ops/errors.js';
import { redactUrl, UsageError, type Io } from './command.js';

/** Which database a command works on: PostgreSQL by `DATABASE_URL`, else a PGlite folder. */
export type DatabaseChoice = { databaseUrl: string } | { dataDir: string };

/** The `--data-dir` option every database command takes. */
export const DATA_DIR_OPTION = { 'data-dir': { type: 'string' } } as const;

export const DATABASE_USAGE = `  --data-dir DIR   PGlite data folder (env KITH_DATA_DIR; default ${DEFAULT_DATA_DIR}/)
  DATABASE_URL     (env) a PostgreSQL database instead of a folder`;

/**
 * `DATABASE_URL` (environment) or `--data-dir` / `KITH_DATA_DIR` / `.kith-data`. An explicit
 * `--data-dir` beside `DATABASE_URL` is ambiguous and refused rather than silently ignored.
 */
export function chooseDatabase(dataDirFlag: string | undefined, io: Io): DatabaseChoice {
  const url = io.env.DATABASE_URL;
  if (url && dataDirFlag !== undefined) {
    throw new UsageError('Both --data-dir and DATABASE_URL are set: choose one (unset DATABASE_URL to use a PGlite folder).');
  }
  if (url) return { databaseUrl: url };
  return { dataDir: dataDirFlag ?? io.env.KITH_DATA_DIR ?? DEFAULT_DATA_DIR };
}

/** The folder a PGlite-only command (backup, restore, migrate-to-postgres) works on. */
export function dataDirOnly(dataDirFlag: string | undefined, io: Io): string {
  const dir = dataDirFlag ?? io.env.KITH_DATA_DIR ?? DEFAULT_DATA_DIR;
  if (dir === 'memory') throw new UsageError('An in-memory database has no folder to work on: pass --data-dir DIR.');
  return dir;
}

export function describe(choice: DatabaseChoice): string {
  return 'databaseUrl' in choice ? redactUrl(choice.databaseUrl) : resolve(choice.dataDir);
}

/**
 * Opens an existing Kith database for an administration command. A folder is locked (so
 * this fails clearly while a server runs on it) and must already hold a database: a typo
 * in `--data-dir` must not create a new, empty one and put a key in it.
 */
export async function openExisting(choice: DatabaseChoice): Promise<Database> {
  if ('dataDir' in choice) {
    if (choice.dataDir === 'memory') throw new UsageError('An in-memory database vanishes when the command ends: pass --data-dir DIR or DATABASE_URL.');
    if (!isPgliteFolder(resolve(choice.dataDir))) {
      throw new OpsError(`There is no Kith database in ${resolve(choice.dataDir)}: start the server on it once, or check --data-dir / KITH_DATA_DIR.`);
    }
  }
  const db = await openDatabase(choice);
  try {
    const { rows } = await db.query<{ ok: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS ok");
    if (!rows[0]?.ok) throw new OpsError(`There is no Kith database at ${describe(choice)}: start the server on it once first.`);
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}
