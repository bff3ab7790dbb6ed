import * as z from 'zod/mini';
import {
  Customer, CustomerAssignRequest, CustomerContactsQuery, CustomerCreate, CustomerCreateQuery, CustomerListQuery,
  CustomerMergeRequest, CustomerMergeResult, CustomerPage, CustomerPatch, CustomerShares, Id,
} from '@kith/schema';
import type { Context } from 'hono';
import { assignCustomer, setShare } from '../customers/assign.js';
import { expectedVersion, visibleCustomer } from '../customers/guards.js';
import { Where, addVisibility, listCustomers, pageOfCustomers } from '../customers/list.js';
import { mergeCustomers } from '../customers/merge.js';
import { refreshTiers } from '../customers/tiers.js';
import { createCustomer, patchCustomer } from '../customers/write.js';
import { forbidden } from '../http/auth.js';
import type { AppEnv } from '../http/env.js';
import { Reply, route } from '../http/route.js';
import { visibilityOf } from '../visibility/visibility.js';

const ById = z.object({ id: Id });
const ByShare = z.object({ id: Id, staffId: Id });

/** The version as an ETag, for the next `If-Match`; never cached as fresh (it changes). */
function withETag(c: Context<AppEnv>, customer: Customer): Customer {
  c.header('ETag', `"${customer.version}"`);
  c.header('Cache-Control', 'private, no-cache');
  return customer;
}

/**
 * `GET /v1/customers/:id`: staff with `customers:read`, the shop's server (secret key), or
 * the customer themself (customer token). Never a publishable key: it authenticates nobody.
 */
export const getCustomerRoute = route({
  method: 'GET',
  path: '/v1/customers/:id',
  summary: 'Get a customer',
  tag: 'customers',
  access: { staff: 'customers:read', secret: true, customer: true },
  params: ById,
  response: Customer,
  async handle({ c, db, credential, params, now }) {
    if (credential.kind === 'customer' && credential.customerId !== params.id) {
      throw forbidden('A customer token reads only its own customer.');
    }
    // Staff outside the customer's hierarchy get the same 404 as for an unknown id.
    const viewer = await visibilityOf(db, credential);
    await visibleCustomer(db, viewer, params.id);
    // A tier held by a rolling window may have lapsed since the last write: store the
    // current one before the card reads it (no-op when nothing changed).
    await refreshTiers(db, params.id, now);
    return withETag(c, await visibleCustomer(db, viewer, params.id));
  },
});

/**
 * `GET /v1/customers`: search and filter the customers the credential sees (a staff
 * user's book and team, every customer for admins and the secret key, a customer only
 * themself), by name then id, a cursor page at a time.
 */
export const listCustomersRoute = route({
  method: 'GET',
  path: '/v1/customers',
  summary: 'List and search customers',
  tag: 'customers',
  access: { staff: 'customers:read', secret: true, customer: true },
  query: CustomerListQuery,
  response: CustomerPage,
  async handle({ db, credential, query }) {
    return listCustomers(db, await visibilityOf(db, credential), query);
  },
});

/** `POST /v1/customers`: create, refusing duplicates (409 with the existing record). */
export const createCustomerRoute = route({
  method: 'POST',
  path: '/v1/customers',
  summary: 'Create a customer (duplicates are refused with the existing record)',
  tag: 'customers',
  access: { staff: 'customers:write', secret: true },
  query: CustomerCreateQuery,
  body: CustomerCreate,
  response: Customer,
  status: 201,
  async handle({ c, db, credential, query, body, now }) {
    const viewer = await visibilityOf(db, credential);
    const created = await createCustomer(db, { credential, viewer, body, allowDuplicate: query.allowDuplicate ?? false, now });
    c.header('Location', `/v1/customers/${created.id}`);
    return withETag(c, created);
  },
});

/** `PATCH /v1/customers/:id` with `If-Match: "<version>"` (428 without, 409 when stale). */
export const patchCustomerRoute = route({
  method: 'PATCH',
  path: '/v1/customers/:id',
  summary: 'Update a customer (If-Match required)',
  ifMatch: 'required',
  tag: 'customers',
  access: { staff: 'customers:write', secret: true },
  params: ById,
  body: CustomerPatch,
  response: Customer,
  async handle({ c, db, credential, params, body, now }) {
    const expected = expectedVersion(c.req.header('If-Match'));
    const viewer = await visibilityOf(db, credential);
    return withETag(c, await patchCustomer(db, { credential, viewer, id: params.id, expected, patch: body, now }));
  },
});

/** `POST /v1/customers/:id/merge`: fold a duplicate into this customer, in one transaction. */
export const mergeCustomerRoute = route({
  method: 'POST',
  path: '/v1/customers/:id/merge',
  summary: 'Merge a duplicate into this customer',
  tag: 'customers',
  access: { staff: 'customers:write', secret: true },
  params: ById,
  body: CustomerMergeRequest,
  response: CustomerMergeResult,
  async handle({ c, db, credential, params, body, now }) {
    const viewer = await visibilityOf(db, credential);
    const result = await mergeCustomers(db, { credential, viewer, survivorId: params.id, duplicateId: body.duplicateId, now });
    withETag(c, result.customer);
    return result;
  },
});

/** `GET /v1/customers/:id/contacts`: an organisation's contact persons (with their roles) the viewer sees. */
export const listContactsRoute = route({
  method: 'GET',
  path: '/v1/customers/:id/contacts',
  summary: "List an organisation's contact persons",
  tag: 'customers',
  access: { staff: 'customers:read', secret: true },
  params: ById,
  query: CustomerContactsQuery,
  response: CustomerPage,
  async handle({ db, credential, params, query }) {
    const viewer = await visibilityOf(db, credential);
    await visibleCustomer(db, viewer, params.id);
    const where = new Where();
    addVisibility(where, viewer);
    where.add((n) => `c.organisation_id = $${n}`, params.id);
    return pageOfCustomers(db, where, query.cursor, query.limit);
  },
});

/**
 * `POST /v1/customers/:id/assign`: transfer to another owner (a manager of both, or an admin).
 * `If-Match` is optional: a person's transfer (the SDK's outbox) sends the version they saw
 * and gets 409 when it is stale; a script that only means "this owner now" may leave it out.
 */
export const assignCustomerRoute = route({
  method: 'POST',
  path: '/v1/customers/:id/assign',
  summary: 'Transfer a customer to another staff user (If-Match optional)',
  ifMatch: 'optional',
  tag: 'customers',
  access: { staff: 'customers:write', secret: true },
  params: ById,
  body: CustomerAssignRequest,
  response: Customer,
  async handle({ c, db, credential, params, body, now }) {
    const header = c.req.header('If-Match');
    const expected = header === undefined ? null : expectedVersion(header);
    const viewer = await visibilityOf(db, credential);
    return withETag(c, await assignCustomer(db, { credential, viewer, id: params.id, ownerId: body.ownerId, expected, now }));
  },
});

const shareRoute = (method: 'PUT' | 'DELETE') =>
  route({
    method,
    path: '/v1/customers/:id/shares/:staffId',
    summary: method === 'PUT' ? 'Share a customer with a staff user' : 'Stop sharing a customer with a staff user',
    tag: 'customers',
    access: { staff: 'customers:write', secret: true },
    params: ByShare,
    response: CustomerShares,
    async handle({ db, credential, params, now }) {
      const viewer = await visibilityOf(db, credential);
      const shares = await setShare(db, { credential, viewer, id: params.id, staffId: params.staffId, share: method === 'PUT', now });
      return new Reply(200, shares);
    },
  });

/** `PUT` / `DELETE /v1/customers/:id/shares/:staffId`: share or unshare (idempotent, audited). */
export const shareCustomerRoute = shareRoute('PUT');
export const unshareCustomerRoute = shareRoute('DELETE');

/** The routes of this file. */
export const customerRoutes = [
  listCustomersRoute, createCustomerRoute, getCustomerRoute, patchCustomerRoute, mergeCustomerRoute,
  listContactsRoute, assignCustomerRoute, shareCustomerRoute, unshareCustomerRoute,
];
