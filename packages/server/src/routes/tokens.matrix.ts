import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

export const tokensMatrix: MatrixRow[] = [
  {
    route: 'POST /v1/tokens',
    path: () => '/v1/tokens',
    body: (api) => ({ kind: 'customer', subject: api.customerId, publishableKey: api.demo.publishableKey }),
    expect: onlyAllowed({ sk: 201 }),
  },
];
