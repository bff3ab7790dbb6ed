// Checks shared by the customer writes: If-Match, who may own a customer, organisations.
import type { Customer } from '@kith/schema';
import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { forbidden } from '../http/auth.js';
import { ApiError, validationError } from '../http/errors.js';
import { canSeeCustomer, type Visibility } from '../visibility/visibility.js';
import { getCustomer } from './read.js';

/**
 * The version an `If-Match` header asks for: `"3"` (what the ETag says), `W/"3"` or `3`.
 * Missing → 428: an update without a version could silently undo someone else's change.
 */
export function expectedVersion(header: string | undefined): number {
  if (header === undefined) {
    throw new ApiError(428, 'precondition_required', 'Send If-Match: "<version>" (the ETag of the customer you edited).');
  }
  const match = /^\s*(?:W\/)?"?([1-9]\d{0,8})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw validationError('Invalid If-Match: expected "<version>", e.g. "3"', [{ path: ['If-Match'], message: 'Must be a quoted version number' }]);
  }
  return Number(match[1]);
}

/** 404 for a customer the viewer may not see, exactly as for an unknown id. */
export async function visibleCustomer(q: Queryable, viewer: Visibility, id: string): Promise<Customer> {
  const customer = (await canSeeCustomer(q, viewer, id)) ? await getCustomer(q, id) : null;
  if (!customer) throw new ApiError(404, 'not_found', `No customer with id ${id}.`);
  return customer;
}

/** 409 with the current record: the write was based on an older version. */
export function staleVersion(current: Customer, expected: number): ApiError {
  return new ApiError(409, 'conflict', `The customer changed meanwhile: you sent version ${expected}, it is now at version ${current.version}. Merge with the current record and retry.`, { current });
}

/**
 * Whether the acting staff user leads every one of `staffIds` (themself or a report,
 * recursively). Admins and the secret key lead everybody; null ids (no owner) pass.
 * `managersOnly`: a representative, who leads only themself, does not count.
 */
export async function leadsAll(
  q: Queryable,
  credential: Credential,
  staffIds: readonly (string | null)[],
  options: { managersOnly?: boolean } = {},
): Promise<boolean> {
  if (credential.kind === 'secret') return true;
  if (credential.kind !== 'staff') return false;
  const { rows } = await q.query<{ role: string; outside: number }>(
    `SELECT s.role,
            (SELECT count(*)::int FROM unnest($2::uuid[]) AS t(id)
              WHERE t.id NOT IN (SELECT id FROM kith_staff_scope($1::uuid))) AS outside
       FROM staff s WHERE s.id = $1`,
    [credential.staffId, staffIds.filter((id): id is string => id !== null)],
  );
  const me = rows[0];
  if (me === undefined) return false;
  return me.role === 'admin' || (me.outside === 0 && (!options.managersOnly || me.role === 'manager'));
}

/** The staff user must exist: an unknown owner or share is a 400 on `field`. */
export async function requireStaff(q: Queryable, id: string, field: string): Promise<void> {
  const { rows } = await q.query('SELECT 1 FROM staff WHERE id = $1', [id]);
  if (rows.length === 0) throw validationError(`No staff user with id ${id}.`, [{ path: [field], message: 'Unknown staff user' }]);
}

/** The owner a staff user may give a customer: themself or their team; admins anyone. */
export async function checkOwner(q: Queryable, credential: Credential, ownerId: string | null): Promise<void> {
  if (ownerId === null) return;
  await requireStaff(q, ownerId, 'ownerId');
  if (!(await leadsAll(q, credential, [ownerId]))) {
    throw forbidden('You may give a customer only to yourself or someone in your team.');
  }
}

/**
 * A contact person's organisation must be an organisation customer the viewer sees, and
 * not the customer itself.
 */
export async function checkOrganisation(q: Queryable, viewer: Visibility, organisationId: string | null | undefined, selfId?: string): Promise<void> {
  if (organisationId === null || organisationId === undefined) return;
  const issue = (message: string) => validationError(`organisationId: ${message}`, [{ path: ['organisationId'], message }]);
  if (organisationId === selfId) throw issue('A customer cannot be its own organisation');
  const { rows } = await q.query<{ kind: string }>('SELECT kind FROM customers WHERE id = $1', [organisationId]);
  if (!rows[0] || !(await canSeeCustomer(q, viewer, organisationId))) throw issue('No such organisation');
  if (rows[0].kind !== 'organisation') throw issue('Not an organisation');
}

/** Whether a database error is a unique-index violation (a concurrent duplicate). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
