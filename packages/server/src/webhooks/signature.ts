// Webhook signatures, both sides: the dispatcher signs, a shop's receiver verifies with
// `verifyWebhook` (exported from `@kith/server`). Pure functions over node:crypto, so a
// receiver can use them without a database or a server.
//
//   Kith-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>[,v1=…]
//
// The timestamp is inside the signed text, so an old delivery replayed later fails the
// replay window even though its signature is genuine. During a secret rotation the header
// carries one `v1=` per valid secret; any one of them matching is enough.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DEFAULT_SETTINGS } from '../settings.js';

/** The signature header's name. */
export const SIGNATURE_HEADER = 'Kith-Signature';

/** Hex HMAC-SHA256 of `"<timestamp>.<body>"` with the secret (the whole `whsec_…` string). */
export function signaturePart(secret: string, timestamp: number, body: string | Uint8Array): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The `Kith-Signature` value for a body sent at `at`, signed with every given secret. */
export function signatureHeader(secrets: readonly string[], at: Date, body: string): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return [`t=${timestamp}`, ...secrets.map((secret) => `v1=${signaturePart(secret, timestamp, body)}`)].join(',');
}

export interface VerifyWebhookInput {
  /** The endpoint's signing secret (`whsec_…`); during a rotation, both old and new may be given. */
  secret: string | readonly string[];
  /** The `Kith-Signature` request header as received. */
  header: string | null | undefined;
  /** The raw request body, exactly as received: verify before parsing JSON. */
  body: string | Uint8Array;
  /** The receiver's clock (default: now). */
  now?: Date;
  /** Largest accepted difference between the signature's time and `now` (default 300 s). */
  toleranceSeconds?: number;
}

/** Why a delivery was refused. */
export type WebhookRefusal = 'missing_header' | 'malformed_header' | 'outside_tolerance' | 'bad_signature';

export type VerifyWebhookResult = { ok: true; timestamp: Date } | { ok: false; reason: WebhookRefusal };

const TIMESTAMP = /^\d{1,12}$/;
const HEX_SIGNATURE = /^[0-9a-f]{64}$/;

/**
 * Checks a webhook delivery: a well-formed `Kith-Signature`, a timestamp within the replay
 * window of `now` (either way, for clock skew), and a `v1` signature of the raw body made
 * with one of the secrets — compared in constant time. Unknown header parts (a future `v2=`)
 * are ignored. Returns the signed time or why the delivery must be refused (answer it 400).
 */
export function verifyWebhook(input: VerifyWebhookInput): VerifyWebhookResult {
  const { header } = input;
  if (header === null || header === undefined || header.trim() === '') return { ok: false, reason: 'missing_header' };
  let timestamp: number | null = null;
  const candidates: Buffer[] = [];
  for (const part of header.split(',')) {
    const at = part.indexOf('=');
    if (at <= 0) return { ok: false, reason: 'malformed_header' };
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === 't') {
      if (timestamp !== null || !TIMESTAMP.test(value)) return { ok: false, reason: 'malformed_header' };
      timestamp = Number(value);
    } else if (key === 'v1') {
      if (!HEX_SIGNATURE.test(value)) return { ok: false, reason: 'malformed_header' };
      candidates.push(Buffer.from(value, 'hex'));
    }
  }
  if (timestamp === null || candidates.length === 0) return { ok: false, reason: 'malformed_header' };

  const now = input.now ?? new Date();
  const tolerance = input.toleranceSeconds ?? DEFAULT_SETTINGS.webhooks.toleranceSeconds;
  if (Math.abs(now.getTime() / 1000 - timestamp) > tolerance) return { ok: false, reason: 'outside_tolerance' };

  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  // Every pair is compared (no early exit on a match) so timing says nothing about which matched.
  let matched = false;
  for (const secret of secrets) {
    const expected = Buffer.from(signaturePart(secret, timestamp, input.body), 'hex');
    for (const candidate of candidates) {
      if (timingSafeEqual(expected, candidate)) matched = true;
    }
  }
  return matched ? { ok: true, timestamp: new Date(timestamp * 1000) } : { ok: false, reason: 'bad_signature' };
}
