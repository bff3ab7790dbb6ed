// The server's liveness, for an operator's page or a deployment check.
import { Health } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { RequestOptions } from '../transport.js';

export interface HealthResource {
  /**
   * Whether the server and its database answer now (`GET /v1/health`): its version, database
   * kind and clock. Always asked of the server, never cached — a saved answer would say "up"
   * while it is down. Public. An unhealthy server fails with `server` (503).
   */
  get(options?: RequestOptions): Promise<Health>;
}

export function health(core: KithCore): HealthResource {
  return {
    get: (options) => core.send({ method: 'GET', path: '/v1/health', schema: Health }, options),
  };
}
