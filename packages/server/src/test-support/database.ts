// Test databases: ONE in-memory PGlite per test process (it takes seconds to start), and
// — when KITH_TEST_DATABASE_URL is set — a freshly created, uniquely named PostgreSQL
// database per test process, dropped at the end. Suites loop over `variants()`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../db/database.js';
import { openPglite } from '../db/pglite.js';
import { openPostgres } from '../db/postgres.js';
import { must } from '../util/must.js';

export const POSTGRES_URL = process.env.KITH_TEST_DATABASE_URL;

export interface Variant {
  name: 'PGlite' | 'PostgreSQL';
  /** A reason to skip (node:test `skip` option), or false. */
  skip: string | false;
  /** Opens this process's database of this variant (memoised; closed by `closeAll`). */
  open(): Promise<Database>;
}

let pglite: Promise<Database> | undefined;
let postgres: Promise<{ db: Database; url: string; name: string }> | undefined;

async function createPostgres(): Promise<{ db: Database; url: string; name: string }> {
  const name = `kith_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const base = must(POSTGRES_URL, 'KITH_TEST_DATABASE_URL');
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    // An identifier cannot be a parameter; `name` is generated above, never input.
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { db: await openPostgres(url.toString()), url: url.toString(), name };
}

export function variants(): Variant[] {
  return [
    { name: 'PGlite', skip: false, open: () => (pglite ??= openPglite('memory')) },
    {
      name: 'PostgreSQL',
      skip: POSTGRES_URL ? false : 'KITH_TEST_DATABASE_URL not set',
      open: async () => (await (postgres ??= createPostgres())).db,
    },
  ];
}

/** Opens the PostgreSQL variant and returns its URL (for tests that need a second pool). */
export async function postgresUrl(): Promise<string> {
  return (await (postgres ??= createPostgres())).url;
}

/** Closes this process's databases and drops the PostgreSQL one. Call from a root `after`. */
export async function closeAll(): Promise<void> {
  if (pglite) await (await pglite).close();
  if (postgres) {
    const { db, name } = await postgres;
    await db.close();
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  pglite = undefined;
  postgres = undefined;
}
