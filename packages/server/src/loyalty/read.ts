import type { LedgerEntry, LoyaltyAccount, LoyaltyProgram, Tier } from '@kith/schema';
import { iso, isoOrNull, money } from '../db/rows.js';
import type { TierStanding } from './tier-window.js';
import { nextTierFor, SPENDING_REASONS, type TierLike } from './tiers.js';

/** A `loyalty_tiers` row (also the shape of a program's `tiers` JSON). */
export interface TierRow {
  id: string;
  program_id: string;
  name: string;
  position: number;
  threshold: number;
  benefits: string[];
}

/** A `loyalty_programs` row with its tiers, as `PROGRAM_COLUMNS` selects it. */
export interface ProgramRow {
  id: string;
  name: string;
  earn_points: number;
  earn_per: number;
  earn_currency: string;
  tiers: TierRow[];
}

/** The columns `toLoyaltyProgram` needs, from `loyalty_programs p`; tiers as one JSON array, lowest first. */
export const PROGRAM_COLUMNS = `p.id, p.name, p.earn_points, p.earn_per, p.earn_currency,
  (SELECT COALESCE(jsonb_agg(jsonb_build_object('id', t.id, 'program_id', t.program_id, 'name', t.name,
      'position', t.position, 'threshold', t.threshold, 'benefits', t.benefits) ORDER BY t.position), '[]'::jsonb)
     FROM loyalty_tiers t WHERE t.program_id = p.id) AS tiers`;
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_PROGRAMS = `SELECT ${PROGRAM_COLUMNS} FROM loyalty_programs p`;

export function toTier(row: TierRow): Tier {
  return {
    id: row.id,
    programId: row.program_id,
    name: row.name,
    threshold: row.threshold,
    benefits: row.benefits,
    position: row.position,
  };
}

/** Maps a row with its tiers to `LoyaltyProgram`. */
export function toLoyaltyProgram(row: ProgramRow): LoyaltyProgram {
  return {
    id: row.id,
    name: row.name,
    pointsPerUnit: { points: row.earn_points, per: money(row.earn_per, row.earn_currency) },
    tiers: row.tiers.map(toTier),
  };
}

/** A `loyalty_accounts` row with its balance and lifetime points summed from the ledger. */
export interface AccountRow {
  program_id: string;
  customer_id: string;
  tier_id: string | null;
  balance: number;
  lifetime_points: number;
}

const spending = SPENDING_REASONS.map((reason) => `'${reason}'`).join(', ');
const ledgerOf = 'FROM loyalty_ledger l WHERE l.program_id = a.program_id AND l.customer_id = a.customer_id';

/**
 * The columns `toLoyaltyAccount` needs, from `loyalty_accounts a`. Balance and lifetime
 * points are summed from the ledger on every read (never stored); lifetime points leave
 * out spending (`SPENDING_REASONS`), the same rule as `lifetimePoints()`.
 */
export const ACCOUNT_COLUMNS = `a.program_id, a.customer_id, a.tier_id,
  (SELECT COALESCE(sum(l.points), 0)::int8 ${ledgerOf}) AS balance,
  (SELECT COALESCE(sum(l.points) FILTER (WHERE l.reason NOT IN (${spending})), 0)::int8 ${ledgerOf}) AS lifetime_points`;
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_ACCOUNTS = `SELECT ${ACCOUNT_COLUMNS} FROM loyalty_accounts a`;

/**
 * Maps a row to `LoyaltyAccount`, with the next tier derived from `standing` (what the tier
 * is measured by: `tierStanding()`; lifetime points with no expiry when not given) and
 * `tiers`, the tiers of the account's program.
 */
export function toLoyaltyAccount(row: AccountRow, tiers: readonly TierLike[], standing?: TierStanding): LoyaltyAccount {
  // A correction can take lifetime points below 0 in the sum; the schema counts that as 0.
  const lifetime = Math.max(0, row.lifetime_points);
  const measured = standing ?? { points: lifetime, expiresAt: null };
  return {
    customerId: row.customer_id,
    programId: row.program_id,
    balance: row.balance,
    lifetimePoints: lifetime,
    tierId: row.tier_id,
    tierExpiresAt: isoOrNull(measured.expiresAt),
    nextTier: nextTierFor(tiers, measured.points),
  };
}

/** A `loyalty_ledger` row as `LEDGER_COLUMNS` selects it. */
export interface LedgerRow {
  id: string;
  program_id: string;
  customer_id: string;
  reason: LedgerEntry['reason'];
  points: number;
  note: string | null;
  order_id: string | null;
  created_at: Date;
}

/** The columns `toLedgerEntry` needs, from `loyalty_ledger l` (not the internal provenance columns). */
export const LEDGER_COLUMNS = 'l.id, l.program_id, l.customer_id, l.reason, l.points, l.note, l.order_id, l.created_at';
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_LEDGER = `SELECT ${LEDGER_COLUMNS} FROM loyalty_ledger l`;

export function toLedgerEntry(row: LedgerRow): LedgerEntry {
  return {
    id: row.id,
    customerId: row.customer_id,
    programId: row.program_id,
    reason: row.reason,
    points: row.points,
    note: row.note,
    orderId: row.order_id,
    createdAt: iso(row.created_at),
  };
}
