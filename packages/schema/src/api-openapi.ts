// The answer of `GET /v1/openapi.json`: the OpenAPI 3 document of the API.
import * as z from 'zod/mini';

/**
 * An OpenAPI 3 document, checked as far as a client relies on it (the version, the API's
 * title and version, one entry per path and method); everything else passes through as sent.
 */
export const OpenApiDocument = z.looseObject({
  openapi: z.string().check(z.regex(/^3\.\d+\.\d+$/, 'Must be an OpenAPI 3 version, e.g. 3.0.3')),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string().check(z.regex(/^\//, 'A path starts with /')), z.record(z.string(), z.unknown())),
});
export type OpenApiDocument = z.infer<typeof OpenApiDocument>;
