import type { LedgerEntry, LoyaltyAccount, Page } from '@kith/schema';
import type { Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { forbidden } from '../http/auth.js';
import { ApiError, validationError } from '../http/errors.js';
import { canSeeCustomer, visibilityOf } from '../visibility/visibility.js';
import { expireAccount } from './expiry.js';
import { activeProgram, type ProgramRules } from './program.js';
import { SELECT_ACCOUNTS, SELECT_LEDGER, toLedgerEntry, toLoyaltyAccount, type AccountRow, type LedgerRow } from './read.js';
import { refreshTier } from './ledger.js';
import { tierFor } from './tiers.js';

/**
 * The customer whose loyalty a request reaches: a customer token only its own (403
 * otherwise, as for the customer itself); staff and the secret key a customer they may
 * see (404 otherwise, like an unknown id). Returns the program (404 when there is none).
 */
export async function loyaltyTarget(db: Queryable, credential: Credential, customerId: string): Promise<ProgramRules> {
  if (credential.kind === 'customer' && credential.customerId !== customerId) {
    throw forbidden('A customer token reaches only its own loyalty account.');
  }
  if (!(await canSeeCustomer(db, await visibilityOf(db, credential), customerId))) {
    throw new ApiError(404, 'not_found', `No customer with id ${customerId}.`);
  }
  const program = await activeProgram(db);
  if (!program) throw new ApiError(404, 'not_found', 'This shop has no loyalty program.');
  return program;
}

/**
 * The customer's account, after applying the expiry rule and refreshing the stored tier
 * (a windowed tier may have lapsed since the last write). A customer who never earned a
 * point has no row yet (they join on their first entry); they read as a member with
 * nothing, in the tier that starts at 0, so a widget needs no special case.
 */
export async function readAccount(db: Queryable, program: ProgramRules, customerId: string, now: Date): Promise<LoyaltyAccount> {
  await expireAccount(db, program, customerId, now);
  const standing = await refreshTier(db, program, customerId, now);
  const { rows } = await db.query<AccountRow>(`${SELECT_ACCOUNTS} WHERE a.program_id = $1 AND a.customer_id = $2`, [program.id, customerId]);
  const row = rows[0] ?? {
    program_id: program.id,
    customer_id: customerId,
    tier_id: tierFor(program.tiers, standing.points)?.id ?? null,
    balance: 0,
    lifetime_points: 0,
  };
  return toLoyaltyAccount(row, program.tiers, standing);
}

/** An opaque ledger cursor: the last entry's time and id (newest first, id breaks ties). */
const encodeCursor = (row: LedgerRow) => Buffer.from(JSON.stringify([row.created_at.toISOString(), row.id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && !Number.isNaN(Date.parse(at)) && typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id)) return [at, id];
    }
  } catch {
    // fall through to the validation error
  }
  throw validationError('Invalid query: cursor is not one this list handed out', [{ path: ['cursor'], message: 'Unknown cursor' }]);
}

/** One page of the customer's ledger in the program, newest first. */
export async function ledgerPage(
  db: Queryable,
  program: ProgramRules,
  customerId: string,
  query: { cursor?: string | undefined; limit?: number | undefined },
  now: Date,
): Promise<Page<LedgerEntry>> {
  await expireAccount(db, program, customerId, now);
  await refreshTier(db, program, customerId, now);
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const { rows } = await db.query<LedgerRow>(
    `${SELECT_LEDGER} WHERE l.program_id = $1 AND l.customer_id = $2
       AND ($3::timestamptz IS NULL OR (l.created_at, l.id) < ($3::timestamptz, $4::uuid))
     ORDER BY l.created_at DESC, l.id DESC LIMIT $5`,
    [program.id, customerId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(toLedgerEntry), next: rows.length > limit && last ? encodeCursor(last) : null };
}
