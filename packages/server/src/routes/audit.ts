import * as z from 'zod/mini';
import { AuditPage, AuditQuery, Id } from '@kith/schema';
import { decodeCursor, encodeCursor } from '../analytics/cursor.js';
import { AUDIT_COLUMNS, toAuditRecord, type AuditRow } from '../audit/records.js';
import type { SqlValue } from '../db/database.js';
import { route } from '../http/route.js';

interface AuditPageRow extends AuditRow {
  /** `at` to the microsecond (a Date keeps milliseconds), for the cursor. */
  at_key: string;
}

// The last row's exact time (text, microseconds) and id: rows written in the same
// millisecond keep their order across pages.
const AuditCursor = z.tuple([z.string().check(z.regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)), Id]);

/**
 * `GET /v1/audit`: the audit trail, newest first, filtered in SQL. Staff with `audit:read`
 * (a scope for admins and auditors: the trail is not limited to the sales hierarchy) and
 * the shop's server.
 */
export const listAudit = route({
  method: 'GET',
  path: '/v1/audit',
  summary: 'The audit trail of staff and server writes',
  tag: 'audit',
  access: { staff: 'audit:read', secret: true },
  query: AuditQuery,
  response: AuditPage,
  async handle({ db, query }) {
    const limit = query.limit ?? 20;
    const where: string[] = [];
    const params: SqlValue[] = [];
    const add = (condition: (n: string) => string, value: SqlValue) => {
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    if (query.entity !== undefined) add((n) => `entity = ${n}`, query.entity);
    if (query.entityId !== undefined) add((n) => `entity_id = ${n}`, query.entityId);
    if (query.actorId !== undefined) add((n) => `actor_id = ${n}`, query.actorId);
    if (query.action !== undefined) add((n) => `action = ${n}`, query.action);
    if (query.since !== undefined) add((n) => `at >= ${n}::timestamptz`, query.since);
    if (query.until !== undefined) add((n) => `at < ${n}::timestamptz`, query.until);
    if (query.cursor !== undefined) {
      const [at, id] = decodeCursor(query.cursor, AuditCursor);
      params.push(at, id);
      where.push(`(at, id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(limit + 1);
    const { rows } = await db.query<AuditPageRow>(
      `SELECT ${AUDIT_COLUMNS},
              to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_key
         FROM audit_log
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at DESC, id DESC
        LIMIT $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(toAuditRecord),
      next: rows.length > limit && last ? encodeCursor([last.at_key, last.id]) : null,
    };
  },
});

/** The routes of this file. */
export const auditRoutes = [listAudit];
