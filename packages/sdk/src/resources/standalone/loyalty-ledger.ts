import { LedgerPage, type PageQuery } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { Read, ReadOptions } from '../../reads/types.js';
import { customerPath } from './loyalty.js';

// Apart from the program and the account: a badge shows the ledger only when it is opened.

/** {@link LoyaltyResource.ledger} on its own. */
export function getLoyaltyLedger(core: KithCore, customerId: string, query?: PageQuery, options?: ReadOptions): Read<LedgerPage> {
  return core.read({ path: `${customerPath(customerId)}/loyalty/ledger`, query, schema: LedgerPage, topics: [`customer:${customerId}`] }, options);
}
