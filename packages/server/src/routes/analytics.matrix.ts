import { generateDemo } from '../seed/generate.js';
import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';
import { must } from '../util/must.js';

// Staff with `analytics:read` and the secret key only: analytics are never a shopper's.
const staffOrServer = onlyAllowed({ staff: 200, sk: 200 });

// The demo's ids are the same on every install (fixed PRNG seed): its first product is in
// every test database. An unknown product would be a 404 even for allowed credentials.
let demoProduct: string | undefined;
const productId = () => (demoProduct ??= must(generateDemo(new Date()).products[0], 'a demo product').id);

export const analyticsMatrix: MatrixRow[] = [
  { route: 'GET /v1/analytics/segments', path: () => '/v1/analytics/segments', expect: staffOrServer },
  { route: 'GET /v1/analytics/pareto', path: () => '/v1/analytics/pareto', expect: staffOrServer },
  { route: 'GET /v1/analytics/churn', path: () => '/v1/analytics/churn', expect: staffOrServer },
  { route: 'GET /v1/analytics/affinity', path: () => `/v1/analytics/affinity?productId=${productId()}`, expect: staffOrServer },
];
