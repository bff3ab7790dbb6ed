import { RateLimiter } from './abuse/rate-limiter.js';
import type { Database } from './db/database.js';
import { EventHub } from './events/hub.js';
import type { Clock } from './http/env.js';
import { jobs } from './jobs/index.js';
import { Scheduler } from './jobs/scheduler.js';
import { KeyCache } from './keys/key-cache.js';
import { resolveSettings, type ServerSettings, type SettingsOverride } from './settings.js';
import { WebhookDispatcher } from './webhooks/dispatcher.js';

export interface ServicesOptions {
  settings?: SettingsOverride;
  clock?: Clock;
  log?: (line: string) => void;
}

/**
 * The long-lived parts of one server process, beside the stateless routes: the live-event
 * fan-out, the API-key cache, the shared rate limiter, the webhook dispatcher and the
 * periodic jobs. Each synchronises with other instances through Postgres (rows and
 * `LISTEN/NOTIFY`), never through memory alone. Constructed synchronously (an app built
 * without `start()` still answers, with caches that only expire); `start()` begins
 * listening and the timers; `close()` stops them before the database closes.
 */
export class Services {
  readonly settings: ServerSettings;
  readonly hub: EventHub;
  readonly keys: KeyCache;
  readonly limiter: RateLimiter;
  readonly webhooks: WebhookDispatcher;
  readonly scheduler: Scheduler;
  #started: Promise<void> | null = null;

  constructor(
    readonly db: Database,
    options: ServicesOptions = {},
  ) {
    const log = options.log ?? (() => {});
    const clock = options.clock ?? (() => new Date());
    this.settings = resolveSettings(options.settings);
    this.hub = new EventHub(db, log);
    this.keys = new KeyCache(db, { ttlMs: this.settings.events.keyCacheTtlMs });
    this.limiter = new RateLimiter(db, this.settings.rateLimits, { log });
    this.webhooks = new WebhookDispatcher({ db, settings: this.settings, clock, log });
    this.scheduler = new Scheduler({ db, settings: this.settings, clock, log, jobs });
  }

  /** Starts listening and the background work (idempotent). */
  start(): Promise<void> {
    return (this.#started ??= (async () => {
      await this.hub.start();
      await this.keys.start();
      await this.limiter.start();
      await this.webhooks.start();
      this.scheduler.start();
    })());
  }

  /** Stops background work and listening; the database stays open (its owner closes it). */
  async close(): Promise<void> {
    await this.scheduler.close();
    await this.webhooks.close();
    await this.limiter.close();
    await this.keys.close();
    await this.hub.close();
  }
}
