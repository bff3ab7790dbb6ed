// The privacy routes: a customer's subject-access export and their erasure. A resource of its own:
// their schemas hold every kind of record (orders, feedback, timeline, points, audit), which a page
// showing a customer does not need to carry.
import { CustomerErasure, CustomerExport, type CustomerEraseRequest } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { RequestOptions } from '../transport.js';
import { seg, sender, type SendOptions } from './shared.js';

/** An erasure changes customers, the deals and feedback that name them, and the public reviews they wrote. */
const ERASURE_CHANGES = ['/v1/customers', '/v1/pipelines', '/v1/opportunities', '/v1/feedback', '/v1/products', '/v1/reviews'];

export interface PrivacyResource {
  /**
   * Everything held about one customer (`GET /v1/customers/{id}/export`, a subject-access
   * request). Never cached: it is personal data the server marks `no-store`. Staff token with
   * `privacy:manage`, the customer's own token, or the secret key. Audited.
   */
  export(customerId: string, options?: RequestOptions): Promise<CustomerExport>;
  /**
   * Erases a customer's personal data everywhere (`POST /v1/customers/{id}/erase`); the record
   * stays as a tombstone. Cannot be undone. Staff token with `privacy:manage`, or the secret
   * key — never a customer token (a shopper's request goes through the shop's server).
   */
  erase(customerId: string, request: CustomerEraseRequest, options?: SendOptions): Promise<CustomerErasure>;
}

export function privacy(core: KithCore): PrivacyResource {
  const send = sender(core);
  const path = (id: string) => `/v1/customers/${seg(id)}`;
  return {
    export: (customerId, options) => core.send({ method: 'GET', path: `${path(customerId)}/export`, schema: CustomerExport }, options),
    // Reviews are anonymised or deleted, other records emptied of the customer's details.
    erase: (customerId, request, options) =>
      send({ method: 'POST', path: `${path(customerId)}/erase`, body: request, schema: CustomerErasure, invalidates: ERASURE_CHANGES }, options),
  };
}
