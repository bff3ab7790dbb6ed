import type { Database } from '../db/database.js';
import type { RateLimitSettings } from '../settings.js';

/** Request limits shared by every instance through Postgres (work in progress). */
export class RateLimiter {
  constructor(
    readonly db: Database,
    readonly settings: RateLimitSettings | null,
  ) {}

  async start(): Promise<void> {}

  async close(): Promise<void> {}
}
