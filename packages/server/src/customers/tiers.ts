import type { LedgerReason } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { lifetimePoints, tierFor } from '../loyalty/tiers.js';

/** Stores the tier each of the customer's loyalty accounts reaches (the rule of `loyalty/tiers.ts`). */
export async function refreshTiers(q: Queryable, customerId: string): Promise<void> {
  const { rows: accounts } = await q.query<{ program_id: string }>('SELECT program_id FROM loyalty_accounts WHERE customer_id = $1', [customerId]);
  for (const { program_id: programId } of accounts) {
    const { rows: tiers } = await q.query<{ id: string; name: string; threshold: number }>(
      'SELECT id, name, threshold FROM loyalty_tiers WHERE program_id = $1', [programId],
    );
    const { rows: sums } = await q.query<{ reason: LedgerReason; points: number }>(
      'SELECT reason, sum(points)::int8 AS points FROM loyalty_ledger WHERE program_id = $1 AND customer_id = $2 GROUP BY reason',
      [programId, customerId],
    );
    const tier = tierFor(tiers, lifetimePoints(sums));
    await q.query('UPDATE loyalty_accounts SET tier_id = $3 WHERE program_id = $1 AND customer_id = $2', [programId, customerId, tier?.id ?? null]);
  }
}
