import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { routeTable } from '../routes/index.js';
import { testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { openApiPath } from './document.js';

after(closeAll);


describe('GET /v1/openapi.json', () => {
  let api: TestApi;
  let document: { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
  before(async () => {
    const [pglite] = variants();
    if (!pglite) throw new Error('no PGlite variant');
    api = await testApi(await pglite.open());
    const response = await api.request('GET', '/v1/openapi.json');
    assert.equal(response.status, 200);
    document = (await response.json()) as typeof document;
  });

  test('is an OpenAPI 3 document', () => {
    assert.match(document.openapi, /^3\./);
  });

  test('lists every mounted route with its method, schemas and security', () => {
    for (const spec of routeTable) {
      const operation = document.paths[openApiPath(spec.path)]?.[spec.method.toLowerCase()];
      assert.ok(operation, `${spec.method} ${spec.path} is missing`);
      const responses = operation.responses as Record<string, { content?: Record<string, { schema?: unknown }> }>;
      assert.ok(responses[String(spec.status ?? 200)]?.content?.[spec.stream ?? 'application/json']?.schema, `${spec.path}: response schema`);
      if (spec.body) assert.ok(operation.requestBody, `${spec.path}: request body`);
      const headers = (operation.parameters as { in: string; name: string; required: boolean }[]).filter((p) => p.in === 'header');
      const ifMatch = headers.find((p) => p.name === 'If-Match');
      assert.equal(ifMatch !== undefined, spec.ifMatch !== undefined, `${spec.path}: If-Match documented`);
      if (ifMatch) assert.equal(ifMatch.required, spec.ifMatch === 'required', `${spec.path}: If-Match required or optional`);
      assert.equal(Array.isArray(operation.security), true);
    }
    const documented = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    assert.equal(documented.length, routeTable.length, 'no route documented that is not mounted');
  });

  test('a schema of the domain survives the conversion (customer has its fields)', () => {
    const operation = document.paths['/v1/customers/{id}']?.get as { responses: Record<string, { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }> };
    const schema = operation.responses['200']?.content['application/json']?.schema;
    assert.ok(schema?.properties?.lifetimeValue === undefined && schema?.properties?.value, 'customer.value is described');
  });
});
