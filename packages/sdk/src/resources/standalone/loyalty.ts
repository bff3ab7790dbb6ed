import { LoyaltyAccount, LoyaltyProgramResponse } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { Read, ReadOptions } from '../../reads/types.js';
import { seg } from '../shared.js';

// The loyalty reads on their own (exported by `@kith/sdk/resources/loyalty`): a page that shows a
// badge carries neither the other routes' code nor their schemas.

export const customerPath = (id: string) => `/v1/customers/${seg(id)}`;

/** {@link LoyaltyResource.program} on its own. */
export function getLoyaltyProgram(core: KithCore, options?: ReadOptions): Read<LoyaltyProgramResponse> {
  return core.read({ path: '/v1/loyalty/program', schema: LoyaltyProgramResponse }, options);
}

/** {@link LoyaltyResource.account} on its own. */
export function getLoyaltyAccount(core: KithCore, customerId: string, options?: ReadOptions): Read<LoyaltyAccount> {
  return core.read({ path: `${customerPath(customerId)}/loyalty`, schema: LoyaltyAccount, topics: [`customer:${customerId}`] }, options);
}
