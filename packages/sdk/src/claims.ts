// Reads the claims of the JWT in an `Authorization` value, unverified (the server verifies):
// the SDK only needs to know when a token runs out and whom it speaks for.

/** The payload of a JWT in `Bearer <jwt>`, or null for a key or anything that is not a JWT. */
export function tokenClaims(authorization: string): Record<string, unknown> | null {
  const payload = authorization.replace(/^Bearer\s+/i, '').split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '=')));
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Whom a request speaks for: `customer:<id>`, `staff:<id>`, or `key:<key>` when it sends the key. */
export type Subject = `customer:${string}` | `staff:${string}` | `key:${string}`;

/** The subject of an `Authorization` value. A key is its own subject; a token whose claims cannot
 * be read (the server will refuse it) is `customer:unreadable` — never the token itself, which
 * must not end up in storage names. */
export function subjectOf(authorization: string): Subject {
  const credential = authorization.replace(/^Bearer\s+/i, '');
  if (/^(pk|sk)_/.test(credential)) return `key:${credential}`;
  const claims = tokenClaims(authorization);
  const sub = claims?.['sub'];
  if (typeof sub !== 'string' || !/^[\w-]{1,64}$/.test(sub)) return 'customer:unreadable';
  return `${claims?.['knd'] === 'staff' ? 'staff' : 'customer'}:${sub}`;
}
