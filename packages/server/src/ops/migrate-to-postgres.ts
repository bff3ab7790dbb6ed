import type { Database, Queryable } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { OpsError } from './errors.js';
import { fingerprints, quoteIdent, userSequences, userTables, type TableInfo } from './tables.js';

// `kith-server migrate-to-postgres`: an embedded (PGlite) database copied into an EMPTY
// PostgreSQL database, so a shop that outgrows one process moves with all its data, ids
// and history. Everything on the target happens in ONE transaction: a failure at any step
// leaves the target as empty as it was.

/** Thrown when the target already holds tables, sequences or functions. */
export class TargetNotEmptyError extends OpsError {
  override name = 'TargetNotEmptyError';
  constructor(readonly objects: string[]) {
    super(
      `The target database is not empty (${objects.slice(0, 5).join(', ')}${objects.length > 5 ? ', …' : ''}). ` +
        'migrate-to-postgres only copies into an empty database: create a new one (CREATE DATABASE kith) and pass its URL.',
    );
  }
}

/** One table's outcome. */
export interface CopiedTable {
  table: string;
  rows: number;
}

export interface CopyReport {
  tables: CopiedTable[];
  /** Sequences set to the source's position (`events_id_seq`). */
  sequences: string[];
  /** Migrations the source needed first (it is brought up to date before copying). */
  sourceMigrations: string[];
}

/** Serialises two copies aimed at one target ("kitm" in ASCII). */
const COPY_LOCK_KEY = 0x6b69746d;
/** Rows per INSERT (tables with a foreign key to themselves go in one statement). */
const BATCH_ROWS = 2_000;

/** The open transaction, as the `Database` that `migrate()` expects: its own transaction is this one. */
function asDatabase(tx: Queryable, kind: Database['kind']): Database {
  return {
    kind,
    query: (sql, params) => tx.query(sql, params),
    exec: (sql) => tx.exec(sql),
    transaction: (fn) => fn(tx),
    listen: () => Promise.reject(new Error('no LISTEN inside the copy')),
    close: async () => {},
  };
}

/** Tables, sequences and functions of the current schema: an empty database has none. */
async function objectsIn(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
     UNION ALL
     SELECT p.proname || '()' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = current_schema()
     ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

/**
 * Copies one table, its rows read in primary-key order, page by page: each page starts
 * after the previous page's last key, compared as a typed row (the key's values go through
 * JSON like the rows, so any key type works). Nothing writes meanwhile: the folder is locked.
 */
async function copyTable(source: Queryable, target: Queryable, table: TableInfo): Promise<number> {
  const name = quoteIdent(table.name);
  const columns = table.columns.map(quoteIdent).join(', ');
  const insert = async (rows: string[]) => {
    if (rows.length === 0) return;
    // JSON carries every type faithfully (arrays, jsonb, timestamptz to the microsecond);
    // OVERRIDING SYSTEM VALUE keeps identity ids as they were.
    await target.query(
      `INSERT INTO ${name} (${columns}) OVERRIDING SYSTEM VALUE
       SELECT ${columns} FROM json_populate_recordset(NULL::${name}, $1::json)`,
      [`[${rows.join(',')}]`],
    );
  };
  // A table without a primary key (none today) is read in one go.
  const key = table.primaryKey.map(quoteIdent).join(', ');
  const page = key ? BATCH_ROWS : 0;
  let after: string | null = null;
  let copied = 0;
  let pending: string[] = [];
  for (;;) {
    const { rows }: { rows: { row: string }[] } = await source.query<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM ${name} t
        ${after === null ? '' : `WHERE (${key}) > (SELECT ${key} FROM json_populate_record(NULL::${name}, $1::json))`}
        ${key ? `ORDER BY ${key} LIMIT ${page}` : ''}`,
      after === null ? [] : [after],
    );
    pending.push(...rows.map((r) => r.row));
    copied += rows.length;
    // A row may reference one later in the same table: insert them all in one statement,
    // whose foreign-key checks run at its end.
    if (!table.selfReferencing) {
      await insert(pending);
      pending = [];
    }
    const last = rows.at(-1);
    if (!last || !key || rows.length < page) break;
    after = last.row;
  }
  await insert(pending);
  return copied;
}

/**
 * Copies `source` (PGlite, locked by the caller) into `target` (an empty PostgreSQL
 * database): brings the source's schema up to date, runs the migrations on the target,
 * copies every table's rows parents first with their ids, sets every sequence where the
 * source left it (so `events.id` continues), then compares each table's row count and
 * checksum — all in one transaction on the target.
 */
export async function migrateToPostgres(source: Database, target: Database, log: (line: string) => void = () => {}): Promise<CopyReport> {
  const sourceMigrations = await migrate(source);
  if (sourceMigrations.length) log(`source brought up to date: ${sourceMigrations.join(', ')}`);
  const tables = (await userTables(source)).filter((t) => t.name !== 'schema_migrations');
  const sequences = await userSequences(source);
  const expected = await fingerprints(source, tables.map((t) => t.name));

  const copied = await target.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [COPY_LOCK_KEY]);
    const existing = await objectsIn(tx);
    if (existing.length > 0) throw new TargetNotEmptyError(existing);
    await migrate(asDatabase(tx, target.kind));
    await sameMigrations(source, tx);

    // Rows are copied as they are: triggers already ran when they were first written (and
    // the ledger's append-only trigger would refuse the clean-up below).
    for (const table of tables) await tx.query(`ALTER TABLE ${quoteIdent(table.name)} DISABLE TRIGGER USER`);
    // Whatever a migration itself inserted is in the source too: it comes over with the rest.
    for (const table of [...tables].reverse()) await tx.query(`DELETE FROM ${quoteIdent(table.name)}`);
    const counts: CopiedTable[] = [];
    for (const table of tables) {
      const rows = await copyTable(source, tx, table);
      counts.push({ table: table.name, rows });
      log(`copied ${table.name}: ${rows} row(s)`);
    }
    for (const table of tables) await tx.query(`ALTER TABLE ${quoteIdent(table.name)} ENABLE TRIGGER USER`);

    for (const sequence of sequences) {
      const { rows } = await source.query<{ last_value: number; is_called: boolean }>(`SELECT last_value, is_called FROM ${quoteIdent(sequence)}`);
      const position = rows[0];
      if (position) await tx.query('SELECT setval($1::regclass, $2, $3)', [quoteIdent(sequence), position.last_value, position.is_called]);
    }

    const actual = await fingerprints(tx, tables.map((t) => t.name));
    const differences = tables
      .map((t) => t.name)
      .filter((name) => actual.get(name)?.rows !== expected.get(name)?.rows || actual.get(name)?.md5 !== expected.get(name)?.md5)
      .map((name) => `${name} (${expected.get(name)?.rows ?? 0} rows in the source, ${actual.get(name)?.rows ?? 0} copied)`);
    if (differences.length > 0) throw new OpsError(`The copy differs from the source in ${differences.join(', ')}; nothing was written.`);
    return counts;
  });
  // Fresh statistics, so the planner does not guess on the first requests.
  await target.exec('ANALYZE');
  return { tables: copied, sequences, sourceMigrations };
}

/** Both databases must have applied exactly the same migrations, or their tables differ. */
async function sameMigrations(source: Queryable, target: Queryable): Promise<void> {
  const names = async (q: Queryable) => (await q.query<{ name: string }>('SELECT name, checksum FROM schema_migrations ORDER BY name')).rows.map((r) => JSON.stringify(r));
  const [a, b] = [await names(source), await names(target)];
  if (a.join() !== b.join()) throw new OpsError('The source and the target applied different migrations; update kith-server on both sides and retry.');
}
