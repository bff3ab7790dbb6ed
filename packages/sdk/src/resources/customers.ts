import { Customer } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';

/** Customers: reads (cached, live on `customer:<id>`). */
export interface CustomersResource {
  /** One customer by id, validated against `Customer`; observed, it follows `customer:<id>`. */
  get(id: string, options?: ReadOptions): Read<Customer>;
}

export function customers(core: KithCore): CustomersResource {
  return {
    get: (id, options) => core.read({ path: `/v1/customers/${encodeURIComponent(id)}`, schema: Customer, topics: [`customer:${id}`] }, options),
  };
}
