import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

export const staffMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/staff',
    path: () => '/v1/staff',
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'GET /v1/staff/:id',
    path: (api) => `/v1/staff/${api.staffId}`,
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
];
