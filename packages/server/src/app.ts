import { Hono } from 'hono';
import { SigningSecrets } from './auth/signing-secrets.js';
import type { Database } from './db/database.js';
import { failedAuthLimit } from './abuse/failed-auth.js';
import { rateLimit } from './abuse/rate-limit.js';
import { authenticate } from './http/auth.js';
import { clientAddress } from './http/client-address.js';
import { cors } from './http/cors.js';
import type { AppEnv, Clock } from './http/env.js';
import { handleError, handleNotFound } from './http/errors.js';
import { requestLog } from './http/logger.js';
import { mountRoutes, type RouteSpec } from './http/route.js';
import { routeTable } from './routes/index.js';
import { Services } from './services.js';

export interface AppOptions {
  db: Database;
  /** Request and error log; defaults to nothing. */
  log?: (line: string) => void;
  /** The time source (tests pass a fake one); defaults to the system clock. */
  clock?: Clock;
  /** Adds routes (static files, demo settings) before the 404 handler. */
  mount?: (app: Hono<AppEnv>) => void;
  /** Token signing secrets (shared with in-process minting); defaults to the database's. */
  signingSecrets?: SigningSecrets;
  /** The routes to serve; defaults to the whole API. Tests add their own probes. */
  routes?: readonly RouteSpec[];
  /**
   * The process's long-lived parts (live events, key cache, limiter, webhooks, jobs); the
   * caller starts and closes them. Defaults to unstarted ones with the default settings.
   */
  services?: Services;
}

/**
 * The Kith HTTP API as a Hono app: `app.fetch` for any runtime, `app.request()` in tests.
 * Every route comes from one table (`routes/index.ts`), which also feeds the OpenAPI document.
 */
export function createApp(options: AppOptions): Hono<AppEnv> {
  const log = options.log ?? (() => {});
  const clock = options.clock ?? (() => new Date());
  const signingSecrets = options.signingSecrets ?? new SigningSecrets(options.db);
  const services = options.services ?? new Services(options.db, { log, clock });
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('db', options.db);
    c.set('log', log);
    c.set('now', clock);
    c.set('signingSecrets', signingSecrets);
    c.set('services', services);
    await next();
  });
  app.use('*', requestLog());
  app.use('*', clientAddress());
  app.use('*', cors());
  app.use('/v1/*', failedAuthLimit());
  app.use('/v1/*', authenticate());
  app.use('/v1/*', rateLimit());

  mountRoutes(app, options.routes ?? routeTable);

  options.mount?.(app);
  app.notFound(handleNotFound);
  app.onError(handleError);
  return app;
}
