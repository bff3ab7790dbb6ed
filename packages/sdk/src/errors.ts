/**
 * Every way a Kith call can fail, as one typed error. Components switch on `code`, never on
 * message text. `conflict` and `rate_limited` are produced once writes and retries arrive.
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

  constructor(code: KithErrorCode, message: string, options: KithErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? null;
    this.details = options.details;
  }
}

/** True for a {@link KithError}, also one thrown by another copy of the SDK on the page. */
export function isKithError(error: unknown): error is KithError {
  return (
    error instanceof KithError ||
    (error instanceof Error && error.name === 'KithError' && typeof (error as Partial<KithError>).code === 'string')
  );
}
