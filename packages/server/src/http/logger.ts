import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/**
 * One line per request: method, path, status, milliseconds. Deliberately no headers and
 * no query string, so keys and tokens never reach a log.
 */
export function requestLog(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const ms = (performance.now() - started).toFixed(1);
    c.get('log')(`${c.req.method} ${c.req.path} ${c.res.status} ${ms}ms`);
  };
}
