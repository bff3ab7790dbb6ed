import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

export const surveysMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/surveys/eligibility',
    // A shopper's question: a publishable key or a customer token (each about itself only).
    path: () => '/v1/surveys/eligibility?metric=nps',
    expect: onlyAllowed({ pk: 200, customer: 200, otherCustomer: 200 }),
  },
];
