import type { Database } from '../db/database.js';
import type { RateLimitSettings } from '../settings.js';
import type { LimitCheck } from './buckets.js';

/** What the limiter says about one request. */
export interface LimitDecision {
  allowed: boolean;
  /** The tightest counter's limit, and what is left of it after this request (0 when refused). */
  limit: number;
  remaining: number;
  /** Whole seconds until the current window ends and every counter starts again (≥ 1). */
  resetSeconds: number;
}

/** One counter in one window, as this instance knows it. */
interface Counter {
  bucket: string;
  /** Start of the fixed window, in epoch milliseconds. */
  windowStart: number;
  /** The shared count last read back from Postgres (it includes what this instance already added). */
  known: number;
  /** Counted here since the last sync; not yet in the shared row. */
  pending: number;
  /** The limit it was last checked against. */
  limit: number;
}

const keyOf = (bucket: string, windowStart: number) => `${windowStart}\n${bucket}`;

// Rows are sorted so two instances adding to the same counters lock them in one order
// (no deadlock). The window comes back as epoch milliseconds, the same on both drivers.
const ADD = `
  INSERT INTO rate_limit_counters (bucket, window_start, count)
  SELECT b, w, n FROM unnest($1::text[], $2::timestamptz[], $3::int[]) AS u (b, w, n) ORDER BY b, w
  ON CONFLICT (bucket, window_start) DO UPDATE SET count = rate_limit_counters.count + EXCLUDED.count
  RETURNING bucket, (extract(epoch FROM window_start) * 1000)::float8 AS window_ms, count`;
const READ = 'SELECT bucket, count FROM rate_limit_counters WHERE window_start = $1 AND bucket = ANY($2::text[])';

/**
 * Request limits shared by every instance through Postgres, without a query on the hot path.
 *
 * Limits count in fixed windows (`windowSeconds`, aligned to the epoch so every instance
 * agrees where a window starts). `take()` is synchronous: it compares the shared count this
 * instance last learned plus what it counted locally since with the limit. Every `syncMs`
 * (and on `flush()`), the local increments of every busy counter are added to its row in
 * `rate_limit_counters` in one statement (`INSERT … ON CONFLICT DO UPDATE SET count =
 * count + n RETURNING count`), which also tells the new shared total; counters of the
 * current window that were idle here and are at least half spent are read back, so each
 * instance learns what the others counted where it matters. The price of the cheap hot path: the instances together may overshoot a
 * limit by what they admit within one sync interval. A failed sync keeps the increments
 * for the next one; meanwhile each instance still enforces what it knows (fail open, so a
 * database hiccup does not refuse every request).
 *
 * Rows of ended windows are deleted by the first sync in each new window. Windows follow
 * the clock passed to `take()` (the app's injectable clock), so tests move time instead of
 * sleeping.
 */
export class RateLimiter {
  readonly #counters = new Map<string, Counter>();
  readonly #log: (line: string) => void;
  #timer: ReturnType<typeof setInterval> | null = null;
  /** The sync in progress (or the last one); flushes chain after it. */
  #sync: Promise<void> = Promise.resolve();
  #syncing = false;
  /** The newest window any request fell in, and the one whose old rows were last swept. */
  #currentWindow = 0;
  #sweptWindow = 0;

  constructor(
    readonly db: Database,
    readonly settings: RateLimitSettings | null,
    options: { log?: (line: string) => void } = {},
  ) {
    this.#log = options.log ?? (() => {});
    if (settings !== null && !(Number.isFinite(settings.windowSeconds) && settings.windowSeconds > 0)) {
      throw new RangeError(`rateLimits.windowSeconds must be a positive number of seconds, not ${settings.windowSeconds}`);
    }
  }

  /** False when `rateLimits` is null: nothing is counted or refused. */
  get enabled(): boolean {
    return this.settings !== null;
  }

  /**
   * Counts one request against every counter in `checks`, or refuses it — counting nothing —
   * when any of them has reached its limit in the current window.
   */
  take(checks: readonly LimitCheck[], now: Date): LimitDecision {
    const settings = this.settings;
    if (settings === null || checks.length === 0) return { allowed: true, limit: Infinity, remaining: Infinity, resetSeconds: 0 };
    const windowMs = settings.windowSeconds * 1000;
    const at = now.getTime();
    const windowStart = Math.floor(at / windowMs) * windowMs;
    this.#currentWindow = Math.max(this.#currentWindow, windowStart);
    const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000));

    const counters = checks.map((check) => ({ check, counter: this.#counter(check.bucket, windowStart, check.limit) }));
    const spent = counters.find(({ check, counter }) => counter.known + counter.pending >= check.limit);
    if (spent) return { allowed: false, limit: spent.check.limit, remaining: 0, resetSeconds };

    let limit = Infinity;
    let remaining = Infinity;
    for (const { check, counter } of counters) {
      counter.pending += 1;
      const left = check.limit - counter.known - counter.pending;
      if (left < remaining) {
        remaining = left;
        limit = check.limit;
      }
    }
    return { allowed: true, limit, remaining: Math.max(0, remaining), resetSeconds };
  }

  /**
   * Seconds until the window ends when this counter has reached its limit, else null.
   * Counts nothing: for counters bumped only after the fact (failed authentication).
   */
  spentFor(check: LimitCheck, now: Date): number | null {
    const settings = this.settings;
    if (settings === null) return null;
    const windowMs = settings.windowSeconds * 1000;
    const at = now.getTime();
    const windowStart = Math.floor(at / windowMs) * windowMs;
    // Only a counter this instance already keeps can be spent (no entry per passing address).
    const counter = this.#counters.get(keyOf(check.bucket, windowStart));
    if (counter === undefined || counter.known + counter.pending < check.limit) return null;
    return Math.max(1, Math.ceil((windowStart + windowMs - at) / 1000));
  }

  /** Starts the periodic sync (not with `syncMs: 0`: then only `flush()` syncs). */
  async start(): Promise<void> {
    const syncMs = this.settings?.syncMs ?? 0;
    if (this.#timer !== null || syncMs <= 0) return;
    this.#timer = setInterval(() => {
      // A slow database must not pile syncs up: skip a tick while one runs.
      if (!this.#syncing) void this.flush().catch((error: unknown) => this.#log(`warn: rate limit sync failed: ${String(error)}`));
    }, syncMs);
    // The timer alone must not keep a process alive.
    this.#timer.unref();
  }

  /**
   * Shares every increment counted so far and learns the shared totals back. Resolves once
   * a sync that started after this call has finished.
   */
  flush(): Promise<void> {
    const next = this.#sync.catch(() => {}).then(() => this.#run());
    this.#sync = next;
    return next;
  }

  /** Stops the timer and shares what is still pending (best effort: the database may be going away). */
  async close(): Promise<void> {
    if (this.#timer !== null) clearInterval(this.#timer);
    this.#timer = null;
    if (this.settings === null) return;
    await this.flush().catch((error: unknown) => this.#log(`warn: rate limit sync on close failed: ${String(error)}`));
  }

  #counter(bucket: string, windowStart: number, limit: number): Counter {
    const key = keyOf(bucket, windowStart);
    let counter = this.#counters.get(key);
    if (counter === undefined) {
      counter = { bucket, windowStart, known: 0, pending: 0, limit };
      this.#counters.set(key, counter);
    }
    counter.limit = limit;
    return counter;
  }

  async #run(): Promise<void> {
    const settings = this.settings;
    if (settings === null) return;
    this.#syncing = true;
    try {
      const shared = await this.#share();
      await this.#learn(shared);
      this.#forgetEnded();
      await this.#sweep(settings.windowSeconds * 1000);
    } finally {
      this.#syncing = false;
    }
  }

  /** Adds the pending increments to the shared rows, reading the new totals back. */
  async #share(): Promise<Set<Counter>> {
    const busy = [...this.#counters.values()]
      .filter((counter) => counter.pending > 0)
      .map((counter) => ({ counter, sent: counter.pending }));
    if (busy.length === 0) return new Set();
    const { rows } = await this.db.query<{ bucket: string; window_ms: number; count: number }>(ADD, [
      busy.map(({ counter }) => counter.bucket),
      busy.map(({ counter }) => new Date(counter.windowStart).toISOString()),
      busy.map(({ sent }) => sent),
    ]);
    // Requests counted while the statement ran stay pending for the next sync.
    for (const { counter, sent } of busy) counter.pending -= sent;
    for (const row of rows) {
      const counter = this.#counters.get(keyOf(row.bucket, row.window_ms));
      if (counter) counter.known = Math.max(counter.known, row.count);
    }
    return new Set(busy.map(({ counter }) => counter));
  }

  /**
   * Reads the shared totals of this window's counters that were idle here since the last
   * sync — those at least half spent: where another instance's count can decide the next
   * request. (A counter far from its limit learns the total with its next increment; many
   * addresses seen once each cost no reads.)
   */
  async #learn(shared: Set<Counter>): Promise<void> {
    const window = this.#currentWindow;
    const idle = [...this.#counters.values()].filter(
      (counter) => counter.windowStart === window && !shared.has(counter) && (counter.known + counter.pending) * 2 >= counter.limit,
    );
    if (idle.length === 0) return;
    const { rows } = await this.db.query<{ bucket: string; count: number }>(READ, [
      new Date(window).toISOString(),
      idle.map((counter) => counter.bucket),
    ]);
    for (const row of rows) {
      const counter = this.#counters.get(keyOf(row.bucket, window));
      if (counter) counter.known = Math.max(counter.known, row.count);
    }
  }

  /** Counters of ended windows are forgotten once their increments are shared. */
  #forgetEnded(): void {
    for (const [key, counter] of this.#counters) {
      if (counter.windowStart < this.#currentWindow && counter.pending === 0) this.#counters.delete(key);
    }
  }

  /**
   * Deletes shared rows older than the previous window, once per window per instance (the
   * previous one is kept for an instance whose clock runs a little behind).
   */
  async #sweep(windowMs: number): Promise<void> {
    if (this.#currentWindow <= this.#sweptWindow) return;
    this.#sweptWindow = this.#currentWindow;
    await this.db.query('DELETE FROM rate_limit_counters WHERE window_start < $1', [new Date(this.#currentWindow - windowMs).toISOString()]);
  }
}
