import type { Context, MiddlewareHandler } from 'hono';
import type { Access, Credential } from '../auth/credential.js';
import { verifyToken, type TokenProblem } from '../auth/tokens.js';
import { normaliseOrigin, type ApiKeyRecord } from '../keys/api-keys.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * Authenticates `Authorization: Bearer <pk_… | sk_… | token>` on every request and puts
 * the {@link Credential} on the context; routes then {@link authorize} it.
 * - 401: a malformed header, an unknown or revoked key, a bad, tampered or expired token.
 * - 403: a secret key from a browser; a publishable key or token from a page whose origin
 *   is not on the (bound) publishable key's list.
 * The key or token never reaches a log or a query (keys are looked up by their hash).
 */
export function authenticate(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('credential', await credentialOf(c));
    await next();
  };
}

async function credentialOf(c: Context<AppEnv>): Promise<Credential> {
  const rawOrigin = browserOrigin(c);
  const origin = rawOrigin === undefined ? null : normaliseOrigin(rawOrigin);
  const header = c.req.header('Authorization');
  if (header === undefined) return { kind: 'none', origin };
  const value = BEARER.exec(header)?.[1];
  if (!value) throw unauthorized('Malformed Authorization header: expected Bearer <key or token>.');

  if (value.startsWith('sk_') || value.startsWith('pk_')) {
    const record = await c.get('services').keys.byKey(value);
    if (!record) throw unauthorized('Unknown API key.');
    if (record.revokedAt) throw unauthorized('This API key has been revoked.');
    if (record.kind === 'secret') {
      if (rawOrigin !== undefined || c.req.header('Sec-Fetch-Site') !== undefined) {
        throw forbidden('A secret key is never accepted from a browser; use a publishable key and tokens.');
      }
      return { kind: 'secret', keyId: record.id, origin: null };
    }
    checkOrigin(record, rawOrigin, origin);
    return { kind: 'publishable', keyId: record.id, origin };
  }

  const verified = await verifyToken(c.get('signingSecrets'), value, c.get('now')());
  if (!verified.ok) throw unauthorized(TOKEN_PROBLEMS[verified.problem]);
  const { claims } = verified;
  const bound = await c.get('services').keys.byId(claims.pk);
  if (!bound || bound.kind !== 'publishable' || bound.revokedAt) {
    throw unauthorized('The publishable key this token is bound to is unknown or revoked.');
  }
  checkOrigin(bound, rawOrigin, origin);
  const expiresAt = new Date(claims.exp * 1000);
  return claims.knd === 'customer'
    ? { kind: 'customer', customerId: claims.sub, keyId: bound.id, origin, expiresAt }
    : { kind: 'staff', staffId: claims.sub, scopes: claims.scp, keyId: bound.id, origin, expiresAt };
}

const TOKEN_PROBLEMS: Record<TokenProblem, string> = {
  malformed: 'Malformed token.',
  unknown_key_id: 'The token was signed with an unknown or retired secret.',
  bad_signature: 'The token signature is invalid.',
  expired: 'The token has expired; fetch a new one.',
  invalid_claims: 'The token claims are invalid.',
};

/** A browser page may use a publishable key (or a token bound to one) only from the key's origins. */
function checkOrigin(key: ApiKeyRecord, rawOrigin: string | undefined, origin: string | null): void {
  if (rawOrigin !== undefined && (origin === null || !key.allowedOrigins.includes(origin))) {
    throw forbidden(`The origin ${rawOrigin} is not allowed for this publishable key.`);
  }
}

/**
 * The origin of the page that made the request. Browsers leave `Origin` out of same-origin
 * GET requests, but they do send `Sec-Fetch-Site: same-origin` (Chromium, Firefox, Safari),
 * so such a request comes from the server's own origin.
 */
function browserOrigin(c: Context<AppEnv>): string | undefined {
  const origin = c.req.header('Origin');
  if (origin !== undefined) return origin;
  return c.req.header('Sec-Fetch-Site') === 'same-origin' ? new URL(c.req.url).origin : undefined;
}

/** Refuses a credential the route does not accept: 401 with none, 403 with the wrong one. */
export function authorize(credential: Credential, access: Access): void {
  if (access.public) return;
  switch (credential.kind) {
    case 'none':
      throw unauthorized('Missing credentials: send Authorization: Bearer <key or token>.');
    case 'publishable':
      if (access.publishable) return;
      throw forbidden('This route does not accept a publishable key; it needs a token or a secret key.');
    case 'secret':
      if (access.secret) return;
      throw forbidden('This route does not accept a secret key.');
    case 'customer':
      if (access.customer) return;
      throw forbidden('This route does not accept a customer token.');
    case 'staff':
      if (access.staff === true || (access.staff && credential.scopes.includes(access.staff))) return;
      throw forbidden(access.staff ? `This route needs a staff token with the scope ${access.staff}.` : 'This route does not accept a staff token.');
  }
}

export function unauthorized(message: string): ApiError {
  return new ApiError(401, 'unauthorized', message);
}

export function forbidden(message: string): ApiError {
  return new ApiError(403, 'forbidden', message);
}
