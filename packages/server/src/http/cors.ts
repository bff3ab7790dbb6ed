import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

export const CORS_ALLOW_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
// `Last-Event-ID`: the SDK resumes a live stream with `fetch`, so it is a request header here.
export const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key, If-Match, Last-Event-ID, X-Request-Id';
// What a page may read: versions, replays, the rate limits it must respect, the id to quote in a support request.
export const CORS_EXPOSE_HEADERS =
  'ETag, Idempotent-Replayed, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-Request-Id';
export const CORS_MAX_AGE = '600';

/**
 * CORS for an API used from any shop's pages with origin-bound keys:
 * - a preflight (OPTIONS) is answered generically for any Origin — it carries no
 *   credentials, so it cannot say which origins a key allows; the origin is enforced on
 *   the real request by the key check (see `auth.ts`);
 * - every real response to a request with an Origin (errors included, so a 404 is
 *   readable JSON) echoes the Origin and exposes ETag, Retry-After and the rate-limit headers;
 * - `Vary: Origin` always; `Access-Control-Allow-Credentials` never (no cookies).
 */
export function cors(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const origin = c.req.header('Origin');
    if (c.req.method === 'OPTIONS') {
      const headers = new Headers({ Vary: 'Origin', 'Access-Control-Max-Age': CORS_MAX_AGE });
      if (origin) {
        headers.set('Access-Control-Allow-Origin', origin);
        headers.set('Access-Control-Allow-Methods', CORS_ALLOW_METHODS);
        headers.set('Access-Control-Allow-Headers', CORS_ALLOW_HEADERS);
      }
      headers.set('Allow', CORS_ALLOW_METHODS);
      return new Response(null, { status: 204, headers });
    }
    await next();
    const headers = c.res.headers;
    headers.append('Vary', 'Origin');
    if (origin) {
      headers.set('Access-Control-Allow-Origin', origin);
      headers.set('Access-Control-Expose-Headers', CORS_EXPOSE_HEADERS);
    }
  };
}
