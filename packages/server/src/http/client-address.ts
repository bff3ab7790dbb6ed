import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** Puts the client's address on the context (work in progress: socket and trusted proxies). */
export function clientAddress(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('clientAddress', 'unknown');
    await next();
  };
}
