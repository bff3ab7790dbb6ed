// The baselines of `npm run bench:sdk`: a Map lookup, bare `idb` calls and idb-keyval.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { set } from 'idb-keyval';
import type { Customer } from '@kith/schema';
import { expose, manyCustomers, registerOps, type BenchConfig, type FirstData } from './harness.js';

interface BareSchema extends DBSchema {
  /** Whole values under a name: the customer, the 10,000-customer page. */
  one: { key: string; value: unknown };
  /** One customer per row, for getAll. */
  rows: { key: string; value: Customer };
  /** Outbox-like entries, one put each. */
  outbox: { key: string; value: Record<string, unknown> };
}

const open = () =>
  openDB<BareSchema>('bare-bench', 1, {
    upgrade(db) {
      db.createObjectStore('one');
      db.createObjectStore('rows', { keyPath: 'id' });
      db.createObjectStore('outbox', { keyPath: 'id' });
    },
  });

/** New page: database opened → `read` answered. */
async function timed(read: (db: IDBPDatabase<BareSchema>) => Promise<number>): Promise<FirstData> {
  const started = performance.now();
  const db = await open();
  const records = await read(db);
  const ms = performance.now() - started;
  db.close();
  return { ms, source: 'storage', records };
}

/** An entry the size and shape of an outbox entry (what a durable queue stores per write). */
const entry = (config: BenchConfig, i: number) => ({
  id: crypto.randomUUID(),
  kind: 'interactions.create',
  method: 'POST',
  path: `/v1/customers/${config.customerId}/interactions`,
  query: undefined,
  body: { channel: 'phone', type: 'call', direction: 'outbound', phase: 'after_sale', summary: `Benchmark call ${i}` },
  ifMatch: undefined,
  invalidates: [`/v1/customers/${config.customerId}/interactions`],
  idempotencyKey: crypto.randomUUID(),
  partition: `${config.closedUrl} staff:${config.staffId}`,
  createdAt: Date.now(),
  attempts: 0,
  nextAttemptAt: Date.now(),
  state: 'pending',
  error: undefined,
});

let outboxDb: IDBPDatabase<BareSchema> | undefined;

expose('bare', {
  async seedCustomer(_config: BenchConfig, customer: Customer): Promise<void> {
    const db = await open();
    await db.put('one', customer, 'customer');
    db.close();
  },

  async seedTenThousand(_config: BenchConfig, sample: Customer): Promise<number> {
    const db = await open();
    const items = manyCustomers(sample, 10_000);
    const tx = db.transaction(['rows', 'one'], 'readwrite');
    await Promise.all([...items.map((item) => tx.objectStore('rows').put(item)), tx.objectStore('one').put({ items, next: null }, '10k'), tx.done]);
    db.close();
    return items.length;
  },

  idbWarm: (config: BenchConfig) => timed(async (db) => ((await db.get('one', 'customer')) as Customer | undefined)?.id === config.customerId ? 1 : 0),
  coldGetAll: () => timed(async (db) => (await db.getAll('rows')).length),
  coldGetOne: () => timed(async (db) => ((await db.get('one', '10k')) as { items: Customer[] } | undefined)?.items.length ?? 0),

  async memorySetup(_config: BenchConfig, customer: Customer): Promise<void> {
    const map = new Map<string, Customer>([[customer.id, customer]]);
    const id = customer.id;
    registerOps('bare', {
      mapGet: {
        sync() {
          if (map.get(id)?.id !== id) throw new Error('map.get: missing');
        },
      },
    });
  },

  async outboxSetup(): Promise<void> {
    outboxDb = await open();
  },

  /** `count` puts one after another, each in its own strict-durability transaction. */
  async idbPut(config: BenchConfig, count: number): Promise<number[]> {
    const db = outboxDb;
    if (!db) throw new Error('outboxSetup first');
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const value = entry(config, i);
      const started = performance.now();
      const tx = db.transaction('outbox', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(value), tx.done]);
      times.push(performance.now() - started);
    }
    return times;
  },

  /** `count` idb-keyval sets (its own store, the browser's default durability). */
  async keyvalSet(config: BenchConfig, count: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const value = entry(config, i);
      const started = performance.now();
      await set(value.id, value);
      times.push(performance.now() - started);
    }
    return times;
  },
});
