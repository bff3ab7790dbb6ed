import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

export const auditMatrix: MatrixRow[] = [
  // The audit trail: staff with `audit:read` and the shop's server only.
  { route: 'GET /v1/audit', path: () => '/v1/audit', expect: onlyAllowed({ staff: 200, sk: 200 }) },
];
