import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LOCK_FILE, lockDataDir } from '../db/lock.js';
import { folderEntries, isPgliteFolder } from './data-dir.js';
import { OpsError } from './errors.js';

/**
 * Restores a `backup` archive into a data folder. The archive is unpacked and opened in a
 * staging folder beside the target first, so a corrupt or foreign file never touches the
 * target. A non-empty target is refused unless `force`, and even then only a PGlite data
 * folder is emptied (never, say, a home folder passed by mistake). The target's lock is
 * held throughout, so a server cannot open the folder half-restored.
 */
export async function restoreDataDir(file: string, dataDir: string, options: { force?: boolean } = {}): Promise<void> {
  const dir = resolve(dataDir);
  if (!existsSync(resolve(file))) throw new OpsError(`There is no file ${resolve(file)}.`);
  const existing = folderEntries(dir);
  if (existing.length > 0) {
    if (!options.force) throw new OpsError(`${dir} is not empty; pass --force to replace the database in it.`);
    if (!isPgliteFolder(dir)) throw new OpsError(`${dir} is not empty and is not a PGlite data folder; refusing to delete its contents, even with --force.`);
  }
  const release = lockDataDir(dir);
  let staging: string | null = null;
  try {
    const archive = readFileSync(resolve(file));
    staging = mkdtempSync(join(dirname(dir), `.${basename(dir)}.restore-`));
    let pglite: PGlite;
    try {
      pglite = await PGlite.create(staging, { loadDataDir: new Blob([archive]) });
    } catch (error) {
      throw new OpsError(`${file} is not a readable backup archive (${(error as Error).message}).`);
    }
    try {
      const { rows } = await pglite.query<{ kith: boolean }>("SELECT to_regclass('schema_migrations') IS NOT NULL AS kith");
      if (!rows[0]?.kith) throw new OpsError(`${file} holds a database without Kith's tables; nothing was restored.`);
    } finally {
      await pglite.close();
    }
    // The archive carries the lock file of the folder it was taken from; ours stays.
    rmSync(join(staging, LOCK_FILE), { force: true });
    for (const name of folderEntries(dir)) rmSync(join(dir, name), { recursive: true, force: true });
    for (const name of folderEntries(staging)) renameSync(join(staging, name), join(dir, name));
  } finally {
    if (staging) rmSync(staging, { recursive: true, force: true });
    release();
  }
}
