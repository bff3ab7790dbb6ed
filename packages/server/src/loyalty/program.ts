import type { Queryable } from '../db/database.js';
import { PROGRAM_COLUMNS, type ProgramRow } from './read.js';

/** The program with the rules the server applies (migration 0007), beyond the public record. */
export interface ProgramRules extends ProgramRow {
  review_points: number;
  referral_points: number;
  /** A balance lapses after this many months without ledger activity; null: never. */
  expire_after_months: number | null;
  /** Tiers are held by the points earned in this many months (rolling); null: lifetime tiers. */
  tier_validity_months: number | null;
}

/**
 * "The program": a shop runs one loyalty program, so it is the oldest one (a second program
 * row would be a later addition that does not take members over). Null when there is none,
 * and then nothing earns points.
 */
export async function activeProgram(db: Queryable): Promise<ProgramRules | null> {
  const { rows } = await db.query<ProgramRules>(
    `SELECT ${PROGRAM_COLUMNS}, p.review_points, p.referral_points, p.expire_after_months, p.tier_validity_months
       FROM loyalty_programs p ORDER BY p.created_at, p.id LIMIT 1`,
  );
  return rows[0] ?? null;
}

/** Purchase points for an amount in minor units of the program's currency, rounded down. */
export function purchasePoints(program: ProgramRules, amount: number, currency: string): number {
  // Another currency earns nothing rather than a guess at an exchange rate.
  if (currency.trim() !== program.earn_currency.trim()) return 0;
  return Math.floor((amount * program.earn_points) / program.earn_per);
}
