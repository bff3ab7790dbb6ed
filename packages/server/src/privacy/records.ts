// Live events as an export lists them (the audit trail and webhook deliveries use the
// mappers of `GET /v1/audit` and the delivery log: `audit/records.ts`, `webhooks/deliveries.ts`).
import type { KithEvent } from '@kith/schema';
import { iso } from '../db/rows.js';

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
