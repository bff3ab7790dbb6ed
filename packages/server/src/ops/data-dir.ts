import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LOCK_FILE } from '../db/lock.js';

/** A PostgreSQL data folder (PGlite's too) has a `PG_VERSION` file at its root. */
export function isPgliteFolder(dir: string): boolean {
  return existsSync(join(dir, 'PG_VERSION'));
}

/** The folder's entries apart from Kith's lock file; empty when the folder does not exist. */
export function folderEntries(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((name) => name !== LOCK_FILE);
}
