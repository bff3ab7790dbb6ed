// The client core: transport, partitioned cache, stale-while-revalidate reads, outbox, live.
// It knows no resource: resources (`resources/*.ts`) are functions of a core, so a page that
// imports one resource bundles that resource's schemas and nothing else.
import { subjectOf, type Subject } from './claims.js';
import { createCacheStore, type CacheEvent, type CacheStore, type DegradedReason } from './cache/index.js';
import { createCredentials } from './credentials.js';
import { KithError } from './errors.js';
import { createLazyLive } from './live/lazy.js';
import type { Live } from './live/live.js';
import { createLazyOutbox } from './outbox/lazy.js';
import type { Outbox, WriteResult, WriteSpec } from './outbox/types.js';
import { createReads, type Credentialed, type Partition } from './reads/reads.js';
import type { Read, ReadOptions, ReadSpec } from './reads/types.js';
import { createTransport, DEFAULT_TIMEOUT_MS, type RequestOptions, type TransportOptions, type TransportRequest } from './transport.js';

/** Where cached reads live. */
export interface CacheOptions {
  /** Cache staff data (staff tokens) in IndexedDB too. Default false: an intranet page's IndexedDB
   * is readable by every script on that page, so staff data stays in this page's memory. */
  persistStaff?: boolean;
  /** Query results kept per partition (server + subject), least recently used evicted. Default 500. */
  max?: number;
  /** Raise it when cached shapes change: older cached data is discarded. Default 1. */
  version?: number;
  /** IndexedDB database name. Default `kith-cache`. */
  name?: string;
  /** The IndexedDB factory; `null` keeps everything in memory. Default `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
}

export interface OutboxOptions {
  /** IndexedDB database name. Default `kith-outbox`. */
  name?: string;
  /** The IndexedDB factory; `null` keeps entries in memory (reported as degraded). Default `globalThis.indexedDB`. */
  indexedDB?: IDBFactory | null;
  /** How long an entry is retried before it fails. Default 7 days, the server's idempotency retention. */
  maxAgeMs?: number;
}

/** Options of {@link createCore} and `createClient`. */
export interface CoreOptions extends TransportOptions {
  /** `false`: memory only, nothing written to IndexedDB. */
  cache?: CacheOptions | false | undefined;
  outbox?: OutboxOptions | undefined;
  /** The clock (ms since the epoch), for tests of expiry. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/** A call that is not a cached read and not a user-authored write (administration, ingestion). */
export interface SendSpec<T> extends Omit<TransportRequest<T>, 'signal' | 'schema' | 'subject'> {
  schema: NonNullable<TransportRequest<T>['schema']>;
  /** Path prefixes of cached reads to fetch again after it succeeds. */
  invalidates?: readonly string[] | undefined;
}

export type CacheStatusEvent = { readonly type: 'degraded'; readonly reason: DegradedReason; readonly error: unknown };

/** The cache's health, for an element that shows "saved data is not kept on this device". */
export interface CacheStatus {
  /** True once IndexedDB was given up (private mode, blocked, quota, failure): memory only. */
  readonly degraded: boolean;
  subscribe(listener: (event: CacheStatusEvent) => void): () => void;
}

export interface KithCore {
  readonly baseUrl: string;
  readonly locale: string | undefined;
  /** A stale-while-revalidate read (resources build the spec). */
  read<T>(spec: ReadSpec<T>, options?: ReadOptions): Read<T>;
  /** A direct call: not stored, not cached. Rejects with a `KithError`. */
  send<T>(spec: SendSpec<T>, options?: RequestOptions): Promise<T>;
  /** A user-authored write through the outbox: `sent`, `queued` or `failed` (never lost). */
  write<T>(spec: WriteSpec<T>): Promise<WriteResult<T>>;
  /** Observed reads under `pathPrefix` fetch again. */
  invalidate(pathPrefix: string): void;
  readonly live: Live;
  readonly outbox: Outbox;
  readonly cache: CacheStatus;
  /**
   * Logout: clears every cached read (memory and IndexedDB) and forgets the last subject;
   * unsent outbox entries stay for their author's next sign-in. Observed reads start over.
   */
  clear(): Promise<void>;
  /**
   * Ends the live stream and closes the cache (a later call reopens it). The outbox stops sending:
   * lock waits give up, the attempt in flight is aborted (a write awaiting it answers `queued`),
   * and what waits is left to the next page — sent once: if the server had applied it, the next
   * page gets the saved answer (`replayed: true`).
   */
  close(): void;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** This tab's last subject per server and key (sessionStorage: gone with the tab), so a page
 * reloaded offline, whose token function cannot answer, still shows what it saved. */
function subjectMemory(baseUrl: string, key: string) {
  const name = `kith:subject ${baseUrl} ${key}`;
  const storage = (() => {
    try {
      return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
    } catch {
      return undefined; // storage blocked
    }
  })();
  return {
    load: (): string | null => {
      try {
        return storage?.getItem(name) ?? null;
      } catch {
        return null;
      }
    },
    save: (subject: string | null) => {
      try {
        if (subject === null) storage?.removeItem(name);
        else storage?.setItem(name, subject);
      } catch {
        // full or blocked: the memory copy still serves this page
      }
    },
  };
}

/**
 * Creates the core: the client without resources (add those a page calls with
 * `@kith/sdk/resources/<name>`). It trusts its options (their types say what is allowed) and stays
 * small; options that come from untyped input (attributes, JSON settings) go through
 * `checkOptions` first, as `createClient` and the elements do.
 */
export function createCore(options: CoreOptions): KithCore {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const credentials = createCredentials(options.key, options.token);
  const transport = createTransport(options, credentials);
  const live = createLazyLive({ baseUrl, credentials, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const cacheOptions = options.cache === false ? { indexedDB: null } : (options.cache ?? {});
  const store: CacheStore = createCacheStore({
    name: cacheOptions.name ?? 'kith-cache',
    version: cacheOptions.version ?? 1,
    max: cacheOptions.max ?? 500,
    ...(cacheOptions.indexedDB === undefined ? {} : { indexedDB: cacheOptions.indexedDB }),
    persist: (partition) => {
      const subject = partition.slice(partition.lastIndexOf(' ') + 1);
      if (subject.startsWith('staff:')) return cacheOptions.persistStaff ? 'indexeddb' : 'memory';
      return subject.startsWith('key:sk_') || subject === 'customer:unreadable' ? 'memory' : 'indexeddb';
    },
  });

  const partitionOf = (subject: Subject): Partition => ({ name: `${baseUrl} ${subject}`, subject });
  // A secret key is never written to sessionStorage (and is only ever used server-side).
  const memory = options.key.startsWith('sk_') ? { load: () => null, save: () => undefined } : subjectMemory(baseUrl, options.key);
  let last: Partition | undefined = (() => {
    const saved = memory.load();
    return saved && /^(customer|staff|key):\S+$/.test(saved) ? partitionOf(saved as Subject) : undefined;
  })();

  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  /** The partition of the newest credential seen; remembered for this tab. */
  function partitionFor(subject: Subject): Partition {
    if (last?.subject !== subject) {
      const signedIn = last !== undefined;
      last = partitionOf(subject);
      memory.save(subject);
      // Someone else signed in (or back): that person's unsent entries go now. Cannot loop: the
      // flush asks for a credential, which reports this same subject.
      const name = last.name;
      if (signedIn) queueMicrotask(() => outbox.resume(name));
    }
    return last;
  }

  /** One call of the token function (shared with concurrent ones), under the request timeout. */
  async function credential(signal?: AbortSignal): Promise<Credentialed> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new KithError('timeout', `The token function did not answer within ${timeoutMs} ms`)), timeoutMs);
    const forward = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', forward, { once: true });
    try {
      const authorization = await credentials.authorization(controller.signal);
      return { partition: partitionFor(subjectOf(authorization.header)), authorization };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', forward);
    }
  }

  const reads = createReads({ transport, store, live, credential, lastPartition: () => last, partitionFor, now });
  const outboxOptions = options.outbox ?? {};
  const outbox = createLazyOutbox({
    transport,
    credential,
    lastPartition: () => last,
    indexedDB: outboxOptions.indexedDB === undefined ? (globalThis.indexedDB ?? null) : outboxOptions.indexedDB,
    name: outboxOptions.name ?? 'kith-outbox',
    now,
    maxAgeMs: outboxOptions.maxAgeMs ?? WEEK_MS,
    onDelivered: (entry) => entry.invalidates.forEach((prefix) => reads.invalidate(prefix)),
  });

  const cacheListeners = new Set<(event: CacheStatusEvent) => void>();
  store.subscribe((event: CacheEvent) => {
    if (event.type === 'degraded') cacheListeners.forEach((listener) => listener(event));
  });

  return {
    baseUrl,
    locale: options.locale,
    read: (spec, readOptions) => reads.read(spec, readOptions),
    async send(spec, { signal, timeoutMs: ms } = {}) {
      const { invalidates, ...request } = spec;
      const { body } = await transport.request({ ...request, signal, timeoutMs: ms });
      invalidates?.forEach((prefix) => reads.invalidate(prefix));
      return body;
    },
    write: (spec) => outbox.enqueue(spec),
    invalidate: (prefix) => reads.invalidate(prefix),
    live,
    outbox,
    cache: {
      get degraded() {
        return store.degraded;
      },
      subscribe(listener) {
        cacheListeners.add(listener);
        return () => cacheListeners.delete(listener);
      },
    },
    async clear() {
      last = undefined;
      memory.save(null);
      await store.clear();
      reads.restart();
    },
    close() {
      live.close();
      store.close();
      outbox.close();
    },
  };
}
