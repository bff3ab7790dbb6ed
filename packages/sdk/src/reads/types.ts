// The public shape of stale-while-revalidate reads: a `Read` is both awaitable (the fresh
// value) and observable (cached value at once, then fresh, then live).
import type { Topic } from '@kith/schema';
import type { Subject } from '../claims.js';
import type { KithError } from '../errors.js';
import type { QueryValue, RequestOptions } from '../transport.js';
import type { ResponseSchema } from '../validate.js';

/** Where the data of a {@link ReadState} came from. */
export type ReadSource = 'memory' | 'storage' | 'network' | 'live';

/**
 * What an observer sees.
 * - `loading`: nothing to show yet, a request is on its way.
 * - `stale`: cached data (from memory or IndexedDB) while it is revalidated, or after the
 *   revalidation failed — then `error` says why (`network` when offline).
 * - `fresh`: the server's answer (or a live update's refetch).
 * - `error`: nothing cached and the request failed.
 */
export interface ReadState<T> {
  readonly status: 'loading' | 'stale' | 'fresh' | 'error';
  readonly data: T | undefined;
  readonly source: ReadSource | undefined;
  /** When the server sent `data` (ms since the epoch). */
  readonly fetchedAt: number | undefined;
  /** The last failure; kept beside stale data so a page can say "offline, showing saved data". */
  readonly error: KithError | undefined;
  /** True while a request for this read is in flight. */
  readonly revalidating: boolean;
}

/** One GET the cache may answer. Resources build these; pages rarely need to. */
export interface ReadSpec<T> {
  /** Starts with `/v1/`; segments encoded by the caller. Together with `query` it is the cache key. */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  /** Validates the answer (an `invalid_response` error when it does not match). */
  schema: ResponseSchema<T>;
  /**
   * Live topics whose events make an observed read fetch again (e.g. `customer:<id>`); or a
   * function of whom the credential speaks for, when that decides which topic it may follow
   * (one list read by staff on `inbox` and by a shopper on their own `customer:<id>`).
   */
  topics?: readonly Topic[] | ((subject: Subject) => readonly Topic[]) | undefined;
}

export interface ReadOptions extends RequestOptions {
  /** `network` (the `await` form's default) or `cache-first`: an awaited read that takes a cached value if there is one. */
  prefer?: 'network' | 'cache-first';
}

/**
 * A read. `await read` resolves with the server's answer (identical in-flight requests are
 * shared, the cache is updated) and rejects with a `KithError`; `read.subscribe(fn)` calls
 * `fn` with the cached value at once (memory, then IndexedDB), then the fresh one, then
 * again after each live update of its topics, until the returned function is called.
 * The request of the `await` form starts on the first `then`/`catch`/`finally`, not before.
 */
export interface Read<T> extends Promise<T> {
  subscribe(observer: (state: ReadState<T>) => void): () => void;
  /** The current state without subscribing (memory only). */
  readonly state: ReadState<T>;
}
