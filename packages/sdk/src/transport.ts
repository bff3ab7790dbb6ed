import { createCredentials, type TokenSource } from './credentials.js';
import { KithError } from './errors.js';
import { errorFromResponse } from './responses.js';

/** What the transport needs to know; validated by `createClient`. */
export interface TransportOptions {
  /** Absolute base URL of the Kith API, without `/v1`. */
  baseUrl: string;
  /** A publishable (`pk_…`) or secret (`sk_…`) key; sent as the Bearer credential when there is no token. */
  key: string;
  /**
   * Supplies short-lived tokens (staff or customer) minted by the page's own backend. When
   * given, requests send `Authorization: Bearer <token>` instead of the key; a 401 calls it
   * once more and retries once. Never stored by the SDK.
   */
  token?: TokenSource | undefined;
  /** The `fetch` to use (tests inject one for garbage or slow servers); defaults to the global one. */
  fetch?: typeof fetch;
  /** Milliseconds before a request fails with `timeout` (getting the token and reading the body included). */
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

/** How one try ended. `refused`: the token call whose token the server answered 401 to. */
type Failure = { ok: false; error: unknown; refused: number | null };
type Outcome = { ok: true; body: unknown } | Failure;

/** Creates the fetch-based transport. Options are assumed valid (see `createClient`). */
export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const credentials = createCredentials(options.key, options.token);
  // Looked up per call, so a page (or a test) that replaces window.fetch later is honoured.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  /**
   * One try: credential, request, body, under one timeout. Never throws: the outcome says
   * what went wrong, and which token call the server refused when it answered 401 to a token.
   */
  async function attempt(path: string, signal: AbortSignal | undefined, after?: number): Promise<Outcome> {
    // One controller aborts everything for either reason: the caller's signal or our timer.
    const controller = new AbortController();
    let timedOut = false;
    let phase: 'token' | 'reach' | 'read the answer of' = 'token';
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });

    /** A failure while no response (or no body) arrived: abort, timeout, token or network. */
    const failure = (error: unknown): Failure => {
      if (signal?.aborted) return { ok: false, error: signal.reason, refused: null };
      if (timedOut) {
        const what = phase === 'token' ? 'The token function did not answer' : `No answer from ${baseUrl}`;
        return { ok: false, error: new KithError('timeout', `${what} within ${timeoutMs} ms`, { cause: error }), refused: null };
      }
      if (error instanceof KithError) return { ok: false, error, refused: null };
      return { ok: false, error: new KithError('network', `Could not ${phase} ${baseUrl}`, { cause: error }), refused: null };
    };

    try {
      let response: Response;
      let call: number | null;
      try {
        const authorization = await credentials.authorization(controller.signal, after);
        call = authorization.call;
        phase = 'reach';
        response = await doFetch(`${baseUrl}${path}`, {
          method: 'GET',
          headers: { authorization: authorization.header, accept: 'application/json' },
          signal: controller.signal,
          credentials: 'omit',
        });
      } catch (error) {
        return failure(error);
      }
      phase = 'read the answer of';
      let text: string;
      try {
        if (!response.ok) {
          const refusal = failure(await errorFromResponse(response));
          const tokenRefused = refusal.error instanceof KithError && refusal.error.status === 401;
          return { ...refusal, refused: tokenRefused ? call : null };
        }
        text = await response.text();
      } catch (error) {
        return failure(error);
      }
      try {
        return { ok: true, body: JSON.parse(text) as unknown };
      } catch (error) {
        const message = `The server answered ${response.status} with a body that is not JSON`;
        return { ok: false, error: new KithError('invalid_response', message, { status: response.status, cause: error }), refused: null };
      }
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  async function get(path: string, { signal }: RequestOptions = {}): Promise<unknown> {
    signal?.throwIfAborted();
    const first = await attempt(path, signal);
    if (first.ok) return first.body;
    // A token the server refused (expired, revoked, garbage): ask the page once more, try once more.
    if (first.refused === null) throw first.error;
    const second = await attempt(path, signal, first.refused);
    if (second.ok) return second.body;
    throw second.error;
  }

  return { get };
}
