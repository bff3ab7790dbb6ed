import { ApiError } from '../http/errors.js';

/**
 * 429 `rate_limited`, with `details.retryAfterSeconds`. The `rateLimit()` middleware copies
 * that into a `Retry-After` header on the way out, so code without the Hono context (the
 * survey cap inside a write) can refuse the same way.
 */
export function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError(429, 'rate_limited', message, { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterSeconds)) });
}
