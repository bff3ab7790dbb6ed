import type { KithEvent } from '@kith/schema';
import type { Queryable } from '../db/database.js';

/** The NOTIFY channel that wakes every instance's webhook dispatcher. */
export const WEBHOOKS_CHANNEL = 'kith_webhooks';

/**
 * Queues a delivery of the event to every active endpoint subscribed to its type, in the
 * write's own transaction: the delivery exists exactly when the change commits, never for
 * a rolled-back write, and once per endpoint. Dispatchers are woken at commit.
 */
export async function enqueueWebhookDeliveries(tx: Queryable, event: KithEvent, at: Date): Promise<void> {
  const { rows } = await tx.query<{ queued: number }>(
    `WITH queued AS (
       INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, next_attempt_at, created_at)
       SELECT id, $1, $2, $3::jsonb, $4, $4 FROM webhook_endpoints WHERE active AND $2 = ANY (events)
       RETURNING 1)
     SELECT count(*)::int AS queued FROM queued`,
    [event.id, event.type, JSON.stringify(event), at],
  );
  if ((rows[0]?.queued ?? 0) > 0) await wakeDispatchers(tx);
}

/** Wakes the dispatchers of every instance (at commit, when `q` is a transaction). */
export async function wakeDispatchers(q: Queryable): Promise<void> {
  await q.query('SELECT pg_notify($1, $2)', [WEBHOOKS_CHANNEL, '']);
}
