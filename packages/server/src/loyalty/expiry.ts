import type { Queryable } from '../db/database.js';
import { refreshTier } from './ledger.js';
import { activeProgram, type ProgramRules } from './program.js';

/**
 * The program's expiry rule: when an account has had no ledger activity (any entry but an
 * expiry) for `expire_after_months`, its positive balance lapses. The `expire` row is dated
 * at that moment (last activity + N months), not when it was noticed, so the ledger reads
 * the same whenever the rule runs, and the unique index on (program, customer, created_at)
 * keeps two concurrent readers from expiring twice. Tiers are unaffected (lifetime points
 * leave expiries out).
 *
 * Applied lazily: before every append to the account (so new activity cannot revive lapsed
 * points), on every read of the account or its ledger, and before a redeem. `expirePoints`
 * runs the same rule over every account, for a periodic job.
 */
export async function expireAccount(db: Queryable, program: ProgramRules, customerId: string, now: Date): Promise<number> {
  if (program.expire_after_months === null) return 0;
  const { rows } = await db.query<{ points: number }>(
    `INSERT INTO loyalty_ledger (program_id, customer_id, points, reason, note, created_at)
     SELECT program_id, customer_id, -balance, 'expire', $4, lapsed_at FROM (
       SELECT program_id, customer_id, sum(points) AS balance,
              max(created_at) FILTER (WHERE reason <> 'expire') + make_interval(months => $3) AS lapsed_at
         FROM loyalty_ledger WHERE program_id = $1 AND customer_id = $2
        GROUP BY program_id, customer_id) a
      WHERE balance > 0 AND lapsed_at <= $5
     ON CONFLICT DO NOTHING
     RETURNING points`,
    [program.id, customerId, program.expire_after_months, `Points expire after ${program.expire_after_months} months without activity`, now],
  );
  return -(rows[0]?.points ?? 0);
}

/**
 * Applies the expiry rule to every account of the program, and refreshes each stored tier
 * (so lapsed windowed tiers also leave the customer list); returns how many points lapsed.
 */
export async function expirePoints(db: Queryable, now: Date): Promise<number> {
  const program = await activeProgram(db);
  if (!program) return 0;
  const { rows } = await db.query<{ customer_id: string }>(
    'SELECT customer_id FROM loyalty_accounts WHERE program_id = $1 ORDER BY customer_id',
    [program.id],
  );
  let lapsed = 0;
  for (const row of rows) {
    lapsed += await expireAccount(db, program, row.customer_id, now);
    await refreshTier(db, program, row.customer_id, now);
  }
  return lapsed;
}
