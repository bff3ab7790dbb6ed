import type { MiddlewareHandler } from 'hono';
import { findApiKey, normaliseOrigin } from '../keys/api-keys.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

/**
 * Which credentials a route accepts. For now that is API keys only; issue #3 adds
 * short-lived customer and staff tokens with scopes, and customer data then requires a
 * staff token (`customers:read`).
 */
export interface Accepts {
  /**
   * Publishable key: `'public'` also from browserless clients without an Origin (public
   * data: published reviews, ratings); `'browser'` only with an Origin on the key's list.
   */
  publishable?: 'public' | 'browser';
  /** Secret key: from servers only; never with an Origin header. */
  secret?: boolean;
}

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Authenticates the request's `Authorization: Bearer <key>` and checks it against what
 * the route accepts. 401: no, unknown or revoked key. 403: a secret key with an Origin, a
 * publishable key from an origin not on its list (or without one where the route needs
 * it), or a key kind the route does not take. The key never reaches a log or a query.
 */
export function requireCredential(accepts: Accepts): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('Authorization');
    if (!header) throw unauthorized('Missing credentials: send Authorization: Bearer <key>.');
    const key = BEARER.exec(header)?.[1];
    if (!key) throw unauthorized('Malformed Authorization header: expected Bearer <key>.');
    const record = await findApiKey(c.get('db'), key);
    if (!record) throw unauthorized('Unknown API key.');
    if (record.revokedAt) throw unauthorized('This API key has been revoked.');

    const originHeader = browserOrigin(c.req.header('Origin'), c.req.header('Sec-Fetch-Site'), c.req.url);
    const origin = originHeader === undefined ? null : normaliseOrigin(originHeader);
    if (record.kind === 'secret') {
      if (originHeader !== undefined || c.req.header('Sec-Fetch-Site') !== undefined) {
        throw forbidden('A secret key is never accepted from a browser (the request has an Origin); use a publishable key.');
      }
      if (!accepts.secret) throw forbidden('This route does not accept a secret key.');
    } else {
      if (!accepts.publishable) throw forbidden('This route does not accept a publishable key.');
      if (originHeader !== undefined && (origin === null || !record.allowedOrigins.includes(origin))) {
        throw forbidden(`The origin ${originHeader} is not allowed for this publishable key.`);
      }
      if (originHeader === undefined && accepts.publishable === 'browser') {
        throw forbidden('A publishable key reads this route only from a browser page on one of its allowed origins.');
      }
    }
    c.set('credential', { kind: record.kind, keyId: record.id, origin });
    await next();
  };
}

/**
 * The origin of the page that made the request. Browsers leave `Origin` out of same-origin
 * GET requests, but they do send `Sec-Fetch-Site: same-origin` (Chromium, Firefox, Safari),
 * so such a request comes from the server's own origin.
 */
function browserOrigin(origin: string | undefined, fetchSite: string | undefined, url: string): string | undefined {
  if (origin !== undefined) return origin;
  return fetchSite === 'same-origin' ? new URL(url).origin : undefined;
}

function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message);
}

function forbidden(message: string): ApiError {
  return new ApiError(403, 'forbidden', message);
}
