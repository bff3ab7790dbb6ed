import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorCode, ErrorEnvelope, FieldIssue } from '@kith/schema';
import type { AppEnv } from './env.js';

type Details = NonNullable<ErrorEnvelope['error']['details']>;

/** An error the API answers with on purpose: status, code and a message for people. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Details,
  ) {
    super(message);
  }
}

/** The one error shape: `{ error: { code, message, details? } }`. */
export function envelope(code: ErrorCode, message: string, details?: Details): ErrorEnvelope {
  return { error: details ? { code, message, details } : { code, message } };
}

/** 400 `validation` with the offending fields. */
export function validationError(message: string, issues: FieldIssue[]): ApiError {
  return new ApiError(400, 'validation', message, { issues });
}

/** Hono `onError`: known errors keep their status; anything else is a logged 500 with no stack. */
export function handleError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof ApiError) return c.json(envelope(error.code, error.message, error.details), error.status);
  if (error instanceof HTTPException) {
    const status = error.status as ContentfulStatusCode;
    const code: ErrorCode = status === 413 ? 'payload_too_large' : status >= 500 ? 'server' : 'bad_request';
    return c.json(envelope(code, status >= 500 ? 'Internal server error' : error.message || 'Bad request'), status);
  }
  const log = c.get('log');
  (log ?? console.error)(`error: ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`);
  return c.json(envelope('server', 'Internal server error'), 500);
}

/** Hono `notFound`: unknown routes answer in the envelope too. */
export function handleNotFound(c: Context<AppEnv>): Response {
  return c.json(envelope('not_found', `No route for ${c.req.method} ${c.req.path}`), 404);
}
