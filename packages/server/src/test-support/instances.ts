// A second server instance on the same PostgreSQL database as a TestApi: its own pool,
// its own listening connection, its own services (key cache, hub, limiter) and app —
// exactly what a second process behind a load balancer has. PostgreSQL variant only.
import type { Hono } from 'hono';
import { createApp } from '../app.js';
import type { Database } from '../db/database.js';
import { openPostgres } from '../db/postgres.js';
import type { AppEnv } from '../http/env.js';
import { Services } from '../services.js';
import type { SettingsOverride } from '../settings.js';
import { TEST_SETTINGS, type TestApi } from './api.js';

export interface Instance {
  db: Database;
  services: Services;
  app: Hono<AppEnv>;
  logs: string[];
  request(method: string, path: string, headers?: Record<string, string>, body?: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** Opens another instance on `url` (the TestApi's PostgreSQL database), sharing its clock. */
export async function secondInstance(api: TestApi, url: string, settings: SettingsOverride = {}): Promise<Instance> {
  const db = await openPostgres(url);
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const services = new Services(db, { log, clock: () => api.clock.now, settings: { ...TEST_SETTINGS, ...settings } });
  await services.start();
  const app = createApp({ db, log, clock: () => api.clock.now, services });
  const request = async (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
    app.request(path, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  return {
    db,
    services,
    app,
    logs,
    request,
    async close() {
      await services.close();
      await db.close();
    },
  };
}
