import type { ResponseIssue } from './validate.js';

/**
 * Every way a Kith call can fail, as one typed error. Components switch on `code`, never on
 * message text.
 */
export const KITH_ERROR_CODES = [
  'network',
  'timeout',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'validation',
  'server',
  'invalid_response',
] as const;

/** One of {@link KITH_ERROR_CODES}. */
export type KithErrorCode = (typeof KITH_ERROR_CODES)[number];

/** Options of a {@link KithError} besides its code and message. */
export interface KithErrorOptions {
  /** The HTTP status, when a response arrived. */
  status?: number | null;
  /** Server-provided details (field issues, current record) or the schema issues of a bad response. */
  details?: unknown;
  /** The underlying error (a `TypeError` from `fetch`, a `SyntaxError` from JSON). */
  cause?: unknown;
  /** The wait the server asked for (`Retry-After`); else `details.retryAfterSeconds` is used. */
  retryAfterSeconds?: number | null;
}

/** The parts of `details` the SDK reads; the server's envelope (`ErrorEnvelope`) has this shape. */
interface KnownDetails {
  issues?: unknown;
  current?: unknown;
  retryAfterSeconds?: unknown;
}

/** The one error type the SDK throws (an abort by the caller rethrows the signal's reason instead). */
export class KithError extends Error {
  override readonly name = 'KithError';
  /** What went wrong, as a stable code. */
  readonly code: KithErrorCode;
  /** The HTTP status, or `null` when no response arrived (network, timeout). */
  readonly status: number | null;
  /** Extra information: the server's `details`, or the schema issues for `invalid_response`. */
  readonly details: unknown;
  /**
   * What is wrong with which field: the server's `details.issues` for `validation`, the
   * schema's for `invalid_response`; empty otherwise.
   */
  readonly issues: readonly ResponseIssue[];
  /**
   * For `conflict`: the record as it is now on the server (`details.current`), so a page can
   * show it or merge and retry with its version; `undefined` when the server sent none.
   * Typed `unknown`: it is the resource's own type, which the resource's caller knows.
   */
  readonly current: unknown;
  /** For `rate_limited`: seconds the server asked to wait (`Retry-After`); `null` when not said. */
  readonly retryAfterSeconds: number | null;

  constructor(code: KithErrorCode, message: string, options: KithErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? null;
    this.details = options.details;
    // Lifted out of `details` once here, so callers read typed fields instead of probing it.
    const known: KnownDetails = typeof options.details === 'object' && options.details !== null ? options.details : {};
    this.issues = Array.isArray(known.issues) ? (known.issues as ResponseIssue[]) : [];
    this.current = known.current;
    const wait = options.retryAfterSeconds ?? known.retryAfterSeconds;
    this.retryAfterSeconds = typeof wait === 'number' && wait >= 0 ? wait : null;
  }
}

/** True for a {@link KithError}, also one thrown by another copy of the SDK on the page. */
export function isKithError(error: unknown): error is KithError {
  return (
    error instanceof KithError ||
    (error instanceof Error && error.name === 'KithError' && typeof (error as Partial<KithError>).code === 'string')
  );
}

/** A failure as a `KithError`: itself when it is one, else a `network` error caused by it. */
export const toKithError = (error: unknown): KithError =>
  isKithError(error) ? error : new KithError('network', error instanceof Error ? error.message : String(error), { cause: error });
