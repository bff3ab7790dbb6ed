// Kith's side of `npm run bench:sdk`, through the SDK's public API (createClient, read,
// subscribe, write, outbox). Only the 10,000-record seed reaches into the cache store, because
// the server pages customer lists by at most 100.
import { CustomerPage, Interaction, type Customer } from '@kith/schema';
import { createCacheStore } from '../../../packages/sdk/src/cache/store.js';
import { createClient, type ClientOptions, type KithClient } from '../../../packages/sdk/src/client.js';
import { queryKey } from '../../../packages/sdk/src/reads/reads.js';
import type { ReadState } from '../../../packages/sdk/src/reads/types.js';
import { expose, first, manyCustomers, registerOps, waitFor, type BenchConfig, type FirstData } from './harness.js';

/** The 10,000-record read: one result, as a customer list page would cache it. */
export const TEN_K = { path: '/v1/customers', query: { limit: 10_000 } } as const;

/** A fetch that never answers (until aborted): the read can only be served by the cache. */
const held: typeof fetch = (_input, init) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    signal?.addEventListener('abort', () => reject(signal.reason as unknown), { once: true });
  });

type Network = 'held' | 'live';

function client(config: BenchConfig, network: Network = 'live', extra: Partial<ClientOptions> = {}): KithClient {
  return createClient({
    baseUrl: config.apiUrl,
    key: config.publishableKey,
    token: () => config.token,
    // Staff data stays in memory unless the page opts in; the benchmark opts in.
    cache: { persistStaff: true },
    ...(network === 'held' ? { fetch: held } : {}),
    ...extra,
  });
}

/** The first state with data of an observed read, timed from `started`. */
function firstData<T>(subscribe: (observer: (state: ReadState<T>) => void) => () => void, records: (data: T) => number, started: number): Promise<FirstData> {
  return first(subscribe, (state: ReadState<T>) =>
    state.data === undefined ? undefined : { ms: performance.now() - started, source: state.source ?? '?', records: records(state.data) },
  );
}

let warm: KithClient | undefined;
let writer: KithClient | undefined;

expose('kith', {
  /** Reads the customer from the server once (the cache stores it), and waits until it is in IndexedDB. */
  async seedCustomer(config: BenchConfig): Promise<Customer> {
    const seeding = client(config);
    const customer = await seeding.customers.get(config.customerId);
    const probe = createCacheStore({ name: 'kith-cache' });
    const key = queryKey(`/v1/customers/${encodeURIComponent(config.customerId)}`, undefined);
    await waitFor('the customer in IndexedDB', async () => (await probe.restore(`${config.apiUrl} staff:${config.staffId}`, key)) !== undefined);
    probe.close();
    seeding.close();
    return customer;
  },

  /** Stores a 10,000-customer result under the staff partition, as the read layer stores any result. */
  async seedTenThousand(config: BenchConfig, sample: Customer): Promise<number> {
    const store = createCacheStore({ name: 'kith-cache' });
    const page = { items: manyCustomers(sample, 10_000), next: null };
    await store.persist(`${config.apiUrl} staff:${config.staffId}`, queryKey(TEN_K.path, TEN_K.query), { data: page, fetchedAt: Date.now() });
    store.close();
    return page.items.length;
  },

  /** New page: client created → first state with the customer (IndexedDB, or the network if it wins under `live`). */
  idbWarm(config: BenchConfig, network: Network): Promise<FirstData> {
    const started = performance.now();
    const kith = client(config, network);
    const read = kith.customers.get(config.customerId);
    return firstData<Customer>((observer) => read.subscribe(observer), (customer) => (customer.id === config.customerId ? 1 : 0), started);
  },

  /**
   * New page, the cache store alone (no client): createCacheStore → restore of the customer, the
   * lazy IndexedDB chunk included; `again` = a second store in the same page, the chunk loaded.
   */
  async storeRestore(config: BenchConfig): Promise<FirstData> {
    const partition = `${config.apiUrl} staff:${config.staffId}`;
    const key = queryKey(`/v1/customers/${encodeURIComponent(config.customerId)}`, undefined);
    const restore = async () => {
      const started = performance.now();
      const store = createCacheStore<{ data: Customer }>({ name: 'kith-cache' });
      const hit = await store.restore(partition, key);
      const ms = performance.now() - started;
      store.close();
      return { ms, records: hit?.data.id === config.customerId ? 1 : 0 };
    };
    const { ms, records } = await restore();
    const again = await restore();
    return { ms, source: 'storage', records: Math.min(records, again.records), again: again.ms };
  },

  /** New page: client created → first state with the 10,000 cached customers (network held). */
  coldTenThousand(config: BenchConfig): Promise<FirstData> {
    const started = performance.now();
    const kith = client(config, 'held');
    const read = kith.read({ ...TEN_K, schema: CustomerPage });
    return firstData<CustomerPage>((observer) => read.subscribe(observer), (page) => page.items.length, started);
  },

  /** A client whose memory already holds the customer (one awaited read). */
  async memorySetup(config: BenchConfig): Promise<void> {
    warm = client(config);
    await warm.customers.get(config.customerId);
    const id = config.customerId;
    const ready = warm;
    registerOps('kith', {
      // The element's path: subscribe, take the first state with data, unsubscribe.
      observe: {
        sync() {
          let data: Customer | undefined;
          const stop = ready.customers.get(id).subscribe((state) => (data ??= state.data));
          stop();
          if (data?.id !== id) throw new Error('kith.observe: no data from memory');
        },
      },
      // The `await` form that takes a cached value (it asks the token function, so it is async).
      awaitCacheFirst: {
        async async() {
          const customer = await ready.customers.get(id, { prefer: 'cache-first' });
          if (customer.id !== id) throw new Error('kith.awaitCacheFirst: wrong customer');
        },
      },
    });
  },

  /** A client whose server is down (a closed port), so writes are kept in the outbox. */
  outboxSetup(config: BenchConfig): void {
    // One attempt per write: the transport's own retries would only delay the outcome.
    writer = client({ ...config, apiUrl: config.closedUrl }, 'live', { retry: false });
  },

  /**
   * `count` writes one after another: ms until `write()` resolves, and ms until the outbox first
   * reports an entry more than before (the stored moment) when it reports one at all.
   */
  async outbox(config: BenchConfig, count: number): Promise<{ resolved: number[]; stored: (number | null)[]; statuses: Record<string, number> }> {
    const kith = writer;
    if (!kith) throw new Error('outboxSetup first');
    const resolved: number[] = [];
    const stored: (number | null)[] = [];
    const statuses: Record<string, number> = {};
    for (let i = 0; i < count; i++) {
      const before = kith.outbox.entries.length;
      let storedAt: number | null = null;
      const stop = kith.outbox.subscribe((event) => {
        if (storedAt === null && event.type === 'change' && event.entries.length > before) storedAt = performance.now();
      });
      const started = performance.now();
      const result = await kith.write({
        kind: 'interactions.create',
        method: 'POST',
        path: `/v1/customers/${encodeURIComponent(config.customerId)}/interactions`,
        body: { channel: 'phone', type: 'call', direction: 'outbound', phase: 'after_sale', summary: `Benchmark call ${i}` },
        schema: Interaction,
        invalidates: [`/v1/customers/${encodeURIComponent(config.customerId)}/interactions`],
      });
      resolved.push(performance.now() - started);
      stored.push(storedAt === null ? null : storedAt - started);
      stop();
      statuses[result.status] = (statuses[result.status] ?? 0) + 1;
    }
    return { resolved, stored, statuses };
  },
});
