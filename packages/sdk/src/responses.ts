import type { ErrorEnvelope } from '@kith/schema';
import { KithError, type KithErrorCode } from './errors.js';

/** Server error codes → SDK codes (the server's vocabulary is wider than a caller needs). */
const FROM_SERVER: Record<ErrorEnvelope['error']['code'], KithErrorCode> = {
  bad_request: 'validation',
  validation: 'validation',
  payload_too_large: 'validation',
  precondition_required: 'validation',
  idempotency_mismatch: 'conflict',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  not_found: 'not_found',
  conflict: 'conflict',
  rate_limited: 'rate_limited',
  server: 'server',
  unavailable: 'server',
};

/** The SDK code for a status when the body is not a Kith error envelope (a proxy's 502 page). */
function codeForStatus(status: number): KithErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  if (status >= 400) return 'validation';
  return 'invalid_response';
}

/**
 * `Retry-After` in seconds: delta-seconds, or an HTTP date (a proxy may send one); `null`
 * when absent or unreadable, so `details.retryAfterSeconds` is used instead.
 */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  // An HTTP date names its day and month; `Date.parse` alone would read "-3" as a year.
  const at = /[a-z]{3}/i.test(header) ? Date.parse(header) : NaN;
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The {@link KithError} of a response that is not OK: its error envelope, else its status. */
export async function errorFromResponse(response: Response): Promise<KithError> {
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'));
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  // The envelope's schema (and zod) loads with the first failure, not with the core; if the chunk
  // cannot be fetched, the status alone still gives the error its code.
  const schema = await import('./error-schema.js').then((module) => module.ErrorEnvelope, () => undefined);
  const envelope = schema?.safeParse(body);
  if (envelope?.success) {
    const { code, message, details } = envelope.data.error;
    return new KithError(FROM_SERVER[code], message, { status: response.status, details, retryAfterSeconds: retryAfter });
  }
  return new KithError(codeForStatus(response.status), `HTTP ${response.status} ${response.statusText}`.trim(), {
    status: response.status,
    retryAfterSeconds: retryAfter,
  });
}
