import { publicRoute, type MatrixRow } from '../test-support/matrix.js';

export const healthMatrix: MatrixRow[] = [
  { route: 'GET /v1/health', path: () => '/v1/health', expect: publicRoute() },
  { route: 'GET /v1/openapi.json', path: () => '/v1/openapi.json', expect: publicRoute() },
];
