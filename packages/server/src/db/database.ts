/**
 * The one storage seam of the server: PGlite (embedded) and PostgreSQL (`pg` pool)
 * both implement it, and every query in the code base goes through it with `$n`
 * parameters. Kept tiny on purpose so the two adapters cannot drift apart.
 */

/** A row set; `rows` are plain objects keyed by column name. */
export interface QueryResult<T> {
  rows: T[];
}

/** A value that may be bound to a `$n` parameter. Arrays bind as Postgres arrays. */
export type SqlValue = string | number | boolean | null | Date | readonly SqlValue[];

/** Something queries run on: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one parameterised statement. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<QueryResult<T>>;
  /** Runs a trusted multi-statement script without parameters (migration files only). */
  exec(sql: string): Promise<void>;
}

/** Which engine is behind a {@link Database}. */
export type DatabaseKind = 'pglite' | 'postgres';

/** A database connection (PGlite) or pool (PostgreSQL). */
export interface Database extends Queryable {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Subscribes to a `NOTIFY` channel. PGlite delivers on its one connection; PostgreSQL on
   * one dedicated listening connection per process (shared by every channel), reconnected
   * when lost — after which `onGap` runs, since notifications sent meanwhile are gone.
   * Send with `SELECT pg_notify($1, $2)`: inside a transaction it is delivered at commit.
   * Returns the unsubscribe function.
   */
  listen(channel: string, onPayload: (payload: string) => void, onGap?: () => void): Promise<() => Promise<void>>;
  /** Closes the connection or pool; the database is unusable afterwards. */
  close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

/** A channel name is an identifier in `LISTEN`, never a parameter: only these shapes pass. */
export function checkChannel(channel: string): string {
  if (!CHANNEL.test(channel)) throw new Error(`bad NOTIFY channel name ${JSON.stringify(channel)}`);
  return channel;
}

/**
 * `int8` (bigint) columns — money in minor units, counts — are parsed to JS numbers by
 * both adapters so rows look the same on either engine. Amounts beyond 2^53 are refused
 * loudly rather than rounded.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} is beyond Number.MAX_SAFE_INTEGER`);
  return value;
}

/** Postgres type oid of `int8`. */
export const INT8_OID = 20;
