/**
 * Wait before the next attempt after the n-th failed one (1-based): 30 s, 2 min, 10 min,
 * 1 h, 6 h, 12 h, then every 24 h. With the default 8 attempts a receiver that is down
 * gets about two and a half days to come back before a delivery is marked failed.
 */
export const RETRY_DELAYS_MS: readonly number[] = [30_000, 120_000, 600_000, 3_600_000, 21_600_000, 43_200_000, 86_400_000];

/** Up to this share of the delay is added at random, so retries after an outage do not arrive all at once. */
export const JITTER = 0.2;

/** The delay after `attempts` failed attempts; `random` in [0, 1). Never shorter than the schedule. */
export function retryDelayMs(attempts: number, random: number): number {
  const base = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1] ?? 86_400_000;
  return Math.round(base * (1 + JITTER * random));
}
