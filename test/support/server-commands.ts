// Typed wrappers around the kith-server plugin's commands (test/support/kith-server-plugin.mjs).
import { executeServerCommand } from '@web/test-runner-commands';
import type { Scope, TokenKind } from '@kith/schema';

/** Where the real server listens, with the demo data it seeded. */
export interface KithServerInfo {
  url: string;
  publishableKey: string;
  sampleCustomerId: string;
  /** The sample customer's owner: the default subject of staff tokens. */
  staffId: string;
  /**
   * A demo product with published reviews in more than one language, one with the shop's
   * public reply (Kith's id; live topic `product:<id>`).
   */
  sampleProductId: string;
  /** The same product's shop id (`externalId`), as a page names it: `product="SKU-…"`. */
  sampleProductSku: string;
  /**
   * Another product the sample customer bought (an order that stands): a review sent with
   * that customer's token is a verified purchase.
   */
  purchasedProductId: string;
}

/** What to mint; see {@link mintToken}. */
export interface TokenGrant {
  kind: TokenKind;
  /** Default: staff → `staffId` (the sample customer's owner); customer → the sample customer. */
  subject?: string;
  /** Staff only; default `['customers:read']`, `[]` for none. */
  scopes?: Scope[];
  /** 30…900; default 900. */
  expiresInSeconds?: number;
}

export interface MintedToken {
  token: string;
  expiresAt: string;
}

/**
 * The real server of this run. With `isolated`, one of this test file's own (per browser),
 * which `stopServer`/`startServer` then act on without disturbing other files.
 */
export function serverInfo(options: { isolated?: boolean } = {}): Promise<KithServerInfo> {
  return executeServerCommand<KithServerInfo, { isolated?: boolean }>('kith-server-info', options);
}

export async function stopServer(): Promise<void> {
  await executeServerCommand<boolean, undefined>('kith-server-stop');
}

export async function startServer(): Promise<void> {
  await executeServerCommand<boolean, undefined>('kith-server-start');
}

/**
 * A token minted by `POST /v1/tokens` with the demo secret key (which stays in the test
 * runner) on the server this file uses, bound to the demo publishable key.
 */
export function mintToken(grant: TokenGrant): Promise<MintedToken> {
  return executeServerCommand<MintedToken, TokenGrant>('kith-token', grant);
}

/** A token function for `createClient({ token })` / `provider.token` that mints a fresh token per call. */
export function tokenSource(grant: TokenGrant): () => Promise<string> {
  return async () => (await mintToken(grant)).token;
}

/** A loopback URL where nothing listens: a real "server down". */
export async function closedUrl(): Promise<string> {
  return (await executeServerCommand<{ url: string }, undefined>('kith-closed-url')).url;
}

/** A well-formed UUID that no seeded record has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** What the fault proxy does to the next requests (see test/support/fault-proxy.mjs). */
export type FaultMode = 'pass' | 'down' | 'drop-answer-once' | 'rate-limit-once';

/** The fault proxy's address, its mode, and what it did since the mode was last set. */
export interface FaultProxy {
  url: string;
  mode: FaultMode;
  /** Requests forwarded to the server (a dropped answer included). */
  forwarded: number;
  /** Answers the server gave that the proxy threw away (`drop-answer-once`). */
  dropped: number;
  /** Connections destroyed unforwarded (`down`). */
  refused: number;
  /** Writes answered 429 unforwarded (`rate-limit-once`). */
  limited: number;
}

/**
 * This file's fault-injecting proxy in front of its server (the isolated one if it has one),
 * started on first use: `mode` switches it and resets the counts; without it, only the counts.
 */
export function faultProxy(mode?: FaultMode, options: { retryAfterSeconds?: number } = {}): Promise<FaultProxy> {
  return executeServerCommand<FaultProxy, { mode?: FaultMode; retryAfterSeconds?: number }>('kith-fault-proxy', { mode, ...options });
}
