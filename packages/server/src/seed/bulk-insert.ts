import type { Queryable, SqlValue } from '../db/database.js';

/** Postgres types the bulk insert knows how to bind as arrays. */
export type ColumnType = 'uuid' | 'text' | 'int4' | 'int8' | 'bool' | 'timestamptz' | 'date' | 'jsonb' | 'text[]';

/** A row to insert: an object whose properties named like columns hold the values. */
export type Row = object;

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Converts one value to what the array parameter of its column type carries. */
function bindable(type: ColumnType, value: unknown): SqlValue {
  if (value === undefined || value === null) return null;
  if (type === 'jsonb' || type === 'text[]') return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value as SqlValue;
}

/**
 * Inserts many rows in ONE statement: each column travels as one array parameter and
 * `unnest` turns them back into rows, so a large seed is a handful of round trips.
 * Table and column names come from the seed's own constants (checked to be plain
 * identifiers), never from input; every value is a parameter. `text[]` columns travel as
 * JSON (unnest would flatten a two-dimensional array).
 */
export async function bulkInsert(q: Queryable, table: string, columns: Record<string, ColumnType>, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const entries = Object.entries(columns);
  const names = entries.map(([name]) => name);
  for (const name of [table, ...names]) {
    if (!IDENTIFIER.test(name)) throw new Error(`bulkInsert: ${name} is not a plain identifier`);
  }
  const params = entries.map(([name, type]) => rows.map((row) => bindable(type, (row as Record<string, unknown>)[name])));
  const arrayTypes = entries.map(([, type], i) => `$${i + 1}::${type === 'text[]' ? 'jsonb' : type}[]`);
  const selects = entries.map(([name, type]) =>
    type === 'text[]' ? `COALESCE(ARRAY(SELECT jsonb_array_elements_text(u.${name})), '{}')` : `u.${name}`,
  );
  await q.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT ${selects.join(', ')} FROM unnest(${arrayTypes.join(', ')}) AS u(${names.join(', ')})`,
    params,
  );
}
