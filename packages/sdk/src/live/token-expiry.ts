// When a token runs out, read from the token itself so the stream can move to a fresh one
// before the server ends it. Nothing is verified (the server does that): only `exp` is read.

/**
 * The `exp` of a JWT in an `Authorization` value, in epoch milliseconds; `null` for a key,
 * a token that is not a JWT, or one without a numeric `exp`.
 */
export function tokenExpiry(authorization: string): number | null {
  const payload = authorization.replace(/^Bearer\s+/i, '').split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')));
    const exp = typeof claims === 'object' && claims !== null ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/** How long before expiry to reconnect: 30 s, or half the remaining life of a shorter token. */
export function refreshDelay(expiresAt: number, now: number): number | null {
  const remaining = expiresAt - now;
  // Already past (or a skewed clock): the server's `token_expired` takes over.
  if (remaining <= 0) return null;
  return remaining - Math.min(30_000, remaining / 2);
}
