import type { IngestPoints, IngestReferral, LedgerWriteResponse } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { ApiError, validationError } from '../http/errors.js';
import { appendEntry, balanceOf } from '../loyalty/ledger.js';
import type { ProgramRules } from '../loyalty/program.js';
import { SELECT_LEDGER, toLedgerEntry, type LedgerRow } from '../loyalty/read.js';
import { must } from '../util/must.js';

/** The customer named by id or by the shop's id; 400 naming the field when unknown. */
export async function resolveCustomer(tx: Queryable, input: { customerId?: string | undefined; customerExternalId?: string | undefined }): Promise<string> {
  const byId = input.customerId !== undefined;
  const { rows } = await tx.query<{ id: string }>(
    byId ? 'SELECT id FROM customers WHERE id = $1' : 'SELECT id FROM customers WHERE external_id = $1',
    [input.customerId ?? input.customerExternalId ?? ''],
  );
  const id = rows[0]?.id;
  if (!id) throw validationError('Invalid body: no such customer', [{ path: [byId ? 'customerId' : 'customerExternalId'], message: 'No such customer.' }]);
  return id;
}

/**
 * An award or correction from the shop's server. Not once-only by itself (a shop may award
 * two goodwill bonuses): a retry is made safe by the `Idempotency-Key` every write takes.
 */
export async function ingestPoints(tx: Queryable, program: ProgramRules, input: IngestPoints, now: Date): Promise<LedgerWriteResponse> {
  const customerId = await resolveCustomer(tx, input);
  const row = must(
    await appendEntry(tx, program, { customerId, reason: input.reason, points: input.points, note: input.note ?? null, now }),
    'the points entry',
  );
  return { entry: toLedgerEntry(row), balance: await balanceOf(tx, program.id, customerId) };
}

/**
 * Credits the referrer with the program's `referral_points` for a referred customer, once
 * per referred customer (a unique index). Sending the same pair again answers the existing
 * entry (`created: false`); a referred customer already credited to someone else is 409.
 */
export async function creditReferral(
  tx: Queryable,
  program: ProgramRules,
  input: IngestReferral,
  now: Date,
): Promise<LedgerWriteResponse & { created: boolean }> {
  if (input.referrerId === input.referredId) {
    throw validationError('Invalid body: a customer cannot refer themself', [{ path: ['referredId'], message: 'Must differ from referrerId' }]);
  }
  await resolveCustomer(tx, { customerId: input.referrerId }).catch(() => {
    throw validationError('Invalid body: no such referrer', [{ path: ['referrerId'], message: 'No such customer.' }]);
  });
  await resolveCustomer(tx, { customerId: input.referredId }).catch(() => {
    throw validationError('Invalid body: no such referred customer', [{ path: ['referredId'], message: 'No such customer.' }]);
  });
  if (program.referral_points <= 0) throw new ApiError(409, 'conflict', 'The loyalty program gives no referral points.');
  const row = await appendEntry(tx, program, {
    customerId: input.referrerId, reason: 'referral', points: program.referral_points,
    referredCustomerId: input.referredId, note: 'Referral', now,
  });
  if (row) return { entry: toLedgerEntry(row), balance: await balanceOf(tx, program.id, input.referrerId), created: true };
  const { rows } = await tx.query<LedgerRow>(`${SELECT_LEDGER} WHERE l.reason = 'referral' AND l.referred_customer_id = $1`, [input.referredId]);
  const existing = must(rows[0], 'the earlier referral credit');
  if (existing.customer_id !== input.referrerId) {
    throw new ApiError(409, 'conflict', 'This customer was already referred by another customer.');
  }
  return { entry: toLedgerEntry(existing), balance: await balanceOf(tx, existing.program_id, input.referrerId), created: false };
}
