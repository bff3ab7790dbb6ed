import { Hono } from 'hono';
import { Health } from '@kith/schema';
import type { AppEnv } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { sendValid } from '../http/respond.js';
import { VERSION } from '../version.js';

/** `/v1/health`: public, no credential; answers only after a round trip to the database (503 envelope when that fails). */
export function healthRoutes(): Hono<AppEnv> {
  const routes = new Hono<AppEnv>();
  routes.get('/', async (c) => {
    const db = c.get('db');
    try {
      await db.query('SELECT 1');
    } catch (error) {
      c.get('log')(`error: health check: ${(error as Error).message}`);
      throw new ApiError(503, 'unavailable', 'The database is not reachable.');
    }
    const body: Health = { status: 'ok', version: VERSION, database: db.kind, time: new Date().toISOString() };
    c.header('Cache-Control', 'no-store');
    return sendValid(c, Health, body);
  });
  return routes;
}
