// The audit trail of staff and server writes.
import { AuditPage, type AuditQuery } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';

export interface AuditResource {
  /**
   * Who did what to which record and when, newest first, filtered by entity, record, actor,
   * action and time (`GET /v1/audit`). Staff token with `audit:read` (admins, auditors), or
   * the secret key.
   */
  list(query?: AuditQuery, options?: ReadOptions): Read<AuditPage>;
}

export function audit(core: KithCore): AuditResource {
  return {
    list: (query, options) => core.read({ path: '/v1/audit', query, schema: AuditPage }, options),
  };
}
