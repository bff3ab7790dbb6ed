// Rows of the logs an export includes (audit trail, live events, webhook deliveries) as
// the API shows them elsewhere (`GET /v1/audit`, `GET /v1/events`, the delivery log).
import type { AuditRecord, KithEvent, WebhookDelivery } from '@kith/schema';
import { iso, isoOrNull } from '../db/rows.js';

export interface AuditRow {
  id: string;
  actor_kind: AuditRecord['actor']['kind'];
  actor_id: string;
  action: string;
  entity: string;
  entity_id: string;
  before: AuditRecord['before'];
  after: AuditRecord['after'];
  at: Date;
}

export const AUDIT_COLUMNS = 'a.id, a.actor_kind, a.actor_id, a.action, a.entity, a.entity_id, a.before, a.after, a.at';

export function toAuditRecord(row: AuditRow): AuditRecord {
  return {
    id: row.id,
    actor: { kind: row.actor_kind, id: row.actor_id },
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    at: iso(row.at),
  };
}

export interface EventRow {
  id: number | string;
  topic: KithEvent['topic'];
  type: KithEvent['type'];
  data: KithEvent['data'];
  at: Date;
}

export const EVENT_COLUMNS = 'e.id, e.topic, e.type, e.data, e.at';

export function toKithEvent(row: EventRow): KithEvent {
  return { id: String(row.id), topic: row.topic, type: row.type, at: iso(row.at), data: row.data };
}

export interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: number | string | null;
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
}

export const DELIVERY_COLUMNS = `d.id, d.endpoint_id, d.event_id, d.event_type, d.payload, d.status, d.attempts, d.next_attempt_at,
  d.last_attempt_at, d.last_status_code, d.last_error, d.delivered_at, d.created_at`;

/** The same shape as the endpoint's delivery log (`webhooks/deliveries.ts`). */
export function toWebhookDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.endpoint_id,
    eventId: String(row.event_id ?? row.payload.id),
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
