import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

// Secret key only. Revoking and changing origins aim at an id that does not exist, so the
// rows are repeatable and no credential of the matrix loses its key: the secret key gets 404.
const NOBODY = '00000000-0000-4000-8000-000000000000';
const SHOP = 'https://shop.example';

export const keysMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/keys',
    path: () => '/v1/keys',
    expect: onlyAllowed({ sk: 200 }),
  },
  {
    route: 'POST /v1/keys',
    path: () => '/v1/keys',
    body: () => ({ kind: 'publishable', name: 'Matrix key', origins: [SHOP] }),
    expect: onlyAllowed({ sk: 201 }),
  },
  {
    route: 'POST /v1/keys/:id/revoke',
    path: () => `/v1/keys/${NOBODY}/revoke`,
    expect: onlyAllowed({ sk: 404 }),
  },
  {
    route: 'PUT /v1/keys/:id/origins',
    path: () => `/v1/keys/${NOBODY}/origins`,
    body: () => ({ origins: [SHOP] }),
    expect: onlyAllowed({ sk: 404 }),
  },
];
