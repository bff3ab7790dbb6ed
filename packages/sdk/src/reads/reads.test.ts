// Stale-while-revalidate reads in a real browser, over real IndexedDB, against the real server.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { openDB } from 'idb';
import { Customer, CustomerPage } from '@kith/schema';
import { mintToken, serverInfo, tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { createClient, type ClientOptions, type KithClient, type ReadState } from '../index.js';

/** Every state an observer saw, in order. */
function record<T>(client: KithClient, id: string) {
  const states: ReadState<T>[] = [];
  const stop = client.customers.get(id).subscribe((state) => states.push(state as ReadState<T>));
  return { states, stop };
}

/** A fetch that holds each non-stream request back `ms` and counts the reads. */
function slowFetch(ms: number) {
  const reads: string[] = [];
  const fetcher: typeof fetch = async (input, init) => {
    if (!String(input).includes('/v1/events')) {
      reads.push(String(input));
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    return fetch(input, init);
  };
  return { fetcher, reads };
}

/** The rows of a cache database, read directly (what another script on the page could read). */
async function storedPartitions(name: string): Promise<string[]> {
  // Opening a database that does not exist would create an empty one the cache then cannot use.
  if (!(await indexedDB.databases()).some((info) => info.name === name)) return [];
  const db = await openDB(name);
  try {
    if (!db.objectStoreNames.contains('rows')) return [];
    const keys = (await db.getAllKeys('rows')) as unknown as [string, string][];
    return keys.map(([partition]) => partition);
  } finally {
    db.close();
  }
}

/** Resolves once `client` can restore `id` from IndexedDB (the write follows the answer). */
async function persisted(options: ClientOptions, id: string): Promise<void> {
  await waitUntil(
    async () => {
      const probe = createClient(options);
      const source = await new Promise<string | undefined>((resolve) => {
        const stop = probe.customers.get(id).subscribe((state) => {
          if (state.source === 'storage' || state.source === 'network' || state.error) {
            resolve(state.source);
            queueMicrotask(() => stop());
          }
        });
      });
      probe.close();
      return source === 'storage';
    },
    'the answer never reached IndexedDB',
  );
}

describe('stale-while-revalidate reads', () => {
  let server: KithServerInfo;
  let otherId: string;
  let run = 0;
  const cacheName = () => `reads-${Date.now()}-${++run}`;

  before(async () => {
    server = await serverInfo();
    const staff = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff' }), cache: false });
    const page = await staff.read({ path: '/v1/customers', query: { limit: 5 }, schema: CustomerPage });
    const other = page.items.find((customer) => customer.id !== server.sampleCustomerId);
    if (!other) throw new Error('the demo has no second customer');
    otherId = other.id;
    staff.close();
  });

  it('a new page shows the IndexedDB copy first, then the server’s answer', async () => {
    const cache = { name: cacheName() };
    const options = { baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'customer' }), cache };
    const earlier = createClient(options);
    await earlier.customers.get(server.sampleCustomerId);
    earlier.close();
    await persisted(options, server.sampleCustomerId);

    const { fetcher } = slowFetch(300); // the network is slower than IndexedDB here, on purpose
    const page = createClient({ ...options, fetch: fetcher });
    const { states, stop } = record<Customer>(page, server.sampleCustomerId);
    await waitUntil(() => states.some((state) => state.status === 'fresh'), 'no fresh state');
    stop();
    const sequence = states.filter((state) => state.data !== undefined).map((state) => `${state.status}/${state.source}`);
    expect(sequence[0]).to.equal('stale/storage');
    expect(sequence.at(-1)).to.equal('fresh/network');
    expect(states.findIndex((state) => state.source === 'storage')).to.be.lessThan(states.findIndex((state) => state.source === 'network'));
    expect(states.at(-1)?.data?.id).to.equal(server.sampleCustomerId);
    page.close();
  });

  it('a second reader on the same page gets the memory copy synchronously', async () => {
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff' }), cache: { name: cacheName() } });
    await client.customers.get(server.sampleCustomerId);
    const states: ReadState<Customer>[] = [];
    const stop = client.customers.get(server.sampleCustomerId).subscribe((state) => states.push(state));
    expect(states, 'called during subscribe').to.have.length(1);
    expect(states[0]?.status).to.equal('stale');
    expect(states[0]?.source).to.equal('memory');
    expect(states[0]?.data?.id).to.equal(server.sampleCustomerId);
    expect(client.customers.get(server.sampleCustomerId).state.data?.id).to.equal(server.sampleCustomerId);
    await waitUntil(() => states.at(-1)?.status === 'fresh', 'never revalidated');
    stop();
    client.close();
  });

  it('shares identical requests in flight, and the await form resolves with the fresh value', async () => {
    const { fetcher, reads } = slowFetch(100);
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff' }), fetch: fetcher, cache: false });
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => client.customers.get(server.sampleCustomerId)));
    expect(reads.filter((url) => url.endsWith(`/v1/customers/${server.sampleCustomerId}`))).to.have.length(1);
    expect(a?.id).to.equal(server.sampleCustomerId);
    expect(b).to.equal(a);
    expect(c).to.equal(a);
    // cache-first: answered from the cache, no request.
    const cached = await client.read({ path: `/v1/customers/${server.sampleCustomerId}`, schema: Customer }, { prefer: 'cache-first' });
    expect(cached.id).to.equal(server.sampleCustomerId);
    expect(reads).to.have.length(1);
    client.close();
  });

  it('an observed read follows live updates: a change made elsewhere arrives as a live refetch', async function () {
    this.timeout(30_000);
    const scopes = ['customers:read', 'customers:write'] as const;
    const watcher = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff', scopes: [...scopes] }), cache: false });
    const { states, stop } = record<Customer>(watcher, otherId);
    await waitUntil(() => states.some((state) => state.status === 'fresh'), 'no fresh state');
    await waitUntil(() => watcher.live.status === 'open', 'the live stream never opened');
    const current = states.at(-1)?.data as Customer;
    const role = `Buyer ${Date.now()}`;
    const editor = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff', scopes: [...scopes] }), cache: false });
    await editor.send({ method: 'PATCH', path: `/v1/customers/${otherId}`, body: { role }, ifMatch: current.version, schema: Customer });
    await waitUntil(() => states.some((state) => state.source === 'live' && state.data?.role === role), 'the change never arrived live', { timeout: 15_000 });
    stop();
    watcher.close();
    editor.close();
  });

  it('partitions by subject: customer A’s saved data is never shown to customer B', async () => {
    const cache = { name: cacheName() };
    const asA = { baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'customer' }), cache };
    const a = createClient(asA);
    const mine = await a.customers.get(server.sampleCustomerId);
    a.close();
    await persisted(asA, server.sampleCustomerId);

    const b = createClient({ ...asA, token: tokenSource({ kind: 'customer', subject: otherId }) });
    const { states, stop } = record<Customer>(b, server.sampleCustomerId);
    await waitUntil(() => states.some((state) => state.status === 'error'), 'B was not refused');
    stop();
    expect(states.every((state) => state.data === undefined), 'B saw A’s data').to.equal(true);
    expect(states.at(-1)?.error?.code).to.be.oneOf(['forbidden', 'not_found']);
    // A's data is still there for A.
    const again = createClient(asA);
    const restored = await new Promise<Customer | undefined>((resolve) => {
      const off = again.customers.get(server.sampleCustomerId).subscribe((state) => state.data && (resolve(state.data), queueMicrotask(() => off())));
    });
    expect(restored?.id).to.equal(mine.id);
    again.close();
    b.close();
  });

  it('keeps staff data in memory only unless the page opts in', async () => {
    const name = cacheName();
    const staff = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff' }), cache: { name } });
    const customer = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'customer' }), cache: { name } });
    await staff.customers.get(server.sampleCustomerId);
    await customer.customers.get(server.sampleCustomerId);
    await persisted({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'customer' }), cache: { name } }, server.sampleCustomerId);
    expect((await storedPartitions(name)).some((p) => p.includes(' customer:'))).to.equal(true);
    expect((await storedPartitions(name)).some((p) => p.includes(' staff:'))).to.equal(false);

    const optedIn = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff' }), cache: { name, persistStaff: true } });
    await optedIn.customers.get(server.sampleCustomerId);
    await waitUntil(async () => (await storedPartitions(name)).some((p) => p.includes(' staff:')), 'opted in, staff data was not written');
    for (const client of [staff, customer, optedIn]) client.close();
  });

  it('clear() (logout) removes cached data from memory and IndexedDB', async () => {
    const cache = { name: cacheName() };
    const options = { baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'customer' }), cache };
    const client = createClient(options);
    await client.customers.get(server.sampleCustomerId);
    await persisted(options, server.sampleCustomerId);
    await client.clear();
    expect(client.customers.get(server.sampleCustomerId).state.data).to.equal(undefined);
    expect(await storedPartitions(cache.name)).to.deep.equal([]);
    client.close();
  });

  it('IndexedDB unavailable: reads still work, from memory, and the degraded mode is reported once', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'customer' }), cache: { indexedDB: refusing } });
    const events: string[] = [];
    client.cache.subscribe((event) => events.push(event.reason));
    const first = await client.customers.get(server.sampleCustomerId);
    await client.customers.get(server.sampleCustomerId);
    await waitUntil(() => client.cache.degraded, 'never reported degraded');
    expect(first.id).to.equal(server.sampleCustomerId);
    expect(events).to.deep.equal(['unavailable']);
    const states: ReadState<Customer>[] = [];
    client.customers.get(server.sampleCustomerId).subscribe((state) => states.push(state))();
    expect(states[0]?.source).to.equal('memory');
    client.close();
  });

  it('a token for someone else after sign-out: observers start over as the new subject', async () => {
    let who: 'staff' | 'customer' = 'customer';
    const tokens = { customer: (await mintToken({ kind: 'customer' })).token, staff: (await mintToken({ kind: 'staff' })).token };
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: () => tokens[who], cache: { name: cacheName() } });
    const { states, stop } = record<Customer>(client, server.sampleCustomerId);
    await waitUntil(() => states.some((state) => state.status === 'fresh'), 'no fresh state as the customer');
    who = 'staff';
    await client.clear();
    const before = states.length;
    await waitUntil(() => states.slice(before).some((state) => state.status === 'fresh'), 'no fresh state as staff');
    expect(states.slice(before)[0]?.data, 'the customer’s copy is not shown to staff').to.equal(undefined);
    stop();
    client.close();
  });
});
