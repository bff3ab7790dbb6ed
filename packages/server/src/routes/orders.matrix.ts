import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

export const ordersMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/customers/:id/orders',
    path: (api) => `/v1/customers/${api.customerId}/orders?limit=2`,
    // `otherCustomer` is a valid token of another customer: 403, never their orders.
    expect: onlyAllowed({ customer: 200, staff: 200, sk: 200 }),
  },
];
