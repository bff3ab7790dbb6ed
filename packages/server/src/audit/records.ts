import type { AuditRecord } from '@kith/schema';
import { iso } from '../db/rows.js';

/** An `audit_log` row as read by the audit trail and by a customer's export. */
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

/** The columns of an {@link AuditRow}, unqualified (one table in the query). */
export const AUDIT_COLUMNS = 'id, actor_kind, actor_id, action, entity, entity_id, before, after, at';

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
