// Graceful shutdown of one server process: no new connections, requests in flight finish
// (bounded), live streams end, background work stops, then the database closes.

/** Counts requests whose handler is still running (a stream's handler returns at once). */
export class InFlight {
  #count = 0;
  #idle = new Set<() => void>();

  /** Runs one request's handler, counted while it runs. */
  async track<T>(handler: () => T | Promise<T>): Promise<T> {
    this.#count++;
    try {
      return await handler();
    } finally {
      if (--this.#count === 0) {
        for (const resolve of this.#idle) resolve();
        this.#idle.clear();
      }
    }
  }

  get count(): number {
    return this.#count;
  }

  /** Resolves when no handler is running. */
  idle(): Promise<void> {
    return this.#count === 0 ? Promise.resolve() : new Promise((resolve) => this.#idle.add(resolve));
  }
}

/** The parts of Node's `http.Server` a shutdown uses. */
export interface Closable {
  close(callback: () => void): unknown;
  closeIdleConnections?(): void;
  closeAllConnections?(): void;
}

export interface ShutdownParts {
  http: Closable;
  inFlight: InFlight;
  /** How long requests in flight may take before their connections are cut. */
  graceMs: number;
  log: (line: string) => void;
  /** Ends live streams, stops jobs and the webhook dispatcher (`Services.close()`). */
  stopBackground(): Promise<void>;
  /** Closes the pool or PGlite and releases the data-folder lock. */
  closeDatabase(): Promise<void>;
}

/** True when `promise` settles before `deadline` (a `performance.now()` instant). */
async function within(promise: Promise<unknown>, deadline: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([promise.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * 1. Stop accepting connections and close idle keep-alive ones.
 * 2. Wait for handlers in flight, up to the grace period.
 * 3. Stop background work: this ends live-event streams (their handlers returned long ago,
 *    their bodies are still open), the jobs and the webhook dispatcher.
 * 4. Let connections finish writing, closing each as it goes idle; cut what remains at the
 *    deadline (at least one more second for streams to send their last message).
 * 5. Close the database (PGlite releases its folder lock).
 */
export async function shutDown(parts: ShutdownParts): Promise<void> {
  const { http, inFlight, log } = parts;
  const deadline = performance.now() + parts.graceMs;
  log(`shutting down: ${inFlight.count} request(s) in flight`);
  const drained = new Promise<void>((resolve) => http.close(() => resolve()));
  http.closeIdleConnections?.();

  if (!(await within(inFlight.idle(), deadline))) {
    log(`warn: shutdown: ${inFlight.count} request(s) still running after ${parts.graceMs} ms; closing anyway`);
  }
  try {
    await parts.stopBackground();
  } finally {
    // Idle keep-alive connections would hold `close()` open; sweep them as they go idle.
    const sweep = setInterval(() => http.closeIdleConnections?.(), 25);
    try {
      if (!(await within(drained, Math.max(deadline, performance.now() + 1_000)))) {
        log('warn: shutdown: cutting connections that did not finish in time');
        http.closeAllConnections?.();
        await drained;
      }
    } finally {
      clearInterval(sweep);
      await parts.closeDatabase();
    }
  }
  log('shut down');
}
