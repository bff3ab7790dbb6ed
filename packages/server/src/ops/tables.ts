import type { Database, Queryable } from '../db/database.js';

// What the operations commands need to know about a database's own tables, read from the
// catalog rather than listed by hand, so a table added by a later migration is copied and
// compared without anyone remembering to add it here.

/** A table of the current schema as the copy needs it. */
export interface TableInfo {
  name: string;
  /** Columns a row can be inserted with (generated columns are computed again). */
  columns: string[];
  /** A foreign key to itself (staff → manager): its rows go in one statement. */
  selfReferencing: boolean;
  /** The primary key's columns (empty without one): the order rows are read in. */
  primaryKey: string[];
}

/** `"name"`: catalog names only, never input — but quoted all the same. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The current schema's tables, every table after the tables it references (parents first),
 * ties in name order. A cycle of foreign keys between tables is refused: no insertion order
 * could satisfy it.
 */
export async function userTables(q: Queryable): Promise<TableInfo[]> {
  const { rows: tables } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const { rows: links } = await q.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid
       JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE k.contype = 'f' AND n.nspname = current_schema()`,
  );
  const { rows: columns } = await q.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY c.relname, a.attnum`,
  );
  const { rows: keys } = await q.query<{ table: string; column: string }>(
    `SELECT c.relname AS table, a.attname AS column
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, position) ON true
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = current_schema()
      ORDER BY c.relname, k.position`,
  );

  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set<string>()]));
  const selfReferencing = new Set<string>();
  for (const { child, parent } of links) {
    if (child === parent) selfReferencing.add(child);
    else parents.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.map((t) => t.name).filter((name) => !placed.has(name) && [...(parents.get(name) ?? [])].every((p) => placed.has(p)));
    if (ready.length === 0) {
      const stuck = tables.map((t) => t.name).filter((name) => !placed.has(name));
      throw new Error(`Foreign keys form a cycle between ${stuck.join(', ')}: no copy order exists.`);
    }
    for (const name of ready) {
      ordered.push(name);
      placed.add(name);
    }
  }
  return ordered.map((name) => ({
    name,
    columns: columns.filter((c) => c.table === name).map((c) => c.column),
    selfReferencing: selfReferencing.has(name),
    primaryKey: keys.filter((k) => k.table === name).map((k) => k.column),
  }));
}

/** The current schema's sequences (`events_id_seq`, …). */
export async function userSequences(q: Queryable): Promise<string[]> {
  const { rows } = await q.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'S' ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

/** A table's row count and a checksum of every row's text, in a fixed order. */
export interface TableFingerprint {
  rows: number;
  md5: string;
}

/**
 * Row count and `md5` of all rows of each table, comparable between two databases (PGlite
 * and PostgreSQL, or a folder and its restored copy): the text form of values is pinned
 * (UTC, ISO dates, shortest exact floats) and rows are ordered byte-wise. Pass the open
 * transaction when already inside one.
 */
export async function fingerprints(db: Database | Queryable, tables: readonly string[]): Promise<Map<string, TableFingerprint>> {
  const run = async (q: Queryable) => {
    await q.query("SET LOCAL TimeZone TO 'UTC'");
    await q.query("SET LOCAL DateStyle TO 'ISO, YMD'");
    await q.query("SET LOCAL IntervalStyle TO 'postgres'");
    await q.query('SET LOCAL extra_float_digits TO 1');
    const out = new Map<string, TableFingerprint>();
    for (const table of tables) {
      const { rows } = await q.query<{ n: number; md5: string }>(
        `SELECT count(*)::int AS n, md5(COALESCE(string_agg(t::text, ',' ORDER BY t::text COLLATE "C"), '')) AS md5 FROM ${quoteIdent(table)} t`,
      );
      out.set(table, { rows: rows[0]?.n ?? 0, md5: rows[0]?.md5 ?? '' });
    }
    return out;
  };
  return 'transaction' in db ? db.transaction(run) : run(db);
}
