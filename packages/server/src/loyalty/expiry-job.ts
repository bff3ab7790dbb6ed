import type { Job } from '../jobs/scheduler.js';
import { expirePoints } from './expiry.js';

/**
 * Lapses points and refreshes stored tiers for every account, so the customer list and
 * analytics agree with the ledger even for accounts nobody reads. The rule is idempotent
 * (one dated expiry row per lapse, unique), so instances running it together are safe.
 */
export const pointExpiryJob: Job = {
  name: 'loyalty point expiry',
  async run({ db, now, log }) {
    const lapsed = await expirePoints(db, now);
    if (lapsed > 0) log(`loyalty: ${lapsed} points lapsed`);
  },
};
