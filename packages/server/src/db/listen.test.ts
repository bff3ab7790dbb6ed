import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { closeAll, postgresUrl, variants } from '../test-support/database.js';
import { openPostgres } from './postgres.js';

after(closeAll);

/** Resolves with the next payload `listen` delivers, or rejects after `ms`. */
function nextPayload(payloads: string[], ms = 5_000): Promise<string> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      const payload = payloads.shift();
      if (payload !== undefined) return resolve(payload);
      if (Date.now() - started > ms) return reject(new Error('no notification arrived'));
      setTimeout(poll, 10);
    };
    poll();
  });
}

for (const variant of variants()) {
  describe(`LISTEN/NOTIFY on ${variant.name}`, { skip: variant.skip }, () => {
    test('a notification sent in a transaction arrives at commit, never after a rollback', async () => {
      const db = await variant.open();
      const payloads: string[] = [];
      const unlisten = await db.listen('kith_test_channel', (payload) => payloads.push(payload));
      try {
        await db.transaction(async (tx) => {
          await tx.query('SELECT pg_notify($1, $2)', ['kith_test_channel', 'rolled back']);
          throw new Error('roll back');
        }).catch(() => undefined);
        await db.transaction(async (tx) => {
          await tx.query('SELECT pg_notify($1, $2)', ['kith_test_channel', 'committed']);
        });
        assert.equal(await nextPayload(payloads), 'committed');
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.deepEqual(payloads, []);
      } finally {
        await unlisten();
      }
    });

    test('a channel name is an identifier, never arbitrary text', async () => {
      const db = await variant.open();
      await assert.rejects(db.listen('x; DROP TABLE customers', () => {}), /bad NOTIFY channel/);
    });
  });
}

describe('the PostgreSQL listening connection', { skip: variants()[1]?.skip ?? false }, () => {
  test('is one connection per process, and comes back after it is killed, reporting the gap', async () => {
    const url = await postgresUrl();
    const db = await openPostgres(url);
    const other = await openPostgres(url);
    try {
      const payloads: string[] = [];
      let gaps = 0;
      await db.listen('kith_test_a', (payload) => payloads.push(`a:${payload}`), () => gaps++);
      await db.listen('kith_test_b', (payload) => payloads.push(`b:${payload}`), () => gaps++);
      const { rows } = await other.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
      );
      assert.equal(rows.length, 1, 'both channels share one listening connection');

      await other.query('SELECT pg_notify($1, $2)', ['kith_test_b', 'before']);
      assert.equal(await nextPayload(payloads), 'b:before');

      await other.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid ?? 0]);
      const started = Date.now();
      while (gaps < 2 && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(gaps, 2, 'every subscriber hears about the gap after the reconnect');

      await other.query('SELECT pg_notify($1, $2)', ['kith_test_a', 'after']);
      assert.equal(await nextPayload(payloads), 'a:after');
    } finally {
      await db.close();
      await other.close();
    }
  });
});
