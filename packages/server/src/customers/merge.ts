// Merging a duplicate customer into a survivor, in the write's one transaction.
import type { ContactChannel, Customer, CustomerMergeMoved, CustomerMergeResult } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable, SqlValue } from '../db/database.js';
import { customerMerged } from '../events/customer-events.js';
import { ApiError, validationError } from '../http/errors.js';
import type { Visibility } from '../visibility/visibility.js';
import { isUniqueViolation, visibleCustomer } from './guards.js';
import { lockValues, refreshValues } from '../ingestion/values.js';
import { refreshTiers } from './tiers.js';

/** Runs an UPDATE/INSERT … RETURNING 1 and counts the rows it touched. */
async function count(q: Queryable, sql: string, params: readonly SqlValue[]): Promise<number> {
  return (await q.query(sql, params)).rows.length;
}

/** The survivor's channels, then the duplicate's that it lacks (its "preferred" only where the survivor has none of that kind). */
function mergeChannels(survivor: readonly ContactChannel[], duplicate: readonly ContactChannel[]): ContactChannel[] {
  const merged = [...survivor];
  const key = (ch: ContactChannel) => `${ch.kind}\u0000${ch.value.toLowerCase()}`;
  const seen = new Set(merged.map(key));
  for (const ch of duplicate) {
    if (merged.length >= 20 || seen.has(key(ch))) continue;
    seen.add(key(ch));
    merged.push({ ...ch, preferred: ch.preferred && !merged.some((m) => m.kind === ch.kind && m.preferred) });
  }
  return merged;
}

/**
 * Moves everything of the duplicate to the survivor — timeline, orders, feedback, loyalty
 * accounts and ledger entries, opportunities, contact persons, shares — then deletes the
 * duplicate and fills the survivor's empty fields from it. Its owner keeps sight of the
 * history through a share. Value figures (ingestion's `refreshValues`, the rules of
 * `analytics/value.ts`) and tiers are recomputed. Any failure rolls back all of it.
 */
export async function mergeCustomers(
  q: Queryable,
  input: { credential: Credential; viewer: Visibility; survivorId: string; duplicateId: string; now: Date },
): Promise<CustomerMergeResult> {
  const { credential, viewer, survivorId: s, duplicateId: d, now } = input;
  if (s === d) throw validationError('duplicateId: a customer cannot be merged into itself', [{ path: ['duplicateId'], message: 'Same as the survivor' }]);
  // Value figures are relative to every customer: refreshes serialise on this lock, taken
  // before any row lock (see ingestion/values.ts). Then both rows, in id order.
  await lockValues(q);
  await q.query('SELECT 1 FROM customers WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [[s, d]]);
  const survivor = await visibleCustomer(q, viewer, s);
  const duplicate = await visibleCustomer(q, viewer, d);
  if (survivor.kind !== duplicate.kind) {
    throw validationError(`duplicateId: a ${duplicate.kind} cannot be merged into a ${survivor.kind}`, [{ path: ['duplicateId'], message: 'Different kind of customer' }]);
  }
  try {
    const moved = await moveRecords(q, survivor, duplicate, now);
    await q.query('DELETE FROM customers WHERE id = $1', [d]);
    await fillSurvivor(q, survivor, duplicate, now);
    await refreshValues(q, now);
    await refreshTiers(q, s, now);
    const customer = await visibleCustomer(q, { kind: 'all' }, s);
    const after = { customer, mergedId: d, moved };
    await customerMerged(q, s, d, customer.version, now);
    await audit(q, credential, { action: 'customer.merge', entity: 'customer', entityId: s, before: { survivor, duplicate }, after }, now);
    await audit(q, credential, { action: 'customer.merged_into', entity: 'customer', entityId: d, before: duplicate, after: { survivorId: s } }, now);
    return after;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ApiError(409, 'conflict', 'These customers cannot be merged automatically: their loyalty records collide (e.g. both were referred by someone).');
    }
    throw error;
  }
}

async function moveRecords(q: Queryable, survivor: Customer, duplicate: Customer, now: Date): Promise<CustomerMergeMoved> {
  const s = survivor.id;
  const d = duplicate.id;
  const interactions = await count(q, 'UPDATE interactions SET customer_id = $1 WHERE customer_id = $2 RETURNING 1', [s, d]);
  const orders = await count(q, 'UPDATE orders SET customer_id = $1 WHERE customer_id = $2 RETURNING 1', [s, d]);
  const feedback = await count(q, 'UPDATE feedback SET customer_id = $1 WHERE customer_id = $2 RETURNING 1', [s, d]);
  // The survey frequency cap follows the person: the later answer of each metric counts.
  await q.query(
    `INSERT INTO survey_caps (customer_id, metric, answered_at)
     SELECT $1, metric, answered_at FROM survey_caps WHERE customer_id = $2
     ON CONFLICT (customer_id, metric) DO UPDATE SET answered_at = GREATEST(survey_caps.answered_at, EXCLUDED.answered_at)`,
    [s, d],
  );
  const opportunities = await count(q, 'UPDATE opportunities SET customer_id = $1, version = version + 1, updated_at = $3 WHERE customer_id = $2 RETURNING 1', [s, d, now]);
  // The survivor as the duplicate's contact would become its own contact: it leaves instead.
  await q.query('UPDATE customers SET organisation_id = NULL, version = version + 1, updated_at = $2 WHERE id = $1 AND organisation_id = $3', [s, now, d]);
  const contacts = await count(q, 'UPDATE customers SET organisation_id = $1, version = version + 1, updated_at = $3 WHERE organisation_id = $2 RETURNING 1', [s, d, now]);
  const shares = await count(
    q,
    `INSERT INTO customer_shares (customer_id, staff_id, created_at)
     SELECT $1::uuid, staff_id, created_at FROM customer_shares WHERE customer_id = $2 AND staff_id IS DISTINCT FROM $5::uuid
     UNION SELECT $1::uuid, $3::uuid, $4::timestamptz WHERE $3::uuid IS NOT NULL AND $3::uuid IS DISTINCT FROM $5::uuid
     ON CONFLICT DO NOTHING RETURNING 1`,
    [s, d, duplicate.ownerId, now, survivor.ownerId],
  );

  // Loyalty: the survivor joins each of the duplicate's programs (keeping the earlier join
  // date), the ledger rows are re-pointed — the one change migration 0004 lets a merge make
  // to the append-only ledger — and the emptied accounts go.
  const loyaltyAccounts = await count(
    q,
    `INSERT INTO loyalty_accounts (program_id, customer_id, tier_id, joined_at)
     SELECT program_id, $1, tier_id, joined_at FROM loyalty_accounts WHERE customer_id = $2
     ON CONFLICT (program_id, customer_id) DO UPDATE SET joined_at = LEAST(loyalty_accounts.joined_at, EXCLUDED.joined_at)
     RETURNING 1`,
    [s, d],
  );
  await q.query("SELECT set_config('kith.merge', 'on', true)");
  const ledgerEntries = await count(q, 'UPDATE loyalty_ledger SET customer_id = $1 WHERE customer_id = $2 RETURNING 1', [s, d]);
  await q.query('UPDATE loyalty_ledger SET referred_customer_id = $1 WHERE referred_customer_id = $2', [s, d]);
  await q.query("SELECT set_config('kith.merge', 'off', true)");
  await q.query('DELETE FROM loyalty_accounts WHERE customer_id = $1', [d]);
  return { interactions, orders, feedback, ledgerEntries, loyaltyAccounts, opportunities, contacts, shares };
}

/** Empty fields of the survivor take the duplicate's; channels and tags are united. */
async function fillSurvivor(q: Queryable, survivor: Customer, duplicate: Customer, now: Date): Promise<void> {
  const credit = survivor.credit ?? duplicate.credit;
  await q.query(
    `UPDATE customers SET external_id = COALESCE(external_id, $2), company = COALESCE(company, $3),
            organisation_id = COALESCE(organisation_id, $4), role = COALESCE(role, $5), locale = COALESCE(locale, $6),
            owner_id = COALESCE(owner_id, $7), channels = $8::jsonb, tags = $9::text[],
            credit_limit = $10, credit_used = $11, credit_rating = $12, version = version + 1, updated_at = $13
      WHERE id = $1`,
    [survivor.id, duplicate.externalId, duplicate.company, duplicate.organisationId === survivor.id ? null : duplicate.organisationId,
      duplicate.role, duplicate.locale, duplicate.ownerId, JSON.stringify(mergeChannels(survivor.channels, duplicate.channels)),
      [...new Set([...survivor.tags, ...duplicate.tags])].slice(0, 50),
      credit?.limit.amount ?? null, credit?.used.amount ?? null, credit?.rating ?? null, now],
  );
}
