import { OpenApiDocument } from '@kith/schema';
import { route, type RouteSpec } from '../http/route.js';
import { openApiDocument } from '../openapi/document.js';

/** `GET /v1/openapi.json`: the OpenAPI document of the given route table (itself included). */
export function openApiRoute(table: () => readonly RouteSpec[]) {
  let document: OpenApiDocument | undefined;
  return route({
    method: 'GET',
    path: '/v1/openapi.json',
    summary: 'The OpenAPI 3 document of this API',
    tag: 'operations',
    access: { public: true },
    response: OpenApiDocument,
    async handle({ c }) {
      c.header('Cache-Control', 'public, max-age=300');
      // Parsed once when first asked for: the document is built from the table, typed by its schema.
      return (document ??= OpenApiDocument.parse(openApiDocument(table())));
    },
  });
}
