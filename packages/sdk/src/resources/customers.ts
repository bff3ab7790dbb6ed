import { Customer } from '@kith/schema';
import type { RequestOptions, Transport } from '../transport.js';
import { parseResponse } from '../validate.js';

/** Reads of customers. Writes, lists and the cache arrive with later issues. */
export interface CustomersResource {
  /** Fetches one customer by id, validated against the `Customer` schema. */
  get(id: string, options?: RequestOptions): Promise<Customer>;
}

export function createCustomers(transport: Transport): CustomersResource {
  return {
    async get(id, options) {
      const body = await transport.get(`/v1/customers/${encodeURIComponent(id)}`, options);
      return parseResponse(Customer, body, 'customer');
    },
  };
}
