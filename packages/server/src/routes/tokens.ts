import { TokenRequest, TokenResponse } from '@kith/schema';
import { mintToken } from '../auth/tokens.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { findApiKey } from '../keys/api-keys.js';

/**
 * `POST /v1/tokens` (secret key only): the shop's server mints a short-lived token for a
 * signed-in shopper or staff user, bound to the publishable key of the page that will use it.
 */
export const createToken = route({
  method: 'POST',
  path: '/v1/tokens',
  summary: 'Mint a short-lived customer or staff token',
  tag: 'auth',
  access: { secret: true },
  body: TokenRequest,
  response: TokenResponse,
  status: 201,
  async handle({ c, db, body, now }) {
    const key = await findApiKey(db, body.publishableKey);
    if (!key || key.kind !== 'publishable' || key.revokedAt) {
      throw new ApiError(400, 'validation', 'publishableKey is not an active publishable key of this install.', {
        issues: [{ path: ['publishableKey'], message: 'Unknown or revoked publishable key' }],
      });
    }
    const { rows } = await db.query<{ erased: boolean }>(
      body.kind === 'customer'
        ? 'SELECT erased_at IS NOT NULL AS erased FROM customers WHERE id = $1'
        : 'SELECT false AS erased FROM staff WHERE id = $1',
      [body.subject],
    );
    if (rows.length === 0) {
      throw new ApiError(400, 'validation', `No ${body.kind} with id ${body.subject}.`, {
        issues: [{ path: ['subject'], message: `Unknown ${body.kind}` }],
      });
    }
    // An erased customer is a tombstone kept for the books: nobody signs in as it any more.
    if (rows[0]?.erased) {
      throw new ApiError(400, 'validation', `The customer ${body.subject} has been erased.`, {
        issues: [{ path: ['subject'], message: 'Erased customer' }],
      });
    }
    if (body.kind === 'customer' && body.scopes?.length) {
      throw new ApiError(400, 'validation', 'A customer token carries no scopes.', { issues: [{ path: ['scopes'], message: 'Not allowed for a customer token' }] });
    }
    const minted = await mintToken(
      c.get('signingSecrets'),
      { kind: body.kind, subject: body.subject, scopes: body.scopes ?? [], publishableKeyId: key.id, expiresInSeconds: body.expiresInSeconds ?? 900 },
      now,
      db,
    );
    c.header('Cache-Control', 'no-store');
    return { token: minted.token, kind: body.kind, expiresAt: minted.expiresAt.toISOString() };
  },
});

/** The routes of this file. */
export const tokenRoutes = [createToken];
