import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

export const surveysMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/surveys/eligibility',
    // A shopper's question: a publishable key or a customer token (each about itself only).
    path: () => '/v1/surveys/eligibility?metric=nps',
    expect: onlyAllowed({ pk: 200, customer: 200, otherCustomer: 200 }),
  },
  {
    route: 'GET /v1/surveys/results',
    // Staff figures: a staff token with `feedback:read` or the shop's server.
    path: () => '/v1/surveys/results?metric=nps&from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z',
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
];
