import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type * as z from 'zod/mini';
import type { FieldIssue } from '@kith/schema';
import type { Access, Credential } from '../auth/credential.js';
import type { Queryable } from '../db/database.js';
import { authorize } from './auth.js';
import type { AppEnv } from './env.js';
import { ApiError, validationError } from './errors.js';
import { withIdempotency } from './idempotency.js';
import { sendValid, validOutput } from './respond.js';

/** Any zod/mini schema whose output is `T`. */
export type Schema<T> = z.ZodMiniType<T>;

/** HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a handler receives: validated input, the credential and a query surface. */
export interface RouteInput<P, Q, B> {
  c: Context<AppEnv>;
  /**
   * The database, or the write's transaction for POST/PUT/PATCH/DELETE. Inside a write use
   * only this: PGlite is one connection, so `c.get('db')` would wait for the transaction.
   */
  db: Queryable;
  credential: Credential;
  params: P;
  query: Q;
  body: B;
  now: Date;
}

/** A response with a status other than the route's default (e.g. 200 on an upsert that updated). */
export class Reply<R> {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly body: R,
  ) {}
}

/**
 * One API operation, declared once: the route table mounts it on Hono with validation,
 * authorisation and idempotency, and the OpenAPI document is generated from the same table.
 */
export interface RouteSpec<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: Method;
  /** Hono path with `:params`, e.g. `/v1/customers/:id`. */
  path: string;
  summary: string;
  /** The resource it belongs to (OpenAPI tag). */
  tag: string;
  access: Access;
  params?: Schema<P>;
  query?: Schema<Q>;
  body?: Schema<B>;
  response: Schema<R>;
  /** Default success status (200; 201 for creations). */
  status?: ContentfulStatusCode;
  /**
   * The write takes `If-Match: "<version>"` (409 when stale): `required` (428 without it) or
   * `optional` (checked only when sent). The handler reads the header; this documents it in
   * OpenAPI.
   */
  ifMatch?: 'required' | 'optional';
  /** Largest accepted body in bytes (default 256 KiB). */
  maxBodyBytes?: number;
  /**
   * The route answers with a stream of this media type (`text/event-stream`) whose messages
   * are `response`; its handler returns the streaming `Response` itself (GET only).
   */
  stream?: 'text/event-stream';
  handle(input: RouteInput<P, Q, B>): Promise<R | Reply<R> | Response>;
}

/** Declares a route with its types inferred from its schemas. */
export function route<P = undefined, Q = undefined, B = undefined, R = unknown>(spec: RouteSpec<P, Q, B, R>): RouteSpec<P, Q, B, R> {
  return spec;
}

const DEFAULT_MAX_BODY = 256 * 1024;

/** Mounts every route of the table on the app. */
export function mountRoutes(app: Hono<AppEnv>, table: readonly RouteSpec[]): void {
  for (const spec of table) {
    const limit = bodyLimit({
      maxSize: spec.maxBodyBytes ?? DEFAULT_MAX_BODY,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `The body is larger than ${spec.maxBodyBytes ?? DEFAULT_MAX_BODY} bytes.`);
      },
    });
    app.on(spec.method, spec.path, limit, (c) => run(c, spec));
  }
}

async function run(c: Context<AppEnv>, spec: RouteSpec): Promise<Response> {
  const credential = c.get('credential');
  authorize(credential, spec.access);
  const params = parse(spec.params, c.req.param(), 'path parameters');
  const query = parse(spec.query, queryObject(c), 'query');
  const rawBody = spec.body ? await readJson(c) : undefined;
  const body = parse(spec.body, rawBody?.value, 'body');
  const now = c.get('now')();
  const input = (db: Queryable) => ({ c, db, credential, params, query, body, now });

  if (spec.method === 'GET') {
    return answer(c, spec, await spec.handle(input(c.get('db'))));
  }
  return withIdempotency(c, rawBody?.text ?? '', async (tx) => {
    const result = await spec.handle(input(tx));
    const reply = result instanceof Reply ? result : new Reply(spec.status ?? 200, result);
    return { status: reply.status, body: validOutput(c, spec.response, reply.body) };
  });
}

function answer(c: Context<AppEnv>, spec: RouteSpec, result: unknown): Response {
  if (spec.stream && result instanceof Response) return result;
  const reply = result instanceof Reply ? result : new Reply(spec.status ?? 200, result);
  return sendValid(c, spec.response, reply.body, reply.status);
}


function parse<T>(schema: Schema<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))),
    message: issue.message,
  }));
  throw validationError(`Invalid ${where}: ${issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`, issues);
}

/** Repeated query keys become arrays; single ones stay strings. */
function queryObject(c: Context<AppEnv>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    out[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return out;
}

async function readJson(c: Context<AppEnv>): Promise<{ text: string; value: unknown }> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError(400, 'bad_request', 'Send the body as JSON with Content-Type: application/json.');
  const text = await c.req.text();
  try {
    return { text, value: JSON.parse(text) };
  } catch {
    throw new ApiError(400, 'bad_request', 'The body is not valid JSON.');
  }
}
