// The peer of `npm run bench:sdk`: TanStack Query core, persisted to IndexedDB with
// query-persist-client-core and an idb-keyval persister (the setup TanStack documents for IndexedDB).
import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { persistQueryClientRestore, persistQueryClientSave, type PersistedClient, type Persister } from '@tanstack/query-persist-client-core';
import { del, get, set } from 'idb-keyval';
import type { Customer } from '@kith/schema';
import { expose, manyCustomers, registerOps, type BenchConfig, type FirstData } from './harness.js';

/** One persisted client per case, so a restore reads only its own queries. */
const persister = (key: string): Persister => ({
  persistClient: (client: PersistedClient) => set(key, client),
  restoreClient: () => get<PersistedClient>(key),
  removeClient: () => del(key),
});

const customerKey = (config: BenchConfig) => ['customers', config.customerId];
const TEN_K_KEY = ['customers', { limit: 10_000 }];

/** The same GET the Kith client makes, with the same token (not validated: TanStack leaves that to the page). */
const fetchCustomer = (config: BenchConfig) => async (): Promise<Customer> => {
  const response = await fetch(`${config.apiUrl}/v1/customers/${encodeURIComponent(config.customerId)}`, { headers: { authorization: `Bearer ${config.token}` } });
  if (!response.ok) throw new Error(`GET customer: ${response.status}`);
  return (await response.json()) as Customer;
};

/** New page: QueryClient created → persisted client restored → the query's data. */
async function restored<T>(key: string, queryKey: unknown[], records: (data: T) => number): Promise<FirstData> {
  const started = performance.now();
  const queryClient = new QueryClient();
  await persistQueryClientRestore({ queryClient, persister: persister(key) });
  const data = queryClient.getQueryData<T>(queryKey);
  const ms = performance.now() - started;
  if (data === undefined) throw new Error(`${key}: nothing restored`);
  return { ms, source: 'storage', records: records(data) };
}

expose('tanstack', {
  async seedCustomer(config: BenchConfig): Promise<void> {
    const queryClient = new QueryClient();
    await queryClient.fetchQuery({ queryKey: customerKey(config), queryFn: fetchCustomer(config) });
    await persistQueryClientSave({ queryClient, persister: persister('tanstack-customer') });
  },

  async seedTenThousand(_config: BenchConfig, sample: Customer): Promise<number> {
    const queryClient = new QueryClient();
    const page = { items: manyCustomers(sample, 10_000), next: null };
    queryClient.setQueryData(TEN_K_KEY, page);
    await persistQueryClientSave({ queryClient, persister: persister('tanstack-10k') });
    return page.items.length;
  },

  idbWarm: (config: BenchConfig) => restored<Customer>('tanstack-customer', customerKey(config), (c) => (c.id === config.customerId ? 1 : 0)),

  coldTenThousand: () => restored<{ items: Customer[] }>('tanstack-10k', TEN_K_KEY, (page) => page.items.length),

  /** A QueryClient whose cache already holds the customer (one fetchQuery against the server). */
  async memorySetup(config: BenchConfig): Promise<void> {
    const queryClient = new QueryClient();
    const queryKey = customerKey(config);
    const queryFn = fetchCustomer(config);
    await queryClient.fetchQuery({ queryKey, queryFn });
    const check = (customer: Customer | undefined, what: string) => {
      if (customer?.id !== config.customerId) throw new Error(`tanstack.${what}: no data from memory`);
    };
    registerOps('tanstack', {
      fetchQuery: { async: async () => check(await queryClient.fetchQuery({ queryKey, queryFn, staleTime: Infinity }), 'fetchQuery') },
      getQueryData: { sync: () => check(queryClient.getQueryData<Customer>(queryKey), 'getQueryData') },
      // What a component binding does: an observer, subscribed, its current result, unsubscribed.
      observer: {
        sync() {
          const observer = new QueryObserver<Customer>(queryClient, { queryKey, queryFn, staleTime: Infinity });
          const stop = observer.subscribe(() => undefined);
          check(observer.getCurrentResult().data, 'observer');
          stop();
        },
      },
    });
  },
});
