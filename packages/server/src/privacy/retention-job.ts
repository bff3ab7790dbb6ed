import type { Database } from '../db/database.js';
import type { Job } from '../jobs/scheduler.js';
import type { RetentionSettings } from '../settings.js';

/** Rows per statement: short transactions, so a large backlog never holds locks for long. */
const BATCH = 1_000;
const DAY_MS = 86_400_000;

/**
 * One sweep: a table, the setting giving its age limit, and a DELETE of up to `$2` rows older
 * than `$1`. Rows are claimed with `FOR UPDATE SKIP LOCKED`, so instances running the job at
 * once delete disjoint batches (and never wait on each other or on a dispatcher's claim).
 */
interface Sweep {
  what: string;
  setting: keyof RetentionSettings;
  sql: string;
}

const SWEEPS: readonly Sweep[] = [
  {
    what: 'idempotency keys',
    setting: 'idempotencyDays',
    sql: `DELETE FROM idempotency_keys WHERE (subject, method, path, key) IN (
            SELECT subject, method, path, key FROM idempotency_keys WHERE created_at < $1
             ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING 1`,
  },
  {
    // Pending deliveries are the queue, not the log: they stay until delivered or failed.
    what: 'webhook deliveries',
    setting: 'webhookLogDays',
    sql: `DELETE FROM webhook_deliveries WHERE id IN (
            SELECT id FROM webhook_deliveries WHERE status IN ('delivered', 'failed') AND created_at < $1
             ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING 1`,
  },
  {
    what: 'events',
    setting: 'eventDays',
    sql: `DELETE FROM events WHERE id IN (
            SELECT id FROM events WHERE at < $1 ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING 1`,
  },
];

/**
 * The cutoff for a retention of `days` at `now`: rows created strictly before it go. A
 * setting that is not a positive number turns its sweep off (kept forever).
 */
export function retentionCutoff(now: Date, days: number): Date | null {
  return Number.isFinite(days) && days > 0 ? new Date(now.getTime() - days * DAY_MS) : null;
}

/** Deletes what is older than each retention setting, by the job's clock; returns the counts. */
export async function applyRetention(db: Database, settings: RetentionSettings, now: Date): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const sweep of SWEEPS) {
    const cutoff = retentionCutoff(now, settings[sweep.setting]);
    if (cutoff === null) continue;
    let total = 0;
    for (;;) {
      const { rows } = await db.query(sweep.sql, [cutoff, BATCH]);
      total += rows.length;
      if (rows.length < BATCH) break;
    }
    deleted[sweep.what] = total;
  }
  return deleted;
}

/** Deletes idempotency records, webhook logs and events older than the retention settings. */
export const retentionJobs: Job[] = [
  {
    name: 'retention',
    async run({ db, now, settings, log }) {
      const deleted = await applyRetention(db, settings.retention, now);
      const done = Object.entries(deleted).filter(([, n]) => n > 0);
      if (done.length > 0) log(`retention: deleted ${done.map(([what, n]) => `${n} ${what}`).join(', ')}`);
    },
  },
];
