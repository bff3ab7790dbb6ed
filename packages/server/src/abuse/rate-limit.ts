import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { bucketsFor } from './buckets.js';
import { rateLimited } from './rate-limited.js';

/** Probes and the API description: cheap, credential-free, and what monitors poll. */
export const UNLIMITED_PATHS: ReadonlySet<string> = new Set(['/v1/health', '/v1/openapi.json']);

/**
 * Refuses requests over the shared limits (see `RateLimiter` and `bucketsFor`) with 429
 * `rate_limited`, `Retry-After` (seconds until the window ends) and
 * `details.retryAfterSeconds`. Every counted answer carries `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset` (seconds) for the tightest counter.
 * Runs after `authenticate()`: a token counts against the publishable key it is bound to.
 *
 * It also gives any other 429 raised further in (the survey frequency cap, inside a
 * write's transaction where there is no Hono context) its `Retry-After` header.
 */
export function rateLimit(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { limiter } = c.get('services');
    const limits = limiter.settings;
    if (limits !== null && !UNLIMITED_PATHS.has(c.req.path)) {
      const checks = bucketsFor(c.get('credential'), c.get('clientAddress'), c.req.method, limits);
      const decision = limiter.take(checks, c.get('now')());
      if (Number.isFinite(decision.limit)) {
        c.header('RateLimit-Limit', String(decision.limit));
        c.header('RateLimit-Remaining', String(decision.remaining));
        c.header('RateLimit-Reset', String(decision.resetSeconds));
      }
      if (!decision.allowed) {
        c.header('Retry-After', String(decision.resetSeconds));
        throw rateLimited(`Too many requests: the limit is ${decision.limit} per ${limits.windowSeconds} s; retry in ${decision.resetSeconds} s.`, decision.resetSeconds);
      }
    }
    await next();
    retryAfterOf429(c);
  };
}

/** `Retry-After` for a `rate_limited` error answered by the error handler further in. */
function retryAfterOf429(c: Context<AppEnv>): void {
  const error = c.error;
  if (!(error instanceof ApiError) || error.code !== 'rate_limited') return;
  const seconds = error.details?.retryAfterSeconds;
  if (seconds !== undefined && c.res.headers.get('Retry-After') === null) c.header('Retry-After', String(seconds));
}
