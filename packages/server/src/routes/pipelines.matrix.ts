import { generateDemo } from '../seed/generate.js';
import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

let demo: ReturnType<typeof generateDemo> | undefined;
/** The demo's pipeline: the seed's ids come from a fixed PRNG seed, the same on every install. */
export const demoPipeline = () => (demo ??= generateDemo(new Date()));

export const pipelinesMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/pipelines',
    path: () => '/v1/pipelines',
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'GET /v1/pipelines/:id',
    path: () => `/v1/pipelines/${demoPipeline().pipeline.id}`,
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'GET /v1/pipelines/:id/opportunities',
    path: () => `/v1/pipelines/${demoPipeline().pipeline.id}/opportunities?limit=500`,
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
];
