// Customers: the record, lists, edits, ownership and sharing, merge. Reads follow `customer:<id>`
// where the server announces changes there. The privacy routes (export, erase) are `privacy.ts`:
// their schemas hold every kind of record, and a card showing a customer must not carry them.
import {
  Customer, CustomerMergeResult, CustomerPage, CustomerShares,
  type CustomerAssignRequest, type CustomerContactsQuery, type CustomerCreate,
  type CustomerListQuery, type CustomerMergeRequest, type CustomerPatch,
} from '@kith/schema';
import type { KithCore } from '../core.js';
import type { WriteResult } from '../outbox/types.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg, sender, type SendOptions, type Versioned } from './shared.js';
import { getCustomer } from './standalone/customers.js';

export { getCustomer };

/** Every read under `/v1/customers` (records, lists, timelines, loyalty) may show what a customer write changed. */
const CUSTOMERS = '/v1/customers';
/** Deals and feedback name their customer: a merge changes them too. */
const ELSEWHERE = ['/v1/pipelines', '/v1/opportunities', '/v1/feedback'];

export interface CustomersResource {
  /**
   * One customer (`GET /v1/customers/{id}`); observed, it follows `customer:<id>`. A staff
   * token with `customers:read` (customers they see; 404 for others), the customer's own
   * token, or the secret key. A publishable key alone gets `forbidden`.
   */
  get(id: string, options?: ReadOptions): Read<Customer>;
  /**
   * Searches and filters the customers the credential sees, by name then id, a cursor page at
   * a time (`GET /v1/customers`; pass `next` back as `cursor`). Staff token with
   * `customers:read`, a customer token (themself only), or the secret key.
   */
  list(query?: CustomerListQuery, options?: ReadOptions): Read<CustomerPage>;
  /** An organisation's contact persons (`GET /v1/customers/{id}/contacts`). Staff token with `customers:read`, or the secret key. */
  contacts(id: string, query?: CustomerContactsQuery, options?: ReadOptions): Read<CustomerPage>;
  /**
   * Creates a customer (`POST /v1/customers`), sent at once: the caller needs its id, and a
   * look-alike is refused with `conflict` whose `current` is the existing record
   * (`allowDuplicate: true` creates it anyway). Staff token with `customers:write`, or the secret key.
   */
  create(customer: CustomerCreate, options?: SendOptions & { allowDuplicate?: boolean }): Promise<Customer>;
  /**
   * Edits a customer (`PATCH /v1/customers/{id}` with `If-Match: "<version>"`): the fields
   * given replace the current ones, `null` clears. A user's edit, so it goes through the
   * outbox. A stale `version` fails (`failed`, `conflict`) with the current record in
   * `error.current`. Staff token with `customers:write`, or the secret key.
   */
  update(customer: Versioned, patch: CustomerPatch): Promise<WriteResult<Customer>>;
  /**
   * Folds a duplicate into this customer in one transaction (`POST /v1/customers/{id}/merge`);
   * the duplicate's id stops existing. Staff token with `customers:write`, or the secret key.
   */
  merge(id: string, request: CustomerMergeRequest, options?: SendOptions): Promise<CustomerMergeResult>;
  /**
   * Transfers a customer to another staff user (`POST /v1/customers/{id}/assign` with
   * `If-Match: "<version>"`). A person's decision about the record they saw, so it goes through
   * the outbox like `update`: a stale `version` fails (`failed`, `conflict`) with the current
   * record (and its owner now) in `error.current`, to look at before deciding again. Staff
   * token with `customers:write` of a manager of both owners or an admin (`forbidden`
   * otherwise), or the secret key.
   */
  assign(customer: Versioned, request: CustomerAssignRequest): Promise<WriteResult<Customer>>;
  /** Shares a customer with a staff user (`PUT /v1/customers/{id}/shares/{staffId}`; idempotent). Staff token with `customers:write`, or the secret key. */
  share(id: string, staffId: string, options?: SendOptions): Promise<CustomerShares>;
  /** Stops sharing a customer with a staff user (`DELETE /v1/customers/{id}/shares/{staffId}`). Staff token with `customers:write`, or the secret key. */
  unshare(id: string, staffId: string, options?: SendOptions): Promise<CustomerShares>;
}

export function customers(core: KithCore): CustomersResource {
  const send = sender(core);
  const path = (id: string) => `${CUSTOMERS}/${seg(id)}`;
  return {
    get: (id, options) => getCustomer(core, id, options),
    list: (query, options) => core.read({ path: CUSTOMERS, query, schema: CustomerPage }, options),
    contacts: (id, query, options) => core.read({ path: `${path(id)}/contacts`, query, schema: CustomerPage }, options),
    create: (customer, options) =>
      send(
        {
          method: 'POST',
          path: CUSTOMERS,
          query: options?.allowDuplicate ? { allowDuplicate: true } : undefined,
          body: customer,
          schema: Customer,
          invalidates: [CUSTOMERS],
        },
        options,
      ),
    update: (customer, patch) =>
      core.write({
        kind: 'customers.update',
        method: 'PATCH',
        path: path(customer.id),
        body: patch,
        ifMatch: customer.version,
        schema: Customer,
        invalidates: [CUSTOMERS],
      }),
    // The duplicate's timeline, deals, feedback and points move to the survivor.
    merge: (id, request, options) =>
      send({ method: 'POST', path: `${path(id)}/merge`, body: request, schema: CustomerMergeResult, invalidates: [CUSTOMERS, ...ELSEWHERE] }, options),
    // The new owner's and the old owner's lists change too: every customer read is refreshed.
    assign: (customer, request) =>
      core.write({
        kind: 'customers.assign',
        method: 'POST',
        path: `${path(customer.id)}/assign`,
        body: request,
        ifMatch: customer.version,
        schema: Customer,
        invalidates: [CUSTOMERS],
      }),
    share: (id, staffId, options) =>
      send({ method: 'PUT', path: `${path(id)}/shares/${seg(staffId)}`, schema: CustomerShares, invalidates: [path(id)] }, options),
    unshare: (id, staffId, options) =>
      send({ method: 'DELETE', path: `${path(id)}/shares/${seg(staffId)}`, schema: CustomerShares, invalidates: [path(id)] }, options),
  };
}
