import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';

/** One audited change: who did what to which record, with the record before and after. */
export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** The actor columns of an audit row for a credential. */
function actorOf(credential: Credential): { kind: string; id: string } {
  switch (credential.kind) {
    case 'staff':
      return { kind: 'staff', id: credential.staffId };
    case 'customer':
      return { kind: 'customer', id: credential.customerId };
    case 'secret':
      return { kind: 'secret', id: credential.keyId };
    case 'publishable':
      return { kind: 'publishable', id: credential.keyId };
    case 'none':
      return { kind: 'system', id: 'anonymous' };
  }
}

/**
 * Records a write in the audit log, in the write's own transaction, so a change and its
 * record commit or roll back together.
 */
export async function audit(tx: Queryable, credential: Credential, entry: AuditEntry, at: Date): Promise<void> {
  const actor = actorOf(credential);
  await tx.query(
    `INSERT INTO audit_log (actor_kind, actor_id, action, entity, entity_id, before, after, at)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
    [actor.kind, actor.id, entry.action, entry.entity, entry.entityId, json(entry.before), json(entry.after), at],
  );
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
