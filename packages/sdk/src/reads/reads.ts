// Stale-while-revalidate reads over the cache store: one entry per (partition, query) while
// someone observes or awaits it; the data itself lives in the store (memory, then IndexedDB).
//
// Order an observer sees: the cached value at once (memory synchronously, IndexedDB when it
// answers — unless the network answered first), then the server's answer, then a refetch
// after each live event of the read's topics. Identical requests in flight are shared.
import type { Subject } from '../claims.js';
import type { CacheStore } from '../cache/index.js';
import type { Authorization } from '../credentials.js';
import { KithError, toKithError } from '../errors.js';
import { safely } from '../safely.js';
import type { Live } from '../live/live.js';
import { withQuery, type QueryValue, type Transport } from '../transport.js';
import type { Read, ReadOptions, ReadSource, ReadSpec, ReadState } from './types.js';

/** A cache partition: the server and whom the credential speaks for. */
export interface Partition {
  readonly name: string;
  readonly subject: Subject;
}

/** The current credential and the partition it reads and writes. */
export interface Credentialed {
  readonly partition: Partition;
  readonly authorization: Authorization;
}

export interface ReadsDeps {
  transport: Transport;
  store: CacheStore;
  live: Live;
  /** The current credential (one call of the token function, used for the request too); rejects
   * as a request would when the token function fails or does not answer in time. */
  credential(signal?: AbortSignal): Promise<Credentialed>;
  /** The partition of the last credential seen (this tab), to show saved data while it cannot be asked for. */
  lastPartition(): Partition | undefined;
  /** The partition of a subject the transport reports (a newer token after a 401); it becomes the last one. */
  partitionFor(subject: Subject): Partition;
  now(): number;
}

export interface Reads {
  read<T>(spec: ReadSpec<T>, options?: ReadOptions): Read<T>;
  /** Observed reads under `pathPrefix` fetch again; awaited `cache-first` reads skip their cached copy. */
  invalidate(pathPrefix: string): void;
  /** After a sign-out or a new credential: every observer starts over under the current partition. */
  restart(): void;
}

type Observer = (state: ReadState<unknown>) => void;

interface Entry {
  readonly id: string;
  readonly partition: Partition;
  readonly key: string;
  readonly spec: ReadSpec<unknown>;
  state: ReadState<unknown>;
  readonly observations: Set<Observation>;
  inflight: Promise<unknown> | undefined;
  /** Aborts the request in flight once nobody observes or awaits it. */
  controller: AbortController | undefined;
  /** Awaited reads waiting on this entry. */
  waiters: number;
  /** The last answer came for another subject (a newer token): observers start over. */
  moved: boolean;
  /** A live event arrived while a request was in flight: fetch once more after it. */
  again: boolean;
  stopLive: (() => void) | undefined;
}

interface Observation {
  readonly spec: ReadSpec<unknown>;
  readonly observer: Observer;
  entry: Entry | undefined;
  closed: boolean;
  /** Bumped on every (re)start, so a slow partition lookup of an older start is ignored. */
  run: number;
}

const LOADING: ReadState<never> = {
  status: 'loading',
  data: undefined,
  source: undefined,
  fetchedAt: undefined,
  error: undefined,
  revalidating: true,
};

/** `path?a=1&b=2` with the parameters sorted, so the same query is one key whatever the order. */
export function queryKey(path: string, query: Record<string, QueryValue> | undefined): string {
  const sorted = query ? Object.fromEntries(Object.entries(query).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : undefined;
  return withQuery(path, sorted);
}

const notify = (observer: Observer, state: ReadState<unknown>) => safely(() => observer(state));

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
function until<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason as unknown);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as unknown);
    signal.addEventListener('abort', onAbort, { once: true });
    const done = () => signal.removeEventListener('abort', onAbort);
    promise.then(
      (value) => (done(), resolve(value)),
      (error: unknown) => (done(), reject(error)),
    );
  });
}

export function createReads(deps: ReadsDeps): Reads {
  const { transport, store, live } = deps;
  const entries = new Map<string, Entry>();
  /** Observations waiting for a partition that could not be had (token function failing, offline). */
  const waiting = new Set<Observation>();
  const invalidated = new Map<string, number>();

  const set = (entry: Entry, state: ReadState<unknown>) => {
    entry.state = state;
    for (const observation of entry.observations) notify(observation.observer, state);
  };

  function entryFor(partition: Partition, spec: ReadSpec<unknown>): Entry {
    const key = queryKey(spec.path, spec.query);
    const id = `${partition.name}\n${key}`;
    let entry = entries.get(id);
    if (!entry) {
      const hit = store.peek(partition.name, key);
      const state: ReadState<unknown> = hit
        ? { status: 'stale', data: hit.data, source: 'memory', fetchedAt: hit.fetchedAt, error: undefined, revalidating: false }
        : { ...LOADING, revalidating: false };
      entry = {
        id,
        partition,
        key,
        spec,
        state,
        observations: new Set(),
        inflight: undefined,
        controller: undefined,
        waiters: 0,
        moved: false,
        again: false,
        stopLive: undefined,
      };
      entries.set(id, entry);
    }
    return entry;
  }

  /** Forgets an entry nobody observes or waits for (its data stays in the store). */
  function release(entry: Entry): void {
    if (entry.observations.size > 0 || entry.waiters > 0) return;
    entry.stopLive?.();
    entry.stopLive = undefined;
    // Nobody wants the answer any more (an element removed, every caller aborted): cancel it,
    // and forget the entry now, so a reader arriving next starts a request of its own.
    entry.controller?.abort(new DOMException('Nobody reads this any more', 'AbortError'));
    entry.controller = undefined;
    entry.inflight = undefined;
    if (entries.get(entry.id) === entry) entries.delete(entry.id);
  }

  /** Fetches the entry's query (shared while in flight), stores and publishes the answer. */
  function fetchInto(entry: Entry, source: Extract<ReadSource, 'network' | 'live'>, authorization?: Authorization, timeoutMs?: number): Promise<unknown> {
    if (entry.inflight) {
      if (source === 'live') entry.again = true;
      return entry.inflight;
    }
    set(entry, { ...entry.state, status: entry.state.data === undefined ? 'loading' : entry.state.status, revalidating: true });
    const { spec, partition, key } = entry;
    const controller = new AbortController();
    entry.controller = controller;
    const inflight = (async () => {
      try {
        // A refetch (live event, invalidation) asks for the credential first: if it now speaks for
        // someone else, this entry is not theirs — `settle` moves its observers to the new partition.
        const current = authorization ? undefined : await deps.credential();
        if (current && current.partition.name !== partition.name) throw new KithError('unauthorized', 'The credential changed; reading again as the new subject.');
        const response = await transport.request({
          method: 'GET',
          path: spec.path,
          query: spec.query,
          schema: spec.schema,
          signal: controller.signal,
          timeoutMs,
          authorization: authorization ?? current?.authorization,
        });
        const fetchedAt = deps.now();
        if (response.subject !== partition.subject) {
          // Refused, the token was replaced by one for someone else: the answer is theirs.
          entry.moved = true;
          void store.persist(deps.partitionFor(response.subject).name, key, { data: response.body, fetchedAt });
          return response.body;
        }
        set(entry, { status: 'fresh', data: response.body, source, fetchedAt, error: undefined, revalidating: false });
        follow(entry);
        void store.persist(partition.name, key, { data: response.body, fetchedAt });
        return response.body;
      } catch (caught) {
        if (controller.signal.aborted) throw caught; // cancelled: nobody is left to tell
        const error = toKithError(caught);
        set(entry, { ...entry.state, status: entry.state.data === undefined ? 'error' : 'stale', error, revalidating: false });
        throw error;
      }
    })();
    entry.inflight = inflight;
    const settle = () => {
      if (entry.inflight !== inflight) return; // cancelled and forgotten (see release)
      entry.inflight = undefined;
      entry.controller = undefined;
      if (entry.moved || deps.lastPartition()?.name !== partition.name) {
        entry.moved = false;
        // The credential changed under this read: its observers start over as the new subject.
        for (const observation of [...entry.observations]) start(observation);
      } else if (entry.again && entry.observations.size > 0) {
        entry.again = false;
        fetchInto(entry, 'live').catch(() => undefined);
      }
      release(entry);
    };
    inflight.then(settle, settle);
    return inflight;
  }

  /** Shows what the store has for an entry that has nothing yet, unless the network answers first. */
  function restore(entry: Entry): void {
    if (entry.state.data !== undefined) return;
    store.restore(entry.partition.name, entry.key).then(
      (hit) => {
        if (!hit || entry.state.data !== undefined) return;
        const error = entry.state.error;
        set(entry, { status: 'stale', data: hit.data, source: 'storage', fetchedAt: hit.fetchedAt, error, revalidating: entry.inflight !== undefined });
      },
      () => undefined, // the store never rejects; this is belt and braces
    );
  }

  /**
   * Follows the entry's topics while it is observed — once the server has answered it: a topic the
   * credential may not follow would end the client's one stream for every other reader too.
   */
  function follow(entry: Entry): void {
    const { topics: of } = entry.spec;
    const topics = typeof of === 'function' ? of(entry.partition.subject) : of;
    if (entry.stopLive || entry.observations.size === 0 || entry.state.status !== 'fresh' || !topics?.length) return;
    try {
      entry.stopLive = live.subscribe(topics, () => void fetchInto(entry, 'live').catch(() => undefined));
    } catch {
      // More than 20 topics on this client: the read works, without live updates.
    }
  }

  function attach(observation: Observation, entry: Entry): void {
    observation.entry = entry;
    entry.observations.add(observation);
    follow(entry);
  }

  function detach(observation: Observation): void {
    const entry = observation.entry;
    observation.entry = undefined;
    waiting.delete(observation);
    if (!entry) return;
    entry.observations.delete(observation);
    release(entry);
  }

  /** (Re)starts an observation under the current partition: cached value, then the network. */
  function start(observation: Observation): void {
    detach(observation);
    const run = ++observation.run;
    deps.credential().then(
      (current) => {
        if (observation.closed || observation.run !== run) return;
        begin(observation, current);
      },
      (caught: unknown) => {
        if (observation.closed || observation.run !== run) return;
        const error = toKithError(caught);
        const last = deps.lastPartition();
        // No credential now (the token function fails, often because the page is offline): show
        // what this tab last saw for the last subject, and try again when the browser is online.
        waiting.add(observation);
        if (!last) return notify(observation.observer, { ...LOADING, status: 'error', error, revalidating: false });
        const entry = entryFor(last, observation.spec);
        attach(observation, entry);
        set(entry, { ...entry.state, status: entry.state.data === undefined ? 'error' : 'stale', error, revalidating: false });
        restore(entry);
      },
    );
  }

  function begin(observation: Observation, current: Credentialed): void {
    const entry = entryFor(current.partition, observation.spec);
    attach(observation, entry);
    notify(observation.observer, entry.state);
    restore(entry);
    fetchInto(entry, 'network', current.authorization).catch(() => undefined);
  }

  // Another tab wrote, removed or cleared: observed entries take the store's copy (or refetch).
  store.subscribe((event) => {
    if (event.type !== 'stale') return;
    for (const entry of entries.values()) {
      if (event.partition !== undefined && event.partition !== entry.partition.name) continue;
      if (event.key !== undefined && event.key !== entry.key) continue;
      if (entry.observations.size === 0 || entry.inflight) continue;
      store.restore(entry.partition.name, entry.key).then((hit) => {
        if (hit) set(entry, { status: 'fresh', data: hit.data, source: 'storage', fetchedAt: hit.fetchedAt, error: undefined, revalidating: false });
        else fetchInto(entry, 'network').catch(() => undefined);
      }, () => undefined);
    }
  });

  if (typeof addEventListener === 'function') {
    addEventListener('online', () => {
      for (const observation of [...waiting]) start(observation);
      for (const entry of entries.values()) {
        if (entry.observations.size > 0 && entry.state.error) fetchInto(entry, 'network').catch(() => undefined);
      }
    });
  }

  function observe(spec: ReadSpec<unknown>, observer: Observer): () => void {
    const observation: Observation = { spec, observer, entry: undefined, closed: false, run: 0 };
    // At once, from memory, for the subject this tab last saw (the partition lookup is async).
    notify(observer, peek(spec));
    start(observation);
    return () => {
      observation.closed = true;
      detach(observation);
    };
  }

  async function fetchOnce(spec: ReadSpec<unknown>, options: ReadOptions = {}): Promise<unknown> {
    const { signal, prefer = 'network', timeoutMs } = options;
    const { partition, authorization } = await until(deps.credential(signal), signal);
    const entry = entryFor(partition, spec);
    entry.waiters++;
    let left = false;
    // Synchronously on abort: the shared request is cancelled the moment its last reader leaves.
    const leave = () => {
      if (left) return;
      left = true;
      entry.waiters--;
      release(entry);
    };
    signal?.addEventListener('abort', leave, { once: true });
    try {
      if (prefer === 'cache-first') {
        const stamp = [...invalidated].reduce((latest, [prefix, at]) => (spec.path.startsWith(prefix) ? Math.max(latest, at) : latest), 0);
        const cached = entry.state.data !== undefined ? entry.state : await store.restore(partition.name, entry.key);
        if (cached && cached.data !== undefined && (cached.fetchedAt ?? 0) > stamp) return cached.data;
      }
      // A request already in flight for this read is shared as it is (its own timeout included).
      return await until(fetchInto(entry, 'network', authorization, timeoutMs), signal);
    } finally {
      signal?.removeEventListener('abort', leave);
      leave();
    }
  }

  function peek(spec: ReadSpec<unknown>): ReadState<unknown> {
    const last = deps.lastPartition();
    if (!last) return LOADING;
    const key = queryKey(spec.path, spec.query);
    const entry = entries.get(`${last.name}\n${key}`);
    if (entry) return entry.state;
    const hit = store.peek(last.name, key);
    return hit ? { status: 'stale', data: hit.data, source: 'memory', fetchedAt: hit.fetchedAt, error: undefined, revalidating: false } : LOADING;
  }

  return {
    read<T>(spec: ReadSpec<T>, options?: ReadOptions): Read<T> {
      let promise: Promise<T> | undefined;
      const once = () => (promise ??= fetchOnce(spec, options) as Promise<T>);
      return {
        then: (onFulfilled, onRejected) => once().then(onFulfilled, onRejected),
        catch: (onRejected) => once().catch(onRejected),
        finally: (onFinally) => once().finally(onFinally),
        [Symbol.toStringTag]: 'Read',
        subscribe: (observer) => observe(spec, observer as Observer),
        get state() {
          return peek(spec) as ReadState<T>;
        },
      };
    },
    invalidate(pathPrefix) {
      invalidated.set(pathPrefix, deps.now());
      for (const entry of entries.values()) {
        if (entry.spec.path.startsWith(pathPrefix) && entry.observations.size > 0) fetchInto(entry, 'network').catch(() => undefined);
      }
    },
    restart() {
      const observations = [...entries.values()].flatMap((entry) => [...entry.observations]);
      for (const observation of [...observations, ...waiting]) start(observation);
    },
  };
}
