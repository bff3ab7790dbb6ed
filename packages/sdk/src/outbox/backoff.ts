// When a stored write is tried again. The transport already retries quickly inside one call
// (a blip of a second or two); this is the slow schedule that survives reloads, stored on the
// entry as `nextAttemptAt`.

export interface Backoff {
  /** The cap of the first retry's wait in ms, doubled per attempt. */
  baseMs: number;
  /** The longest wait in ms (a `Retry-After` may ask for longer and is honoured). */
  maxMs: number;
}

export const OUTBOX_BACKOFF: Backoff = { baseMs: 2_000, maxMs: 5 * 60_000 };

/**
 * The wait in ms after `attempts` failed attempts: "equal jitter" — half the capped exponential
 * step fixed, half random — so pages that failed together do not come back together, and no
 * wait is ever zero (a stored retry must not spin). A server's `Retry-After` is a floor.
 */
export function retryDelayMs(attempts: number, retryAfterSeconds: number | null, random: () => number = Math.random, backoff: Backoff = OUTBOX_BACKOFF): number {
  const step = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.floor(step / 2 + random() * (step / 2));
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}
