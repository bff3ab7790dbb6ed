import { KithError } from './errors.js';

/**
 * Gives the SDK a short-lived token (`POST /v1/tokens`, minted by the page's own backend
 * after its sign-in). Called when a request needs it and once more after a 401; the SDK
 * never stores what it returns. Return `null` when nobody is signed in: the request then
 * carries the publishable key only, which reads public data and nothing else.
 */
export type TokenSource = () => Promise<string | null> | string | null;

/** What a request sends as `Authorization`, and which call of the token function gave it. */
export interface Authorization {
  header: string;
  /** The token call it came from; `null` when the key was sent (no token function, or it gave `null`). */
  call: number | null;
}

/** Picks the credential of each request: a token when the page supplies them, else the key. */
export interface Credentials {
  /**
   * The credential for a request. `after` (a call number) asks for a token from a newer call
   * of the token function than that one: after a 401. Rejects with the signal's reason when
   * it aborts, with `unauthorized` when the token function throws or returns a non-token.
   */
  authorization(signal: AbortSignal, after?: number): Promise<Authorization>;
}

// RFC 6750 b64token: what may follow "Bearer ". A JWT is one.
const TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/** Why a value returned by the token function is not a token, without ever echoing it. */
function notAToken(value: unknown): string {
  if (typeof value !== 'string') return `a ${typeof value}`;
  if (/^bearer\s/i.test(value)) return 'a string starting with "Bearer " (return the token alone)';
  return value === '' ? 'an empty string' : 'a string that is not a token (spaces or other characters)';
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

export function createCredentials(key: string, source: TokenSource | undefined): Credentials {
  const keyHeader = `Bearer ${key}`;
  return source ? tokenCredentials(keyHeader, source) : { authorization: async () => ({ header: keyHeader, call: null }) };
}

function tokenCredentials(keyHeader: string, source: TokenSource): Credentials {
  // Concurrent requests share one call of the token function (ten cards on a page do not
  // mint ten tokens at once); nothing is kept once it settles.
  let calls = 0;
  let pending: { call: number; token: Promise<string | null> } | undefined;

  async function invoke(): Promise<string | null> {
    let value: unknown;
    try {
      value = await source();
    } catch (error) {
      // The page's own error stays available as `cause`; its text is not copied into ours.
      throw new KithError('unauthorized', 'The token function failed, so no request was sent.', { cause: error });
    }
    if (value === null || value === undefined) return null;
    if (typeof value === 'string' && TOKEN.test(value)) return value;
    throw new KithError('unauthorized', `The token function returned ${notAToken(value)}, not a token or null; no request was sent.`);
  }

  function tokenCall(after: number): { call: number; token: Promise<string | null> } {
    if (pending && pending.call > after) return pending;
    const call = ++calls;
    const token = invoke();
    const entry = { call, token };
    pending = entry;
    const forget = () => {
      if (pending === entry) pending = undefined;
    };
    token.then(forget, forget);
    return entry;
  }

  return {
    async authorization(signal, after = 0) {
      signal.throwIfAborted();
      const { call, token } = tokenCall(after);
      const value = await untilAborted(token, signal);
      return value === null ? { header: keyHeader, call: null } : { header: `Bearer ${value}`, call };
    },
  };
}
