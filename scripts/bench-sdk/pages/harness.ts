// The in-page half of `npm run bench:sdk`: each side's module registers its operations here,
// and the Node script drives them by name through puppeteer (`window.bench`). Timing happens
// in the page (performance.now), never across the DevTools protocol.

/** What the Node script hands every page: the live server, a closed port, a staff token. */
export interface BenchConfig {
  /** The real Kith server (loopback). */
  apiUrl: string;
  /** A loopback port nobody listens on: "the server is down". */
  closedUrl: string;
  publishableKey: string;
  /** A staff token (customers:read, interactions:write), minted in the Node process. */
  token: string;
  customerId: string;
  staffId: string;
}

/** A repeated operation: sync ones are timed in a plain loop, async ones awaited one by one. */
export type Op = { sync: () => void } | { async: () => Promise<void> };

/** One measured new-page read: time from client creation to the first state with data. */
export interface FirstData {
  ms: number;
  /** Where the data came from, when the library says (Kith: memory/storage/network). */
  source: string;
  /** Records in the answer (1 for one customer), checked by the Node side. */
  records: number;
  /** A second measure some cases take in the same page (ms), printed as a note. */
  again?: number;
}

type Exported = Record<string, unknown>;

interface BenchGlobal {
  sides: Record<string, Exported>;
  /** Performance.now's granularity here (5 µs when cross-origin isolated, else 100 µs). */
  isolated: boolean;
  /** Mean ms per call of `name` over `count` calls, one batch. */
  batch(name: string, count: number): Promise<number>;
  /** Calls per batch so that one batch takes at least `minMs` (doubling from 1). */
  calibrate(name: string, minMs: number): Promise<number>;
}

declare global {
  /** The page global the Node script reads. */
  var bench: BenchGlobal | undefined;
}

const ops = new Map<string, Op>();

async function batch(name: string, count: number): Promise<number> {
  const op = ops.get(name);
  if (!op) throw new Error(`no operation ${name}`);
  let started: number;
  if ('sync' in op) {
    const run = op.sync;
    started = performance.now();
    for (let i = 0; i < count; i++) run();
  } else {
    const run = op.async;
    started = performance.now();
    for (let i = 0; i < count; i++) await run();
  }
  const ms = (performance.now() - started) / count;
  // Let whatever the calls left behind (promise callbacks, aborted requests) run before the next batch.
  await new Promise((resolve) => setTimeout(resolve, 0));
  return ms;
}

function bench(): BenchGlobal {
  return (globalThis.bench ??= {
    sides: {},
    isolated: globalThis.crossOriginIsolated === true,
    batch,
    async calibrate(name, minMs) {
      for (let count = 1; ; count *= 2) {
        const ms = (await batch(name, count)) * count;
        if (ms >= minMs || count >= 1 << 20) return count;
      }
    },
  });
}

/** Makes a side's functions callable from Node as `bench.sides[side].name(...)`. */
export function expose(side: string, functions: Exported): void {
  bench().sides[side] = functions;
}

/** Registers repeatable operations under `side.name`. */
export function registerOps(side: string, named: Record<string, Op>): void {
  bench();
  for (const [name, op] of Object.entries(named)) ops.set(`${side}.${name}`, op);
}

/** Resolves when `check` answers true (polled), rejects after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The first value `subscribe` delivers that `pick` accepts, or a rejection after `timeoutMs`. */
export function first<S, R>(subscribe: (observer: (state: S) => void) => () => void, pick: (state: S) => R | undefined, timeoutMs = 10_000): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let done = false;
    const timer = setTimeout(() => finish(() => reject(new Error(`no data within ${timeoutMs} ms`))), timeoutMs);
    function finish(settle: () => void) {
      if (done) return;
      done = true;
      clearTimeout(timer);
      settle();
      // The first state may arrive inside subscribe(), before `stop` is assigned: stop after it returns.
      queueMicrotask(() => stop());
    }
    const stop = subscribe((state) => {
      const value = pick(state);
      if (value !== undefined) finish(() => resolve(value));
    });
  });
}

/** 10,000 distinct customers shaped like `sample` (the server's own answer), for the cold-read case. */
export function manyCustomers<C extends { id: string; name: string }>(sample: C, count: number): C[] {
  return Array.from({ length: count }, (_, i) => ({
    ...structuredClone(sample),
    id: crypto.randomUUID(),
    name: `${sample.name} ${String(i).padStart(5, '0')}`,
  }));
}
