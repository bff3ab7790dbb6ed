import type { LedgerReason } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { loyaltyChanged } from '../events/commerce-events.js';
import { expireAccount } from './expiry.js';
import type { ProgramRules } from './program.js';
import { LEDGER_COLUMNS, type LedgerRow } from './read.js';
import { tierStanding, type DatedPoints, type TierStanding } from './tier-window.js';
import { tierFor } from './tiers.js';

/** One ledger row to append. */
export interface NewEntry {
  customerId: string;
  reason: LedgerReason;
  points: number;
  note?: string | null;
  orderId?: string | null;
  feedbackId?: string | null;
  referredCustomerId?: string | null;
  now: Date;
}

/** Makes the customer a member of the program (joined now) if they are not one yet. */
export async function ensureAccount(tx: Queryable, programId: string, customerId: string, now: Date): Promise<void> {
  await tx.query(
    `INSERT INTO loyalty_accounts (program_id, customer_id, tier_id, joined_at)
     VALUES ($1, $2, (SELECT id FROM loyalty_tiers WHERE program_id = $1 AND threshold = 0), $3)
     ON CONFLICT (program_id, customer_id) DO NOTHING`,
    [programId, customerId, now],
  );
}

/**
 * Appends one entry (joining the customer to the program first) and refreshes the stored
 * tier. Lapsed points expire first, so new activity never revives a balance that had
 * already expired. Returns null when a once-only award (review, referral, purchase) was
 * already made: the unique indexes of migration 0007 decide, race-free.
 */
export async function appendEntry(tx: Queryable, program: ProgramRules, entry: NewEntry): Promise<LedgerRow | null> {
  await ensureAccount(tx, program.id, entry.customerId, entry.now);
  await expireAccount(tx, program, entry.customerId, entry.now);
  const { rows } = await tx.query<LedgerRow>(
    `INSERT INTO loyalty_ledger AS l (program_id, customer_id, points, reason, note, order_id, feedback_id, referred_customer_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT DO NOTHING
     RETURNING ${LEDGER_COLUMNS}`,
    [
      program.id, entry.customerId, entry.points, entry.reason, entry.note ?? null,
      entry.orderId ?? null, entry.feedbackId ?? null, entry.referredCustomerId ?? null, entry.now,
    ],
  );
  const row = rows[0] ?? null;
  if (row) {
    await refreshTier(tx, program, entry.customerId, entry.now);
    await announce(tx, program, row, entry);
  }
  return row;
}

/** `loyalty.changed` for the customer (and staff): the entry, the new balance and tier. */
async function announce(tx: Queryable, program: ProgramRules, row: LedgerRow, entry: NewEntry): Promise<void> {
  const { rows } = await tx.query<{ balance: number; tier_id: string | null }>(
    `SELECT (SELECT COALESCE(sum(points), 0)::int8 FROM loyalty_ledger WHERE program_id = $1 AND customer_id = $2) AS balance,
            (SELECT tier_id FROM loyalty_accounts WHERE program_id = $1 AND customer_id = $2) AS tier_id`,
    [program.id, entry.customerId],
  );
  await loyaltyChanged(tx, {
    customerId: entry.customerId, programId: program.id, entryId: row.id, reason: entry.reason, points: entry.points,
    balance: Number(rows[0]?.balance ?? 0), tierId: rows[0]?.tier_id ?? null,
  }, entry.now);
}

/**
 * Stores the tier the account reaches at `now` (lifetime points, or the points earned in the
 * program's rolling window: `tier-window.ts`) and returns that standing. Run on every append
 * and every read of the account, so a windowed tier lapses in `loyalty_accounts.tier_id`
 * (what the customer card shows) as soon as anyone looks.
 */
export async function refreshTier(tx: Queryable, program: ProgramRules, customerId: string, now: Date): Promise<TierStanding> {
  const { rows } = await tx.query<DatedPoints>(
    'SELECT reason, points, created_at FROM loyalty_ledger WHERE program_id = $1 AND customer_id = $2',
    [program.id, customerId],
  );
  const standing = tierStanding(program.tiers, rows, program.tier_validity_months, now);
  const tier = tierFor(program.tiers, standing.points);
  await tx.query(
    'UPDATE loyalty_accounts SET tier_id = $3 WHERE program_id = $1 AND customer_id = $2 AND tier_id IS DISTINCT FROM $3',
    [program.id, customerId, tier?.id ?? null],
  );
  return standing;
}

/** The account's balance: the ledger's sum. */
export async function balanceOf(db: Queryable, programId: string, customerId: string): Promise<number> {
  const { rows } = await db.query<{ balance: number }>(
    'SELECT COALESCE(sum(points), 0)::int8 AS balance FROM loyalty_ledger WHERE program_id = $1 AND customer_id = $2',
    [programId, customerId],
  );
  return rows[0]?.balance ?? 0;
}
