import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file's name inside a PGlite data folder. */
export const LOCK_FILE = 'kith.lock';

/** Thrown when another live process holds a data folder. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The data folder ${dataDir} is in use by another Kith server (process ${pid}). ` +
        'Two processes must never open one PGlite folder: stop the other server, use another --data-dir, ' +
        'or set DATABASE_URL to share a PostgreSQL database between instances.',
    );
  }
}

/** True when a process with this pid exists (signal 0 checks without signalling). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user — still alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the exclusive lock of a PGlite data folder: a `kith.lock` file created with
 * `O_EXCL` holding our pid. A lock left by a dead process (a crash, `kill -9`) is taken
 * over; one held by a live process throws {@link DataDirLockedError}. Returns the release
 * function (idempotent).
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
      if (Number.isInteger(pid) && pid > 0) {
        if (pid === process.pid || isAlive(pid)) throw new DataDirLockedError(dataDir, pid);
      } else if (Date.now() - statSync(path).mtimeMs < 5_000) {
        // No pid yet: another process is between creating the file and writing to it.
        throw new DataDirLockedError(dataDir, 0);
      }
      // Stale (dead owner, or an old empty file from a crash): take it over.
      rmSync(path, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      // Only remove the file if it is still ours.
      try {
        if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
      } catch {
        // Already gone: nothing to release.
      }
    };
  }
  throw new Error(`Could not take the lock ${path}: it keeps reappearing; is another server starting?`);
}
