import * as z from 'zod/mini';
import { MAX_TOKEN_SECONDS, Scope, TokenKind } from '@kith/schema';
import { readKid, signJwt, verifyJwt } from './jwt.js';
import type { Queryable } from '../db/database.js';
import type { SigningSecrets } from './signing-secrets.js';

/** Every Kith token is for this API and nothing else. */
export const TOKEN_AUDIENCE = 'kith-api';
const ISSUER = 'kith';

/** The claims of a Kith token (a JWT). `pk` is the id of the publishable key it is bound to. */
const Claims = z.object({
  iss: z.literal(ISSUER),
  aud: z.literal(TOKEN_AUDIENCE),
  sub: z.uuid(),
  knd: TokenKind,
  scp: z.array(Scope),
  pk: z.uuid(),
  iat: z.int(),
  exp: z.int(),
});
export type TokenClaims = z.infer<typeof Claims>;

/** What a token is minted for. */
export interface TokenGrant {
  kind: TokenKind;
  subject: string;
  scopes: Scope[];
  publishableKeyId: string;
  expiresInSeconds: number;
}

/** Mints a signed token; `now` comes from the app's clock so expiry is testable. */
export async function mintToken(
  secrets: SigningSecrets,
  grant: TokenGrant,
  now: Date,
  q?: Queryable,
): Promise<{ token: string; expiresAt: Date }> {
  const seconds = Math.min(grant.expiresInSeconds, MAX_TOKEN_SECONDS);
  const iat = Math.floor(now.getTime() / 1000);
  const claims: TokenClaims = {
    iss: ISSUER,
    aud: TOKEN_AUDIENCE,
    sub: grant.subject,
    knd: grant.kind,
    scp: grant.kind === 'staff' ? grant.scopes : [],
    pk: grant.publishableKeyId,
    iat,
    exp: iat + seconds,
  };
  const { kid, secret } = await secrets.current(q);
  return { token: signJwt(claims, kid, secret), expiresAt: new Date(claims.exp * 1000) };
}

/** Why a token was refused (for the 401 message; never the token itself). */
export type TokenProblem = 'malformed' | 'unknown_key_id' | 'bad_signature' | 'expired' | 'invalid_claims';

/** Verifies signature, audience and expiry against the clock. */
export async function verifyToken(
  secrets: SigningSecrets,
  token: string,
  now: Date,
): Promise<{ ok: true; claims: TokenClaims } | { ok: false; problem: TokenProblem }> {
  const kid = readKid(token);
  if (!kid) return { ok: false, problem: 'malformed' };
  const secret = await secrets.find(kid);
  if (!secret) return { ok: false, problem: 'unknown_key_id' };
  const payload = verifyJwt(token, secret);
  if (payload === null) return { ok: false, problem: 'bad_signature' };
  const parsed = Claims.safeParse(payload);
  if (!parsed.success) return { ok: false, problem: 'invalid_claims' };
  const claims = parsed.data;
  // A token that claims to outlive the 15-minute cap was not minted here.
  if (claims.exp - claims.iat > MAX_TOKEN_SECONDS) return { ok: false, problem: 'invalid_claims' };
  if (claims.exp * 1000 <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, claims };
}
