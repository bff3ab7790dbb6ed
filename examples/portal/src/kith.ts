// The portal's Kith client, from the SDK alone: the core (transport, IndexedDB cache, reads)
// and the three resources the page calls, so the bundle carries only their schemas.
import { checkOptions, createCore, type KithCore } from '@kith/sdk/core';
import { feedback, type FeedbackResource } from '@kith/sdk/resources/feedback';
import { loyalty, type LoyaltyResource } from '@kith/sdk/resources/loyalty';
import { orders, type OrdersResource } from '@kith/sdk/resources/orders';
import { KITH_KEY, KITH_URL, LOCALE } from './config.js';
import { customerToken } from './session.js';

export interface PortalClient {
  readonly core: KithCore;
  readonly loyalty: LoyaltyResource;
  readonly orders: OrdersResource;
  readonly feedback: FeedbackResource;
}

/**
 * The client, or the reason there is none (the page was opened without the examples server
 * writing in Kith's URL and key): `checkOptions` says so at once instead of every read
 * failing later as if the network were down.
 */
export function createPortalClient(): PortalClient | Error {
  const options = { baseUrl: KITH_URL, key: KITH_KEY, token: customerToken, locale: LOCALE };
  try {
    checkOptions(options, 'the portal page');
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
  // The cache is on by default: every answer is kept in IndexedDB under this shopper's
  // partition, which is what the page shows when Kith cannot be reached.
  const core = createCore(options);
  return { core, loyalty: loyalty(core), orders: orders(core), feedback: feedback(core) };
}
