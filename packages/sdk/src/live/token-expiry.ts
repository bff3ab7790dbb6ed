// When a token runs out, read from the token itself so the stream can move to a fresh one
// before the server ends it. Nothing is verified (the server does that): only `exp` is read.
import { tokenClaims } from '../claims.js';

/**
 * The `exp` of a JWT in an `Authorization` value, in epoch milliseconds; `null` for a key,
 * a token that is not a JWT, or one without a numeric `exp`.
 */
export function tokenExpiry(authorization: string): number | null {
  const exp = tokenClaims(authorization)?.['exp'];
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
}

/** How long before expiry to reconnect: 30 s, or half the remaining life of a shorter token. */
export function refreshDelay(expiresAt: number, now: number): number | null {
  const remaining = expiresAt - now;
  // Already past (or a skewed clock): the server's `token_expired` takes over.
  if (remaining <= 0) return null;
  return remaining - Math.min(30_000, remaining / 2);
}
