import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Compact JWS with HS256 — the standard JWT form, so other services can read Kith tokens
 * with any JWT library. Only what Kith needs: one algorithm, a key id, no `none`.
 */

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

function mac(secret: string, input: string): Buffer {
  return createHmac('sha256', secret).update(input).digest();
}

/** Signs `payload` with `secret`, naming the secret by `kid` in the header. */
export function signJwt(payload: object, kid: string, secret: string): string {
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(payload));
  return `${head}.${body}.${mac(secret, `${head}.${body}`).toString('base64url')}`;
}

/** The parts of a token before its signature is checked: the header's `kid` only. */
export function readKid(token: string): string | null {
  const [head] = token.split('.');
  if (!head) return null;
  try {
    const header: unknown = JSON.parse(Buffer.from(head, 'base64url').toString('utf8'));
    if (typeof header !== 'object' || header === null) return null;
    const { alg, kid } = header as { alg?: unknown; kid?: unknown };
    return alg === 'HS256' && typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
}

/** Checks the signature in constant time; returns the decoded payload or null. */
export function verifyJwt(token: string, secret: string): unknown {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [head, body, signature] = parts as [string, string, string];
  const expected = mac(secret, `${head}.${body}`);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
