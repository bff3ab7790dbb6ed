// A customer's orders as the shop synced them in: what a signed-in shopper's "my orders" shows.
import type { OrderListQuery, OrderPage } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { listOrders } from './standalone/orders.js';

export { listOrders };

export interface OrdersResource {
  /**
   * A customer's orders with their lines, newest placed first, a cursor page at a time
   * (`GET /v1/customers/{id}/orders`; `limit` 1–100, default 20; `status` keeps one status);
   * observed, it follows `customer:<id>`, where each synced order is announced. The
   * customer's own token (another customer's is `forbidden`), a staff token with
   * `customers:read` (customers they see; `not_found` for others), or the secret key.
   */
  list(customerId: string, query?: OrderListQuery, options?: ReadOptions): Read<OrderPage>;
}

export function orders(core: KithCore): OrdersResource {
  return {
    list: (customerId, query, options) => listOrders(core, customerId, query, options),
  };
}
