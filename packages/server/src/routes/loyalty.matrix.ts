import { onlyAllowed, publicRoute, type MatrixRow } from '../test-support/matrix.js';

export const loyaltyMatrix: MatrixRow[] = [
  { route: 'GET /v1/loyalty/program', path: () => '/v1/loyalty/program', expect: publicRoute() },
  {
    route: 'GET /v1/customers/:id/loyalty',
    path: (api) => `/v1/customers/${api.customerId}/loyalty`,
    // `otherCustomer` is a valid token of another customer: 403, never their points.
    expect: onlyAllowed({ customer: 200, staff: 200, sk: 200 }),
  },
  {
    route: 'GET /v1/customers/:id/loyalty/ledger',
    path: (api) => `/v1/customers/${api.customerId}/loyalty/ledger?limit=2`,
    expect: onlyAllowed({ customer: 200, staff: 200, sk: 200 }),
  },
  {
    // One point each time: the sample customer (Platinum) has plenty, so both passes redeem.
    route: 'POST /v1/customers/:id/loyalty/redeem',
    path: (api) => `/v1/customers/${api.customerId}/loyalty/redeem`,
    body: () => ({ points: 1, note: 'auth matrix' }),
    expect: onlyAllowed({ customer: 201, sk: 201 }),
  },
  {
    route: 'POST /v1/customers/:id/loyalty/adjust',
    path: (api) => `/v1/customers/${api.customerId}/loyalty/adjust`,
    body: () => ({ points: 1, note: 'auth matrix' }),
    expect: onlyAllowed({ staff: 201, sk: 201 }),
  },
];
