import type { Database } from '../db/database.js';
import type { Clock } from '../http/env.js';
import type { ServerSettings } from '../settings.js';

/** What a periodic job gets. */
export interface JobContext {
  db: Database;
  now: Date;
  settings: ServerSettings;
  log: (line: string) => void;
}

/**
 * A periodic job. Several instances run the same jobs, so each must be safe to run
 * concurrently with itself elsewhere (claim rows atomically: `UPDATE … RETURNING`,
 * `FOR UPDATE SKIP LOCKED`), and safe to run late (catch up from `now`).
 */
export interface Job {
  name: string;
  run(context: JobContext): Promise<void>;
}

/**
 * Runs the jobs every `settings.jobs.intervalMs` (never two rounds at once). Tests set the
 * interval to 0 (no timer) and call {@link Scheduler.runDue} with the clock where they want it.
 */
export class Scheduler {
  readonly #db: Database;
  readonly #settings: ServerSettings;
  readonly #clock: Clock;
  readonly #log: (line: string) => void;
  readonly #jobs: readonly Job[];
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;

  constructor(options: { db: Database; settings: ServerSettings; clock: Clock; log: (line: string) => void; jobs: readonly Job[] }) {
    this.#db = options.db;
    this.#settings = options.settings;
    this.#clock = options.clock;
    this.#log = options.log;
    this.#jobs = options.jobs;
  }

  start(): void {
    const every = this.#settings.jobs.intervalMs;
    if (every <= 0 || this.#timer) return;
    this.#timer = setInterval(() => {
      if (!this.#running) void this.runDue();
    }, every);
    this.#timer.unref();
  }

  /** Runs every job once, in order; a failing job is logged and does not stop the others. */
  runDue(now: Date = this.#clock()): Promise<void> {
    const round = (async () => {
      for (const job of this.#jobs) {
        try {
          await job.run({ db: this.#db, now, settings: this.#settings, log: this.#log });
        } catch (error) {
          this.#log(`job ${job.name} failed: ${(error as Error).message}`);
        }
      }
    })();
    this.#running = round.finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  /** Stops the timer and waits for a running round. */
  async close(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}
