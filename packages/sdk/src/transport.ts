import { ErrorEnvelope } from '@kith/schema';
import { KithError, type KithErrorCode } from './errors.js';

/** What the transport needs to know; validated by `createClient`. */
export interface TransportOptions {
  /** Absolute base URL of the Kith API, without `/v1`. */
  baseUrl: string;
  /** A publishable (`pk_…`) or secret (`sk_…`) key, sent as a Bearer token. */
  key: string;
  /** The `fetch` to use (tests inject one for garbage or slow servers); defaults to the global one. */
  fetch?: typeof fetch;
  /** Milliseconds before a request fails with `timeout` (the body read included). */
  timeoutMs?: number;
}

/** Per-call options. */
export interface RequestOptions {
  /** Cancels the request; the promise then rejects with the signal's reason, not a KithError. */
  signal?: AbortSignal | undefined;
}

/** Sends requests and turns every failure into a {@link KithError}; knows nothing of resources. */
export interface Transport {
  /** GETs `path` (starting with `/v1/`) and resolves with the parsed JSON body, unvalidated. */
  get(path: string, options?: RequestOptions): Promise<unknown>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** Server error codes → SDK codes (the server's vocabulary is wider than a caller needs). */
const FROM_SERVER: Record<ErrorEnvelope['error']['code'], KithErrorCode> = {
  bad_request: 'validation',
  validation: 'validation',
  payload_too_large: 'validation',
  precondition_required: 'validation',
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

async function errorFromResponse(response: Response): Promise<KithError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const envelope = ErrorEnvelope.safeParse(body);
  if (envelope.success) {
    const { code, message, details } = envelope.data.error;
    return new KithError(FROM_SERVER[code], message, { status: response.status, details });
  }
  return new KithError(codeForStatus(response.status), `HTTP ${response.status} ${response.statusText}`.trim(), {
    status: response.status,
  });
}

/** Creates the fetch-based transport. Options are assumed valid (see `createClient`). */
export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Looked up per call, so a page (or a test) that replaces window.fetch later is honoured.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function get(path: string, { signal }: RequestOptions = {}): Promise<unknown> {
    signal?.throwIfAborted();
    // One controller aborts fetch for either reason: the caller's signal or our timer.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });

    /** A failure while no response (or no body) arrived: abort, timeout or network. */
    const failure = (error: unknown, during: string): unknown => {
      if (signal?.aborted) return signal.reason;
      if (timedOut) return new KithError('timeout', `No answer from ${baseUrl} within ${timeoutMs} ms`, { cause: error });
      if (error instanceof KithError) return error;
      return new KithError('network', `Could not ${during} ${baseUrl}`, { cause: error });
    };

    try {
      let response: Response;
      try {
        response = await doFetch(`${baseUrl}${path}`, {
          method: 'GET',
          headers: { authorization: `Bearer ${options.key}`, accept: 'application/json' },
          signal: controller.signal,
          credentials: 'omit',
        });
      } catch (error) {
        throw failure(error, 'reach');
      }
      if (!response.ok) {
        try {
          throw await errorFromResponse(response);
        } catch (error) {
          throw failure(error, 'read the answer of');
        }
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        throw failure(error, 'read the answer of');
      }
      try {
        return JSON.parse(text) as unknown;
      } catch (error) {
        throw new KithError('invalid_response', `The server answered ${response.status} with a body that is not JSON`, {
          status: response.status,
          cause: error,
        });
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  return { get };
}
