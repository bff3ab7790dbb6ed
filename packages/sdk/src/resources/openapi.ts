// The API's own description, for tooling (code generators, API explorers).
import { OpenApiDocument } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { RequestOptions } from '../transport.js';

export interface OpenApiResource {
  /**
   * The OpenAPI 3 document of the server's API (`GET /v1/openapi.json`), generated from its
   * route table. Asked of the server each time (tooling wants the running version). Public.
   */
  get(options?: RequestOptions): Promise<OpenApiDocument>;
}

export function openapi(core: KithCore): OpenApiResource {
  return {
    get: (options) => core.send({ method: 'GET', path: '/v1/openapi.json', schema: OpenApiDocument }, options),
  };
}
