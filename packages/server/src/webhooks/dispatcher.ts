import type { Database } from '../db/database.js';
import type { Clock } from '../http/env.js';
import type { ServerSettings } from '../settings.js';
import { advancingFrom, deliverDue, type DeliverSummary } from './deliver.js';
import { WEBHOOKS_CHANNEL } from './enqueue.js';

export interface WebhookDispatcherOptions {
  db: Database;
  settings: ServerSettings;
  clock: Clock;
  log: (line: string) => void;
  /** In [0, 1): the retry jitter (tests may fix it). */
  random?: () => number;
  /** Deliveries sent in parallel per batch. */
  batchSize?: number;
}

/** Notifications arriving within this many milliseconds share one round. */
const COALESCE_MS = 10;

/**
 * Sends queued webhook deliveries from this process. It wakes when a write queues some
 * (`NOTIFY kith_webhooks`, on the process's one listening connection, so every instance
 * hears it) and after a lost listening connection; retries that fall due later are picked
 * up by the scheduler's webhook job. Rounds in one process run one after another; across
 * instances the claim (`FOR UPDATE SKIP LOCKED`) keeps any delivery from being sent twice
 * at once. Tests call {@link runOnce} with the clock where they want it.
 */
export class WebhookDispatcher {
  readonly #options: WebhookDispatcherOptions;
  readonly #closing = new AbortController();
  #unlisten: (() => Promise<void>) | null = null;
  #starting: Promise<void> | null = null;
  #timer: NodeJS.Timeout | null = null;
  /** The last round queued; the next one starts after it. */
  #tail: Promise<unknown> = Promise.resolve();

  constructor(options: WebhookDispatcherOptions) {
    this.#options = options;
  }

  /** Starts listening (idempotent), then catches up on what was queued while no dispatcher listened. */
  start(): Promise<void> {
    return (this.#starting ??= this.#options.db
      .listen(WEBHOOKS_CHANNEL, () => this.#wake(), () => this.#wake())
      .then((unlisten) => {
        this.#unlisten = unlisten;
        this.#wake();
      }));
  }

  /**
   * Runs one round after any round already under way: sends every delivery due at `now`
   * (default: the clock at each batch) and resolves with what was attempted.
   */
  runOnce(now?: Date): Promise<DeliverSummary> {
    const { db, settings, log, clock, random, batchSize } = this.#options;
    const round = this.#tail.then(() =>
      deliverDue(db, {
        settings,
        log,
        now: now ? advancingFrom(now) : clock,
        signal: this.#closing.signal,
        ...(random ? { random } : {}),
        ...(batchSize ? { batchSize } : {}),
      }),
    );
    this.#tail = round.catch(() => {});
    return round;
  }

  /** Stops listening, aborts requests in flight (their deliveries go back to the queue) and waits for the round. */
  async close(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#closing.abort();
    await this.#unlisten?.();
    this.#unlisten = null;
    await this.#tail;
  }

  /** A burst of notifications becomes one round, soon after the first. */
  #wake(): void {
    if (this.#timer || this.#closing.signal.aborted) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.runOnce().catch((error: unknown) => this.#options.log(`webhooks: dispatch failed: ${(error as Error).message}`));
    }, COALESCE_MS);
    this.#timer.unref();
  }
}
