import { Customer } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { Read, ReadOptions } from '../../reads/types.js';
import { seg } from '../shared.js';

/**
 * {@link CustomersResource.get} on its own (exported by `@kith/sdk/resources/customers`): a page
 * that shows one customer (a card) carries neither the other routes' code nor their schemas.
 */
export function getCustomer(core: KithCore, id: string, options?: ReadOptions): Read<Customer> {
  return core.read({ path: `/v1/customers/${seg(id)}`, schema: Customer, topics: [`customer:${id}`] }, options);
}
