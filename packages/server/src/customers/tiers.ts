import type { Queryable } from '../db/database.js';
import { tierStanding, type DatedPoints } from '../loyalty/tier-window.js';
import { tierFor } from '../loyalty/tiers.js';

/**
 * Stores the tier each of the customer's loyalty accounts reaches at `now` (the rule of
 * `loyalty/tier-window.ts`: lifetime points, or the points earned in the program's rolling
 * window). Run after a merge, and before the customer is read, so a lapsed tier never
 * shows on the card.
 */
export async function refreshTiers(q: Queryable, customerId: string, now: Date): Promise<void> {
  const { rows: accounts } = await q.query<{ program_id: string; tier_validity_months: number | null }>(
    `SELECT a.program_id, p.tier_validity_months FROM loyalty_accounts a
       JOIN loyalty_programs p ON p.id = a.program_id WHERE a.customer_id = $1`,
    [customerId],
  );
  for (const { program_id: programId, tier_validity_months: months } of accounts) {
    const { rows: tiers } = await q.query<{ id: string; name: string; threshold: number }>(
      'SELECT id, name, threshold FROM loyalty_tiers WHERE program_id = $1', [programId],
    );
    const { rows: entries } = await q.query<DatedPoints>(
      'SELECT reason, points, created_at FROM loyalty_ledger WHERE program_id = $1 AND customer_id = $2',
      [programId, customerId],
    );
    const tier = tierFor(tiers, tierStanding(tiers, entries, months, now).points);
    await q.query(
      'UPDATE loyalty_accounts SET tier_id = $3 WHERE program_id = $1 AND customer_id = $2 AND tier_id IS DISTINCT FROM $3',
      [programId, customerId, tier?.id ?? null],
    );
  }
}
