import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

/** A fresh customer per request: creates are repeated across the credentials. */
let created = 0;
const newCustomer = () => {
  created += 1;
  const tag = `${process.pid}-${created}-${Math.random().toString(36).slice(2, 8)}`;
  return { kind: 'person', name: `Matrix Person ${tag}`, channels: [{ kind: 'email', value: `matrix-${tag}@example.com`, preferred: true }] };
};
const NOBODY = '00000000-0000-4000-8000-000000000000';

export const customersMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/customers/:id',
    path: (api) => `/v1/customers/${api.customerId}`,
    // `otherCustomer` is a valid token of another customer: 403, never their data.
    expect: onlyAllowed({ customer: 200, staff: 200, sk: 200 }),
  },
  {
    route: 'GET /v1/customers',
    path: () => '/v1/customers?limit=5',
    // A customer token lists only itself.
    expect: onlyAllowed({ customer: 200, otherCustomer: 200, staff: 200, sk: 200 }),
  },
  {
    route: 'POST /v1/customers',
    path: () => '/v1/customers',
    body: newCustomer,
    expect: onlyAllowed({ staff: 201, sk: 201 }),
  },
  {
    route: 'PATCH /v1/customers/:id',
    path: (api) => `/v1/customers/${api.customerId}`,
    body: () => ({ tags: ['newsletter', 'gift-buyer'] }),
    // The matrix sends no If-Match: passing authorisation ends at 428.
    expect: onlyAllowed({ staff: 428, sk: 428 }),
  },
  {
    route: 'POST /v1/customers/:id/merge',
    path: (api) => `/v1/customers/${api.customerId}/merge`,
    // An unknown duplicate: allowed credentials reach the lookup (404), nothing is merged.
    body: () => ({ duplicateId: NOBODY }),
    expect: onlyAllowed({ staff: 404, sk: 404 }),
  },
  {
    route: 'GET /v1/customers/:id/contacts',
    path: (api) => `/v1/customers/${api.customerId}/contacts`,
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'POST /v1/customers/:id/assign',
    path: (api) => `/v1/customers/${api.customerId}/assign`,
    body: (api) => ({ ownerId: api.staffId }),
    // The `staff` tokens speak for a sales rep: only a manager of both owners or an admin transfers.
    expect: onlyAllowed({ sk: 200 }),
  },
  {
    route: 'PUT /v1/customers/:id/shares/:staffId',
    path: (api) => `/v1/customers/${api.customerId}/shares/${api.staffId}`,
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'DELETE /v1/customers/:id/shares/:staffId',
    path: (api) => `/v1/customers/${api.customerId}/shares/${api.staffId}`,
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
];
