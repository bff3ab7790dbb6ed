import { OrderPage, type OrderListQuery } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { Read, ReadOptions } from '../../reads/types.js';
import { seg } from '../shared.js';

// The orders read on its own (exported by `@kith/sdk/resources/orders`): a shopper's page of
// orders carries neither the other routes' code nor their schemas.

/** {@link OrdersResource.list} on its own. */
export function listOrders(core: KithCore, customerId: string, query?: OrderListQuery, options?: ReadOptions): Read<OrderPage> {
  // `order.ingested` is announced on `customer:<id>`, to the customer and to staff.
  return core.read({ path: `/v1/customers/${seg(customerId)}/orders`, query, schema: OrderPage, topics: [`customer:${customerId}`] }, options);
}
