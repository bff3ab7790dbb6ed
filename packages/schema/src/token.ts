import * as z from 'zod/mini';
import { Id, Timestamp } from './common.js';

/**
 * What a staff token may do. A route names the one scope it needs; a customer token
 * carries no scopes (it reaches only its own customer's data).
 */
export const Scope = z.enum([
  'customers:read',
  'customers:write',
  'interactions:write',
  'opportunities:read',
  'opportunities:write',
  'feedback:read',
  'feedback:moderate',
  'loyalty:read',
  'loyalty:adjust',
  'staff:read',
  'analytics:read',
  'audit:read',
  'privacy:manage',
]);
export type Scope = z.infer<typeof Scope>;

/** The longest a token may live: 15 minutes. */
export const MAX_TOKEN_SECONDS = 900;

/** Who a token speaks for. */
export const TokenKind = z.enum(['customer', 'staff']);
export type TokenKind = z.infer<typeof TokenKind>;

/**
 * `POST /v1/tokens` (secret key only): mint a short-lived token for a shopper (their own
 * points, orders and feedback) or a staff user (customer data, by scope), bound to the
 * publishable key of the page that will use it.
 */
export const TokenRequest = z.strictObject({
  kind: TokenKind,
  /** The customer's or staff user's id. */
  subject: Id,
  /** Staff tokens only: what the token may do. */
  scopes: z.optional(z.array(Scope).check(z.maxLength(Scope.options.length))),
  /** The publishable key (`pk_…`) of the page that will send this token. */
  publishableKey: z.string().check(z.regex(/^pk_[A-Za-z0-9_]{8,120}$/, 'Must be a publishable key (pk_…)')),
  /** Lifetime in seconds, at most 900 (the default). */
  expiresInSeconds: z.optional(z.int().check(z.minimum(30), z.maximum(MAX_TOKEN_SECONDS))),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

/** A minted token and when it stops working. */
export const TokenResponse = z.strictObject({
  token: z.string().check(z.minLength(20)),
  kind: TokenKind,
  expiresAt: Timestamp,
});
export type TokenResponse = z.infer<typeof TokenResponse>;
