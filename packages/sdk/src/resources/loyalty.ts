// The members' club: the program, a customer's account and ledger, spending and corrections.
import {
  LedgerWriteResponse,
  type AdjustRequest, type LedgerPage, type LoyaltyAccount, type LoyaltyProgramResponse, type PageQuery, type RedeemRequest,
} from '@kith/schema';
import type { KithCore } from '../core.js';
import type { WriteResult } from '../outbox/types.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { sender, type SendOptions } from './shared.js';
import { getLoyaltyLedger } from './standalone/loyalty-ledger.js';
import { customerPath, getLoyaltyAccount, getLoyaltyProgram } from './standalone/loyalty.js';

export { getLoyaltyAccount, getLoyaltyLedger, getLoyaltyProgram };

export interface LoyaltyResource {
  /** The program, its tiers and rules (`GET /v1/loyalty/program`): public, a publishable key is enough. */
  program(options?: ReadOptions): Read<LoyaltyProgramResponse>;
  /**
   * A customer's balance, tier and distance to the next one (`GET /v1/customers/{id}/loyalty`);
   * observed, it follows `customer:<id>`. The customer's own token, a staff token with
   * `loyalty:read`, or the secret key. (Live updates of `customer:<id>` need `customers:read`
   * on a staff token: without it the client's stream is refused.)
   */
  account(customerId: string, options?: ReadOptions): Read<LoyaltyAccount>;
  /** A customer's points ledger, newest first (`GET /v1/customers/{id}/loyalty/ledger`); access and live updates as {@link LoyaltyResource.account}. */
  ledger(customerId: string, query?: PageQuery, options?: ReadOptions): Read<LedgerPage>;
  /**
   * Spends points (`POST /v1/customers/{id}/loyalty/redeem`) through the outbox; never below a
   * zero balance (`conflict`, with the account in `error.current`). The customer's own token,
   * or the secret key.
   */
  redeem(customerId: string, request: RedeemRequest): Promise<WriteResult<LedgerWriteResponse>>;
  /**
   * Corrects a balance either way, with a reason (`POST /v1/customers/{id}/loyalty/adjust`),
   * sent at once. Staff token with `loyalty:adjust`, or the secret key. Audited.
   */
  adjust(customerId: string, request: AdjustRequest, options?: SendOptions): Promise<LedgerWriteResponse>;
}

export function loyalty(core: KithCore): LoyaltyResource {
  const send = sender(core);
  return {
    program: (options) => getLoyaltyProgram(core, options),
    account: (customerId, options) => getLoyaltyAccount(core, customerId, options),
    ledger: (customerId, query, options) => getLoyaltyLedger(core, customerId, query, options),
    redeem: (customerId, request) =>
      core.write({
        kind: 'loyalty.redeem',
        method: 'POST',
        path: `${customerPath(customerId)}/loyalty/redeem`,
        body: request,
        schema: LedgerWriteResponse,
        // The account, the ledger, and the customer record's loyalty summary.
        invalidates: [customerPath(customerId)],
      }),
    adjust: (customerId, request, options) =>
      send({ method: 'POST', path: `${customerPath(customerId)}/loyalty/adjust`, body: request, schema: LedgerWriteResponse, invalidates: [customerPath(customerId)] }, options),
  };
}
