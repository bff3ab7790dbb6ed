// Every resource of the client, for `createClient`. A page that wants only some imports them
// one by one (`@kith/sdk/resources/<name>`) over `createCore`.
import type { KithCore } from '../core.js';
import { customers, type CustomersResource } from './customers.js';

export interface Resources {
  readonly customers: CustomersResource;
}

export function resources(core: KithCore): Resources {
  return { customers: customers(core) };
}
