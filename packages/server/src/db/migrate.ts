import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

/** `packages/server/migrations/` — the same two levels up from `src/db/` and `dist/db/`. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

/**
 * Arbitrary constant key of the advisory lock that serialises migrations across server
 * instances sharing one PostgreSQL ("kith" in ASCII).
 */
const MIGRATION_LOCK_KEY = 0x6b697468;

/** A migration file: `NNNN_name.sql`. */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** Reads `NNNN_name.sql` files in name order. */
export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{4}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return { name: file.replace(/\.sql$/, ''), sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the migrations not yet recorded in `schema_migrations`, in order, inside one
 * transaction that first takes a transaction-scoped advisory lock: a second instance
 * starting at the same time waits, then finds everything applied. A recorded migration
 * whose file changed is an error (add a new migration instead). Returns the names applied.
 */
export async function migrate(db: Database, migrations = readMigrations()): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    // 0001 creates schema_migrations itself, so an empty database has no such table yet.
    const { rows: exists } = await tx.query<{ present: boolean }>(
      "SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
    );
    const applied = new Map<string, string>();
    if (exists[0]?.present) {
      const { rows } = await tx.query<{ name: string; checksum: string }>('SELECT name, checksum FROM schema_migrations');
      for (const row of rows) applied.set(row.name, row.checksum);
    }
    const done: string[] = [];
    for (const migration of migrations) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied to this database. ` +
              'Add a new migration file instead (or start from an empty database in development).',
          );
        }
        continue;
      }
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [migration.name, migration.checksum]);
      done.push(migration.name);
    }
    return done;
  });
}
