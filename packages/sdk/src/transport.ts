import { subjectOf, type Subject } from './claims.js';
import { createCredentials, type Authorization, type Credentials, type TokenSource } from './credentials.js';
import { KithError } from './errors.js';
import { errorFromResponse } from './responses.js';
import { retryPolicy, withRetries, type RetryOptions } from './retry.js';
import { parseResponse, type ResponseSchema } from './validate.js';

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
  /**
   * Milliseconds before an attempt fails with `timeout` (getting the token and reading the
   * body included); each retry gets the whole time again.
   */
  timeoutMs?: number;
  /**
   * Retries of `network`, `timeout`, `server` and `rate_limited` failures, with exponential
   * backoff and full jitter (`retry.ts`); `false` for one attempt. GETs and writes with an
   * idempotency key are retried — every write has one unless the caller passes `null`.
   */
  retry?: RetryOptions | false | undefined;
  /** A BCP 47 tag sent as `Accept-Language` (the language of the server's messages). */
  locale?: string | undefined;
}

/** Per-call options. */
export interface RequestOptions {
  /** Cancels the request; the promise then rejects with the signal's reason, not a KithError. */
  signal?: AbortSignal | undefined;
  /** This call's time per attempt before it fails with `timeout`; default the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A query parameter; an array repeats the key (`tag=a&tag=b`), `undefined`/`null` leaves it out. */
export type QueryValue = string | number | boolean | null | undefined | ReadonlyArray<string | number | boolean>;

/** One call of {@link Transport.request}. */
export interface TransportRequest<T = unknown> extends RequestOptions {
  method: HttpMethod;
  /** Starts with `/v1/`; path segments are the caller's to encode. */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  /** Sent as JSON. */
  body?: unknown;
  /**
   * For a write: the key the server applies it once under. Omitted, the transport makes
   * one (a UUID) and sends it on every attempt, so a retried write lands once. `null`
   * sends none (for the one route that refuses keys, `POST /v1/keys`) and disables retries.
   */
  idempotencyKey?: string | null | undefined;
  /** The version (or `ETag`) the write expects; sent as `If-Match: "<version>"`. */
  ifMatch?: number | string | undefined;
  /** Validates the body (an `invalid_response` error when it does not match); else it is `unknown`. */
  schema?: ResponseSchema<T> | undefined;
  /**
   * Sends only under this subject's credential (see `claims.ts`): when the token function now
   * speaks for someone else (a sign-out, another sign-in), the call fails with `unauthorized`
   * before anything is sent. The outbox sets it, so a write goes out only as its author.
   */
  subject?: Subject | undefined;
  /**
   * A credential already asked for this call (the cache asks once for both the partition it
   * reads and the request), used by the first try; a 401 still asks the token function again.
   */
  authorization?: Authorization | undefined;
}

/** A successful answer. */
export interface TransportResponse<T = unknown> {
  /** The parsed JSON body (validated when the request had a `schema`); `null` when empty. */
  body: T;
  status: number;
  /** The `ETag` header (`"<version>"`), for the next `ifMatch`; `null` when absent. */
  etag: string | null;
  /** True when the server answered a write from its idempotency record (`Idempotent-Replayed`). */
  replayed: boolean;
  /** Whom the credential that got this answer speaks for (after a 401 it may be a newer token's). */
  subject: Subject;
}

/** Sends requests and turns every failure into a {@link KithError}; knows nothing of resources. */
export interface Transport {
  /** Sends one call, retried per `TransportOptions.retry` when that is safe (see {@link withRetries}). */
  request<T = unknown>(request: TransportRequest<T>): Promise<TransportResponse<T>>;
  /** GETs `path` (starting with `/v1/`) and resolves with the parsed JSON body, unvalidated. */
  get(path: string, options?: RequestOptions): Promise<unknown>;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** How one try ended. `refused`: the token call whose token the server answered 401 to. */
type Failure = { ok: false; error: unknown; refused: number | null };
type Outcome = { ok: true; response: TransportResponse } | Failure;

/** What every attempt of one call sends alike (the idempotency key above all). */
interface Prepared {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  subject: Subject | undefined;
  authorization: Authorization | undefined;
  timeoutMs: number;
}

/** `path?a=1&tag=x&tag=y`; `undefined` and `null` values are left out. */
export function withQuery(path: string, query: Record<string, QueryValue> | undefined): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null) params.append(name, String(item));
    }
  }
  const search = params.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}

/** A random UUID v4; `crypto.randomUUID` exists only in secure contexts (an http intranet page is not one). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // Each 0/1/8 of the template becomes a random hex digit; 4 (version) stays, 8 gets the variant bits.
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (Number(c) ^ ((crypto.getRandomValues(new Uint8Array(1))[0] ?? 0) & (15 >> (Number(c) / 4)))).toString(16),
  );
}

/** A timeout (the client's or one call's) is a positive, finite number of milliseconds, or not given. */
export function checkTimeout(timeoutMs: number | undefined, where: string): void {
  if (timeoutMs !== undefined && !(timeoutMs > 0 && timeoutMs < Infinity)) {
    throw new TypeError(`${where}: timeoutMs must be a positive number, got ${String(timeoutMs)}`);
  }
}

/** Creates the fetch-based transport. Options are assumed valid (see `createClient`). */
export function createTransport(
  options: TransportOptions,
  // Shared with the live stream, so REST calls and the stream wait on one token call.
  credentials: Credentials = createCredentials(options.key, options.token),
): Transport {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy = retryPolicy(options.retry);
  // Looked up per call, so a page (or a test) that replaces window.fetch later is honoured.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  /**
   * One try: credential, request, body, under one timeout. Never throws: the outcome says
   * what went wrong, and which token call the server refused when it answered 401 to a token.
   */
  async function attempt(call: Prepared, signal: AbortSignal | undefined, after?: number): Promise<Outcome> {
    // The listener below would never fire for a signal that aborted before this attempt.
    if (signal?.aborted) return { ok: false, error: signal.reason, refused: null };
    // One controller aborts everything for either reason: the caller's signal or our timer.
    const controller = new AbortController();
    let timedOut = false;
    let phase: 'token' | 'reach' | 'read the answer of' = 'token';
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, call.timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });

    /** A failure while no response (or no body) arrived: abort, timeout, token or network. */
    const failure = (error: unknown): Failure => {
      if (signal?.aborted) return { ok: false, error: signal.reason, refused: null };
      if (timedOut) {
        const what = phase === 'token' ? 'The token function did not answer' : `No answer from ${baseUrl}`;
        return { ok: false, error: new KithError('timeout', `${what} within ${call.timeoutMs} ms`, { cause: error }), refused: null };
      }
      if (error instanceof KithError) return { ok: false, error, refused: null };
      return { ok: false, error: new KithError('network', `Could not ${phase} ${baseUrl}`, { cause: error }), refused: null };
    };

    try {
      let response: Response;
      let token: number | null;
      let subject: Subject;
      try {
        const authorization = after === undefined && call.authorization ? call.authorization : await credentials.authorization(controller.signal, after);
        token = authorization.call;
        subject = subjectOf(authorization.header);
        if (call.subject !== undefined && subject !== call.subject) {
          const message = 'Not sent: it was written by someone else than the person the credential now speaks for.';
          return { ok: false, error: new KithError('unauthorized', message), refused: null };
        }
        phase = 'reach';
        response = await doFetch(call.url, {
          method: call.method,
          headers: { ...call.headers, authorization: authorization.header },
          body: call.body,
          signal: controller.signal,
          credentials: 'omit',
          // The SDK is the cache: a refetch (a live event, an invalidation) must reach the server,
          // not a browser copy kept for `Cache-Control: max-age` (public reviews allow a minute).
          cache: 'no-cache',
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
          return { ...refusal, refused: tokenRefused ? token : null };
        }
        text = await response.text();
      } catch (error) {
        return failure(error);
      }
      let body: unknown;
      try {
        body = text === '' ? null : (JSON.parse(text) as unknown);
      } catch (error) {
        const message = `The server answered ${response.status} with a body that is not JSON`;
        return { ok: false, error: new KithError('invalid_response', message, { status: response.status, cause: error }), refused: null };
      }
      const { status, headers } = response;
      const replayed = headers.get('idempotent-replayed') === 'true';
      return { ok: true, response: { body, status, etag: headers.get('etag'), replayed, subject } };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  /** One attempt, and after a 401 to a token one more with a fresh token; throws what failed. */
  async function send(call: Prepared, signal: AbortSignal | undefined): Promise<TransportResponse> {
    const first = await attempt(call, signal);
    if (first.ok) return first.response;
    // A token the server refused (expired, revoked, garbage): ask the page once more, try once more.
    if (first.refused === null) throw first.error;
    const second = await attempt(call, signal, first.refused);
    if (second.ok) return second.response;
    throw second.error;
  }

  async function request<T>(request: TransportRequest<T>): Promise<TransportResponse<T>> {
    const { method, signal, body, ifMatch, schema } = request;
    signal?.throwIfAborted();
    checkTimeout(request.timeoutMs, `${request.method} ${request.path}`);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.locale) headers['accept-language'] = options.locale;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = typeof ifMatch === 'string' && ifMatch.startsWith('"') ? ifMatch : `"${ifMatch}"`;
    // Made once per call, before the first attempt: every retry of this write carries it.
    const key = method === 'GET' ? undefined : request.idempotencyKey === undefined ? newIdempotencyKey() : request.idempotencyKey;
    if (key) headers['idempotency-key'] = key;
    const call: Prepared = {
      method,
      url: `${baseUrl}${withQuery(request.path, request.query)}`,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      subject: request.subject,
      authorization: request.authorization,
      timeoutMs: request.timeoutMs ?? timeoutMs,
    };
    // A write without a key could be applied twice if an attempt's answer was lost: sent once.
    const safe = method === 'GET' || Boolean(key);
    const response = await withRetries(() => send(call, signal), safe ? policy : { ...policy, attempts: 1 }, { signal });
    if (!schema) return response as TransportResponse<T>;
    return { ...response, body: parseResponse(schema, response.body, `answer to ${method} ${request.path}`) };
  }

  return {
    request,
    async get(path, { signal, timeoutMs: ms } = {}) {
      return (await request({ method: 'GET', path, signal, timeoutMs: ms })).body;
    },
  };
}
