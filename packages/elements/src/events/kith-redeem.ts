import type { LedgerWriteResponse, RedeemRequest } from '@kith/schema';
import type { WriteResult } from '@kith/sdk';

/** Detail of `kith-redeem`: what the person asked to redeem and what the write did. */
export interface KithRedeemEventDetail {
  customerId: string;
  /** The points (and note) submitted. */
  request: RedeemRequest;
  /**
   * `sent` (delivered: the new entry and balance), `queued` (kept in the outbox, delivered
   * later exactly once) or `failed` (refused by the server: `error` says why).
   */
  result: WriteResult<LedgerWriteResponse>;
}

/** Fired when a person submits the redeem form, once the outbox has answered (never when a property is set). */
export type KithRedeemEvent = CustomEvent<KithRedeemEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-redeem': KithRedeemEvent;
  }
}
