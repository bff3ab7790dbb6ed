// Transfer of customers between staff, and sharing them with colleagues (audited).
import type { Customer, CustomerShares } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { customerUpdated } from '../events/customer-events.js';
import { forbidden } from '../http/auth.js';
import type { Visibility } from '../visibility/visibility.js';
import { leadsAll, requireStaff, staleVersion, visibleCustomer } from './guards.js';

/**
 * Gives the customer to `ownerId`. Only someone who leads both the current and the new
 * owner may (a manager within their team, an admin, the shop's server): a representative
 * cannot hand their customers away or take a colleague's. Bumps the version.
 *
 * `expected` (from `If-Match`, null without it) is the version the person decided on. The
 * checks run in this order, the row locked first as in a PATCH: 404 for a customer the viewer
 * does not see; 409 with the current record when the version is stale (the owner may have
 * changed meanwhile: the person must look again before anything else is judged); 400 for an
 * unknown staff user; 403 when the viewer may not transfer between these two owners. Only
 * someone who sees the customer reaches the 409, so its `current` reveals nothing new.
 */
export async function assignCustomer(
  q: Queryable,
  input: { credential: Credential; viewer: Visibility; id: string; ownerId: string; expected: number | null; now: Date },
): Promise<Customer> {
  const { credential, viewer, id, ownerId, expected, now } = input;
  await q.query('SELECT 1 FROM customers WHERE id = $1 FOR UPDATE', [id]);
  const before = await visibleCustomer(q, viewer, id);
  if (expected !== null && before.version !== expected) throw staleVersion(before, expected);
  await requireStaff(q, ownerId, 'ownerId');
  if (!(await leadsAll(q, credential, [before.ownerId, ownerId], { managersOnly: true }))) {
    throw forbidden('Only a manager of both the current and the new owner (or an admin) may transfer a customer.');
  }
  if (before.ownerId === ownerId) return before;
  await q.query('UPDATE customers SET owner_id = $2, version = version + 1, updated_at = $3 WHERE id = $1', [id, ownerId, now]);
  const after = await visibleCustomer(q, { kind: 'all' }, id);
  await customerUpdated(q, id, { version: after.version, ownerId }, now);
  await audit(q, credential, { action: 'customer.assign', entity: 'customer', entityId: id, before: { ownerId: before.ownerId, version: before.version }, after: { ownerId, version: after.version } }, now);
  return after;
}

/** The staff a customer is shared with, by id. */
export async function sharesOf(q: Queryable, customerId: string): Promise<CustomerShares> {
  const { rows } = await q.query<{ staff_id: string }>('SELECT staff_id FROM customer_shares WHERE customer_id = $1 ORDER BY staff_id', [customerId]);
  return { customerId, staffIds: rows.map((row) => row.staff_id) };
}

/**
 * Shares the customer with a colleague (`share`) or stops sharing it. Whoever leads the
 * owner may: the owner, their managers, an admin, the shop's server — not someone it was
 * only shared with. Idempotent: sharing twice or unsharing what was not shared changes
 * nothing and writes no audit entry.
 */
export async function setShare(
  q: Queryable,
  input: { credential: Credential; viewer: Visibility; id: string; staffId: string; share: boolean; now: Date },
): Promise<CustomerShares> {
  const { credential, viewer, id, staffId, share, now } = input;
  const customer = await visibleCustomer(q, viewer, id);
  if (!(await leadsAll(q, credential, [customer.ownerId]))) {
    throw forbidden('Only the owner, their manager or an admin may share this customer.');
  }
  const before = await sharesOf(q, id);
  if (share) {
    await requireStaff(q, staffId, 'staffId');
    await q.query('INSERT INTO customer_shares (customer_id, staff_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [id, staffId, now]);
  } else {
    await q.query('DELETE FROM customer_shares WHERE customer_id = $1 AND staff_id = $2', [id, staffId]);
  }
  const after = await sharesOf(q, id);
  if (before.staffIds.length !== after.staffIds.length) {
    await customerUpdated(q, id, { version: customer.version, sharedWith: after.staffIds }, now);
    await audit(q, credential, { action: share ? 'customer.share' : 'customer.unshare', entity: 'customer', entityId: id, before, after }, now);
  }
  return after;
}
