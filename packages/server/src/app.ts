import { Hono } from 'hono';
import type { Database } from './db/database.js';
import { cors } from './http/cors.js';
import type { AppEnv } from './http/env.js';
import { handleError, handleNotFound } from './http/errors.js';
import { requestLog } from './http/logger.js';
import { customerRoutes } from './routes/customers.js';
import { healthRoutes } from './routes/health.js';

export interface AppOptions {
  db: Database;
  /** Request and error log; defaults to nothing. */
  log?: (line: string) => void;
  /** Adds routes (static files, demo settings) before the 404 handler. */
  mount?: (app: Hono<AppEnv>) => void;
}

/**
 * The Kith HTTP API as a Hono app: `app.fetch` for any runtime, `app.request()` in tests.
 * Each resource is one route module under `/v1`.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const log = options.log ?? (() => {});
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('db', options.db);
    c.set('log', log);
    await next();
  });
  app.use('*', requestLog());
  app.use('*', cors());

  app.route('/v1/health', healthRoutes());
  app.route('/v1/customers', customerRoutes());

  options.mount?.(app);
  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
