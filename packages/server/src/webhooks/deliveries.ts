// The delivery log as the API shows it, and the deliveries queued by hand (a ping, a
// redelivery). Event deliveries are queued by `enqueue.ts`.
import { randomUUID } from 'node:crypto';
import type { WebhookDelivery, WebhookDeliveryQuery, WebhookPing } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import { iso, isoOrNull } from '../db/rows.js';
import { ApiError } from '../http/errors.js';
import { must } from '../util/must.js';
import { wakeDispatchers } from './enqueue.js';

/** A `webhook_deliveries` row as the delivery log (and a customer's export) reads it. */
export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_type: WebhookDelivery['eventType'];
  payload: Record<string, unknown>;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: Date | null;
  created_at: Date;
  /** `created_at` to the microsecond, for the cursor. */
  at_key: string;
}

/** The columns of a {@link DeliveryRow}, unqualified (one table in the query). */
export const DELIVERY_COLUMNS = `id, endpoint_id, event_type, payload, status, attempts, next_attempt_at, last_attempt_at, last_status_code,
  last_error, delivered_at, created_at, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key`;

export function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.endpoint_id,
    eventId: String(row.payload.id),
    eventType: row.event_type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    lastAttemptAt: isoOrNull(row.last_attempt_at),
    lastStatusCode: row.last_status_code,
    lastError: row.last_error,
    deliveredAt: isoOrNull(row.delivered_at),
    createdAt: iso(row.created_at),
    payload: row.payload,
  };
}

/** One endpoint's deliveries, newest first, optionally of one status, after the cursor's `[at_key, id]`. */
export async function listDeliveries(
  q: Queryable,
  endpointId: string,
  query: WebhookDeliveryQuery,
  after: readonly [string, string] | null,
): Promise<{ items: WebhookDelivery[]; last: readonly [string, string] | null }> {
  const limit = query.limit ?? 20;
  const params: SqlValue[] = [endpointId, limit + 1];
  const where = ['endpoint_id = $1'];
  if (query.status !== undefined) {
    params.push(query.status);
    where.push(`status = $${params.length}`);
  }
  if (after) {
    params.push(after[0], after[1]);
    where.push(`(created_at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  const { rows } = await q.query<DeliveryRow>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $2`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toDelivery), last: rows.length > limit && last ? [last.at_key, last.id] : null };
}

async function queue(tx: Queryable, endpointId: string, eventId: string | null, eventType: string, payload: unknown, now: Date): Promise<WebhookDelivery> {
  const { rows } = await tx.query<DeliveryRow>(
    `INSERT INTO webhook_deliveries (endpoint_id, event_id, event_type, payload, next_attempt_at, created_at)
     VALUES ($1, $2, $3, $4::jsonb, $5, $5) RETURNING ${DELIVERY_COLUMNS}`,
    [endpointId, eventId, eventType, JSON.stringify(payload), now],
  );
  await wakeDispatchers(tx);
  return toDelivery(must(rows[0], 'the queued delivery'));
}

/** Queues a test delivery (a `ping`) to the endpoint. */
export async function queuePing(tx: Queryable, endpointId: string, now: Date): Promise<WebhookDelivery> {
  const ping: WebhookPing = { id: randomUUID(), type: 'ping', at: iso(now), data: { webhookId: endpointId } };
  return queue(tx, endpointId, null, 'ping', ping, now);
}

/**
 * Queues the same body again as a new delivery (the log keeps the old one as it ended).
 * The event id stays, so a receiver that already handled it can tell.
 */
export async function queueRedelivery(tx: Queryable, endpointId: string, deliveryId: string, now: Date): Promise<WebhookDelivery> {
  const { rows } = await tx.query<{ event_id: number | null; event_type: string; payload: Record<string, unknown> }>(
    'SELECT event_id, event_type, payload FROM webhook_deliveries WHERE id = $1 AND endpoint_id = $2',
    [deliveryId, endpointId],
  );
  const original = rows[0];
  if (!original) throw new ApiError(404, 'not_found', `No delivery with id ${deliveryId} for this endpoint.`);
  return queue(tx, endpointId, original.event_id === null ? null : String(original.event_id), original.event_type, original.payload, now);
}
