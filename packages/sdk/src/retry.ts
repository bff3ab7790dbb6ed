import { isKithError } from './errors.js';

/** How failed calls are retried; `false` on `TransportOptions.retry` makes one attempt only. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 = no retry). */
  attempts?: number;
  /** The backoff cap of the first retry in ms, doubled per retry (default 250). */
  baseMs?: number;
  /**
   * The longest wait before a retry in ms (default 5,000). A `Retry-After` longer than this
   * fails at once with `rate_limited`: a call must not hang for minutes behind a page.
   */
  maxMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseMs: 250, maxMs: 5_000 };

/**
 * The policy for `TransportOptions.retry`, defaults filled in. Throws a `TypeError` for a
 * value that is not a number in range (a `NaN` attempt count would retry for ever).
 */
export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { ...DEFAULT_RETRY, attempts: 1 };
  const policy = { ...DEFAULT_RETRY, ...options };
  for (const [name, value] of Object.entries(policy)) {
    const least = name === 'attempts' ? 1 : 0;
    if (!(Number.isSafeInteger(value) && value >= least)) {
      throw new TypeError(`retry.${name} must be a whole number ≥ ${least}, got ${String(value)}`);
    }
  }
  return policy;
}

/**
 * The wait in ms before the next attempt, after `made` attempts ended with `error`; `null`
 * when there is none to make. Only failures a later attempt may cure are retried: no answer
 * (`network`, `timeout`), a 5xx (`server`) and `rate_limited`. The wait is "full jitter"
 * (uniform in 0…min(maxMs, baseMs·2^(made-1))), so clients that failed together do not
 * return together; a rate limit waits at least its `Retry-After`.
 */
export function retryDelay(policy: RetryPolicy, made: number, error: unknown, random: () => number = Math.random): number | null {
  if (made >= policy.attempts || !isKithError(error)) return null;
  const backoff = Math.floor(random() * Math.min(policy.maxMs, policy.baseMs * 2 ** (made - 1)));
  if (error.code === 'network' || error.code === 'timeout' || error.code === 'server') return backoff;
  if (error.code !== 'rate_limited') return null;
  const after = (error.retryAfterSeconds ?? 0) * 1000;
  return after > policy.maxMs ? null : Math.max(after, backoff);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as unknown);
    const done = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason as unknown);
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', stop, { once: true });
  });
}

/** Injectable for tests: the source of jitter and the wait. */
export interface RetryEnvironment {
  signal?: AbortSignal | undefined;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * Runs `run` until it resolves or {@link retryDelay} says stop, then rethrows its last error.
 * Once the caller's signal aborts nothing more is tried: its reason is what rejects.
 */
export async function withRetries<T>(run: () => Promise<T>, policy: RetryPolicy, env: RetryEnvironment = {}): Promise<T> {
  const { signal } = env;
  for (let made = 1; ; made++) {
    try {
      return await run();
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      const wait = retryDelay(policy, made, error, env.random);
      if (wait === null) throw error;
      await (env.sleep ?? sleep)(wait, signal);
    }
  }
}
