// Every read the account page shows, for one shopper. Creating them is cheap (nothing is sent
// until one is awaited or observed); the same arguments name the same cached entry.
import type { PortalClient } from './kith.js';
import { ORDERS_PER_PAGE } from './Orders.js';

export const LEDGER_ROWS = 10;
export const FEEDBACK_ITEMS = 20;

export function accountReads(kith: PortalClient, customerId: string) {
  return {
    account: kith.loyalty.account(customerId),
    program: kith.loyalty.program(),
    ledger: kith.loyalty.ledger(customerId, { limit: LEDGER_ROWS }),
    orders: kith.orders.list(customerId, { limit: ORDERS_PER_PAGE }),
    // A customer token lists only its own feedback; `customerId` says so explicitly. Observed,
    // these follow the shopper's own `customer:<id>` topic (complaint answers are announced there).
    reviews: kith.feedback.list({ customerId, kind: 'review', limit: FEEDBACK_ITEMS }),
    complaints: kith.feedback.list({ customerId, kind: 'complaint', limit: FEEDBACK_ITEMS }),
  };
}

export type AccountReads = ReturnType<typeof accountReads>;
