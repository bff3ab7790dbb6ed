// The members' club: the program, a customer's account and ledger, spending and corrections.
import {
  LedgerPage, LedgerWriteResponse, LoyaltyAccount, LoyaltyProgramResponse,
  type AdjustRequest, type PageQuery, type RedeemRequest,
} from '@kith/schema';
import type { KithCore } from '../core.js';
import type { WriteResult } from '../outbox/types.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg, sender, type SendOptions } from './shared.js';

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
  const customer = (id: string) => `/v1/customers/${seg(id)}`;
  return {
    program: (options) => core.read({ path: '/v1/loyalty/program', schema: LoyaltyProgramResponse }, options),
    account: (customerId, options) =>
      core.read({ path: `${customer(customerId)}/loyalty`, schema: LoyaltyAccount, topics: [`customer:${customerId}`] }, options),
    ledger: (customerId, query, options) =>
      core.read({ path: `${customer(customerId)}/loyalty/ledger`, query, schema: LedgerPage, topics: [`customer:${customerId}`] }, options),
    redeem: (customerId, request) =>
      core.write({
        kind: 'loyalty.redeem',
        method: 'POST',
        path: `${customer(customerId)}/loyalty/redeem`,
        body: request,
        schema: LedgerWriteResponse,
        // The account, the ledger, and the customer record's loyalty summary.
        invalidates: [customer(customerId)],
      }),
    adjust: (customerId, request, options) =>
      send({ method: 'POST', path: `${customer(customerId)}/loyalty/adjust`, body: request, schema: LedgerWriteResponse, invalidates: [customer(customerId)] }, options),
  };
}
