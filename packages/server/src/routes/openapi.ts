import * as z from 'zod/mini';
import { route, type RouteSpec } from '../http/route.js';
import { openApiDocument } from '../openapi/document.js';

/** `GET /v1/openapi.json`: the OpenAPI document of the given route table (itself included). */
export function openApiRoute(table: () => readonly RouteSpec[]) {
  let document: Record<string, unknown> | undefined;
  return route({
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'The OpenAPI 3 document of this API',
    tag: 'operations',
    access: { public: true },
    response: z.record(z.string(), z.unknown()),
    async handle({ c }) {
      c.header('Cache-Control', 'public, max-age=300');
      return (document ??= openApiDocument(table()));
    },
  });
}
