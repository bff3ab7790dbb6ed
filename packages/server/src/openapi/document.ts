import * as z from 'zod/mini';
import { ErrorEnvelope } from '@kith/schema';
import type { RouteSpec } from '../http/route.js';
import { VERSION } from '../version.js';

type JsonSchema = Record<string, unknown>;

/** zod 4's own JSON Schema for a zod/mini schema; refinements it cannot express are left out. */
function jsonSchema(schema: z.core.$ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  return rest;
}

/** `/v1/customers/:id` → `/v1/customers/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

function parameters(spec: RouteSpec): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, schema] of [['path', spec.params], ['query', spec.query]] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (object.required ?? []).includes(name), schema: property });
    }
  }
  if (spec.ifMatch) {
    const required = spec.ifMatch === 'required';
    const description = required ? 'The record\'s version as returned in its ETag' : 'The record\'s version as returned in its ETag; when sent, a stale one is refused (409)';
    out.push({ name: 'If-Match', in: 'header', required, description, schema: { type: 'string' } });
  }
  if (spec.method !== 'GET') {
    out.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', maxLength: 255 } });
  }
  return out;
}

function security(spec: RouteSpec): JsonSchema[] {
  const { access } = spec;
  if (access.public) return [];
  const ways: JsonSchema[] = [];
  if (access.publishable) ways.push({ publishableKey: [] });
  if (access.customer) ways.push({ customerToken: [] });
  if (access.staff) ways.push({ staffToken: access.staff === true ? [] : [access.staff] });
  if (access.secret) ways.push({ secretKey: [] });
  return ways;
}

/** The OpenAPI 3 document of every route in the table, generated from the same schemas. */
export function openApiDocument(table: readonly RouteSpec[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const error = { description: 'Error', content: { 'application/json': { schema: jsonSchema(ErrorEnvelope, 'output') } } };
  for (const spec of table) {
    const operation: JsonSchema = {
      operationId: `${spec.method.toLowerCase()}${openApiPath(spec.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      summary: spec.summary,
      tags: [spec.tag],
      parameters: parameters(spec),
      security: security(spec),
      responses: {
        [String(spec.status ?? 200)]: {
          description: spec.stream ? 'A stream of messages, each one of these' : 'Success',
          content: { [spec.stream ?? 'application/json']: { schema: jsonSchema(spec.response, 'output') } },
        },
        default: error,
      },
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
    };
    (paths[openApiPath(spec.path)] ??= {})[spec.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.0.3',
    info: { title: 'Kith API', version: VERSION, description: 'The Kith reference HTTP API. Errors are always { error: { code, message, details? } }.' },
    paths,
    components: {
      securitySchemes: {
        publishableKey: { type: 'http', scheme: 'bearer', description: 'pk_… from a page on one of the key\'s origins' },
        secretKey: { type: 'http', scheme: 'bearer', description: 'sk_… from servers only; refused from browsers' },
        customerToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'short-lived customer token from POST /v1/tokens' },
        staffToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'short-lived staff token with scopes from POST /v1/tokens' },
      },
    },
  };
}
