// The checks every opportunity write makes, in one order so concurrent writes queue instead
// of deadlocking: the target stage first (moves and creations into one stage take turns),
// then the deal's row, then its version against `If-Match`.
import type { Context } from 'hono';
import type { Opportunity } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import type { AppEnv } from '../http/env.js';
import { ApiError, validationError } from '../http/errors.js';
import { STAGE_COLUMNS, type StageRow } from '../pipelines/read.js';
import { visibleOpportunities, type Visibility } from '../visibility/visibility.js';
import { OPPORTUNITY_COLUMNS, toOpportunity, type OpportunityRow } from './read.js';

const VERSION = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/;

/** The version in `If-Match` (`"3"`, as `ETag` gives it): missing → 428, unreadable → 400. */
export function ifMatchVersion(c: Context<AppEnv>): number {
  const header = c.req.header('If-Match');
  if (header === undefined) {
    throw new ApiError(428, 'precondition_required', 'Send If-Match: "<version>" (the ETag or version you last read) to change this record.');
  }
  const match = VERSION.exec(header);
  if (!match?.[1]) throw new ApiError(400, 'bad_request', 'If-Match must be a version, e.g. If-Match: "3".');
  return Number(match[1]);
}

/** 400 on one field of the body (an id that names nothing the viewer may use). */
export function badField(field: string | string[], message: string): ApiError {
  const path = typeof field === 'string' ? [field] : field;
  return validationError(`Invalid body: ${path.join('.')} ${message}`, [{ path, message }]);
}

/** The stage, locked for this transaction: moves and creations into it take turns, so ranks never collide. */
export async function lockStage(tx: Queryable, stageId: string): Promise<(StageRow & { currency: string }) | null> {
  const { rows } = await tx.query<StageRow & { currency: string }>(
    `SELECT ${STAGE_COLUMNS}, p.currency FROM stages s JOIN pipelines p ON p.id = s.pipeline_id WHERE s.id = $1 FOR NO KEY UPDATE OF s`,
    [stageId],
  );
  return rows[0] ?? null;
}

/** The deal, locked (not against foreign-key checks: an interaction may still refer to it), if the viewer may see it; otherwise 404 as for an unknown id. */
export async function lockOpportunity(tx: Queryable, v: Visibility, id: string): Promise<Opportunity> {
  const visible = visibleOpportunities(v, 'o', 2);
  const { rows } = await tx.query<OpportunityRow>(
    `SELECT ${OPPORTUNITY_COLUMNS} FROM opportunities o WHERE o.id = $1 AND ${visible.sql} FOR NO KEY UPDATE OF o`,
    [id, ...visible.params],
  );
  const row = rows[0];
  if (!row) throw new ApiError(404, 'not_found', `No opportunity with id ${id}.`);
  return toOpportunity(row);
}

/** A stale `If-Match` → 409 with the current record, so the client can merge and retry. */
export function assertVersion(current: Opportunity, expected: number): void {
  if (current.version !== expected) {
    throw new ApiError(409, 'conflict', `The opportunity changed: version ${current.version}, not ${expected}.`, { current });
  }
}

/** An owner must be a staff member. */
export async function assertStaff(tx: Queryable, ownerId: string | null | undefined): Promise<void> {
  if (ownerId === undefined || ownerId === null) return;
  const { rows } = await tx.query('SELECT 1 FROM staff WHERE id = $1', [ownerId]);
  if (rows.length === 0) throw badField('ownerId', 'is not a staff member');
}
