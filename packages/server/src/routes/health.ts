import { Health } from '@kith/schema';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { VERSION } from '../version.js';

/** `GET /v1/health`: public; answers only after a round trip to the database (503 envelope when that fails). */
export const health = route({
  method: 'GET',
  path: '/v1/health',
  summary: 'Liveness and database reachability',
  tag: 'operations',
  access: { public: true },
  response: Health,
  async handle({ c, db, now }) {
    try {
      await db.query('SELECT 1');
    } catch (error) {
      c.get('log')(`error: health check: ${(error as Error).message}`);
      throw new ApiError(503, 'unavailable', 'The database is not reachable.');
    }
    c.header('Cache-Control', 'no-store');
    return { status: 'ok' as const, version: VERSION, database: c.get('db').kind, time: now.toISOString() };
  },
});

/** The routes of this file. */
export const healthRoutes = [health];
