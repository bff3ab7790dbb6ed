import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { addressBucket } from './buckets.js';
import { UNLIMITED_PATHS } from './rate-limit.js';
import { rateLimited } from './rate-limited.js';

/**
 * Limits requests refused for bad credentials (401), per client address. `rateLimit()`
 * runs after authentication and never sees them, so without this an address could send
 * unknown keys and junk tokens without end — each unknown key costs a database lookup.
 * Runs before `authenticate()`: an address over the limit is refused (429) before its
 * credentials are looked at; a 401 answer is counted afterwards. Shared by every instance
 * like the other limits.
 */
export function failedAuthLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { limiter } = c.get('services');
    const limits = limiter.settings;
    if (limits === null || UNLIMITED_PATHS.has(c.req.path)) return next();
    const check = { bucket: `fail:${addressBucket(c.get('clientAddress'))}`, limit: limits.failedAuthPerAddress };
    const now = c.get('now')();
    const wait = limiter.spentFor(check, now);
    if (wait !== null) {
      c.header('RateLimit-Limit', String(check.limit));
      c.header('RateLimit-Remaining', '0');
      c.header('RateLimit-Reset', String(wait));
      c.header('Retry-After', String(wait));
      throw rateLimited(`Too many requests with bad credentials from this address; retry in ${wait} s.`, wait);
    }
    await next();
    if (c.res.status === 401) limiter.take([check], now);
  };
}
