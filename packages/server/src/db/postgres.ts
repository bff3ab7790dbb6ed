import pg from 'pg';
import { PostgresListener } from './postgres-listener.js';
import { INT8_OID, parseInt8, type Database, type Queryable, type SqlValue } from './database.js';

type Client = pg.Pool | pg.PoolClient;

/** Wraps a pool or a checked-out client as a {@link Queryable}. */
function queryable(client: Client): Queryable {
  return {
    async query<T>(sql: string, params: readonly SqlValue[] = []) {
      const result = await client.query(sql, [...params]);
      return { rows: result.rows as T[] };
    },
    async exec(sql: string) {
      // No parameters: `pg` uses the simple query protocol, which runs several statements.
      await client.query(sql);
    },
  };
}

/** Per-pool type parsers (never the global `pg.types`, which other code may share). */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** Opens a `pg` pool on a PostgreSQL URL. Several server instances may share one database. */
export async function openPostgres(
  connectionString: string,
  options: { max?: number; log?: (line: string) => void } = {},
): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.log?.(`postgres: idle client error: ${error.message}`));
  // Fail at start, not on the first request, when the URL is wrong or the server is down.
  const probe = await pool.connect();
  probe.release();
  const listener = new PostgresListener(connectionString, options.log);
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onPayload, onGap) => listener.listen(channel, onPayload, onGap),
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
