// Request and response shapes of the /v1 routes for audit (beyond the domain records).
import * as z from 'zod/mini';
import { Id, Timestamp, shortText } from './common.js';
import { PageQuery, page } from './page.js';

/** Who acted: a staff user, the shop's server (secret key id), a customer, a publishable key, or the system. */
export const AuditActorKind = z.enum(['staff', 'secret', 'customer', 'publishable', 'system']);
export type AuditActorKind = z.infer<typeof AuditActorKind>;

/**
 * `GET /v1/audit`: every filter optional, combined with AND; `since` inclusive, `until`
 * exclusive. Newest first.
 */
export const AuditQuery = z
  .extend(PageQuery, {
    /** The kind of record changed, e.g. `review`, `opportunity`, `loyalty_account`. */
    entity: z.optional(shortText(64)),
    entityId: z.optional(shortText(200)),
    /** A staff id, a key id or a customer id. */
    actorId: z.optional(shortText(200)),
    /** e.g. `review.moderate`, `opportunity.move`. */
    action: z.optional(shortText(100)),
    since: z.optional(Timestamp),
    until: z.optional(Timestamp),
  })
  .check(
    z.refine((q) => q.since === undefined || q.until === undefined || Date.parse(q.since) <= Date.parse(q.until), {
      message: 'since must not be after until',
      path: ['since'],
    }),
  );
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One recorded write: who did what to which record, when, with the record before and after. */
export const AuditRecord = z.strictObject({
  id: Id,
  actor: z.strictObject({ kind: AuditActorKind, id: shortText(200) }),
  action: shortText(100),
  entity: shortText(64),
  entityId: shortText(200),
  /** The record before the write (null for a creation), as the API showed it. */
  before: z.nullable(z.json()),
  /** The record after the write (null for a deletion). */
  after: z.nullable(z.json()),
  at: Timestamp,
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditPage = page(AuditRecord);
export type AuditPage = z.infer<typeof AuditPage>;
