import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

const NOBODY = '00000000-0000-4000-8000-000000000000';

export const privacyMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/customers/:id/export',
    path: (api) => `/v1/customers/${api.customerId}/export`,
    // The customer's own token: a subject-access request. `otherCustomer`: 403, never their data.
    expect: onlyAllowed({ customer: 200, staff: 200, sk: 200 }),
  },
  {
    route: 'POST /v1/customers/:id/erase',
    // An unknown customer: allowed credentials reach the lookup (404) and nobody is erased,
    // so the matrix can run before the other suites' rows on the same database.
    path: () => `/v1/customers/${NOBODY}/erase`,
    body: () => ({ reviews: 'anonymise' }),
    // Never a customer token (see the route).
    expect: onlyAllowed({ staff: 404, sk: 404 }),
  },
];
