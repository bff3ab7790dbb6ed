import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { lockDataDir } from '../db/lock.js';
import { isPgliteFolder } from './data-dir.js';
import { OpsError } from './errors.js';

/**
 * Archives a PGlite data folder into one file (a gzipped tar, PGlite's `dumpDataDir`).
 * The folder's lock is taken first, so a backup is refused while a server runs on it:
 * PGlite has one connection in one process, and copying files under a running server
 * would not give a consistent copy. Stop the server for the few seconds it takes, or run
 * on PostgreSQL and use `pg_dump` for backups while serving. The archive is written to a
 * temporary name and renamed, so a failed backup never leaves a truncated file behind.
 */
export async function backupDataDir(dataDir: string, file: string, options: { force?: boolean } = {}): Promise<{ bytes: number }> {
  const dir = resolve(dataDir);
  const target = resolve(file);
  if (!isPgliteFolder(dir)) throw new OpsError(`${dir} is not a PGlite data folder (it has no PG_VERSION file).`);
  if (existsSync(target) && !options.force) throw new OpsError(`${target} already exists; pass --force to overwrite it.`);
  const release = lockDataDir(dir);
  const partial = `${target}.partial-${process.pid}`;
  try {
    const pglite = await PGlite.create(dir);
    let archive: Blob;
    try {
      // Flushed pages, not a crash image: after a restore, sequences continue exactly where
      // they were (no jump of the values PostgreSQL logs ahead) and nothing is replayed.
      await pglite.exec('CHECKPOINT');
      archive = await pglite.dumpDataDir('gzip');
    } finally {
      await pglite.close();
    }
    const bytes = Buffer.from(await archive.arrayBuffer());
    writeFileSync(partial, bytes, { mode: 0o600 });
    renameSync(partial, target);
    return { bytes: bytes.length };
  } finally {
    rmSync(partial, { force: true });
    release();
  }
}
