// The cache store on real IndexedDB, in Chromium and Firefox. Two stores in one page stand in for
// two tabs (same database, same BroadcastChannel name); fresh stores stand in for a new page.
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { createCacheStore, type CacheEntry, type CacheEvent, type CacheStore, type CacheStoreOptions } from './index.js';

// Compile-time checks of the public shape.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const restores: Equal<ReturnType<CacheStore['restore']>, Promise<CacheEntry | undefined>> = true;
const typed: Equal<ReturnType<CacheStore<{ n: number }>['peek']>, { n: number } | undefined> = true;

const entry = (data: unknown): CacheEntry => ({ data, fetchedAt: 1_700_000_000_000 });
let name = '';
const opened: CacheStore[] = [];
const store = (options: CacheStoreOptions = {}): CacheStore => {
  const created = createCacheStore({ name, ...options });
  opened.push(created);
  return created;
};
const nextEvent = <T extends CacheEvent['type']>(target: CacheStore, type: T) =>
  new Promise<Extract<CacheEvent, { type: T }>>((resolve) => {
    const stop = target.subscribe((event) => {
      if (event.type !== type) return;
      stop();
      resolve(event as Extract<CacheEvent, { type: T }>);
    });
  });
const degradedReasons = (target: CacheStore): string[] => {
  const reasons: string[] = [];
  target.subscribe((event) => event.type === 'degraded' && reasons.push(event.reason));
  return reasons;
};
const rowCount = async (): Promise<number> => {
  const db = await openDB(name);
  const count = db.objectStoreNames.contains('rows') ? await db.count('rows') : 0;
  db.close();
  return count;
};
const request = <T>(req: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('request failed'));
  });

describe('cache store on IndexedDB', () => {
  beforeEach(() => {
    name = `kith-cache-test-${crypto.randomUUID()}`;
  });
  afterEach(async () => {
    for (const each of opened.splice(0)) each.close();
    await request(indexedDB.deleteDatabase(name));
  });

  it('has the public types it says (checked when compiled)', () => {
    expect(restores && typed).to.equal(true);
  });

  it('restores in a new page what an earlier page persisted', async () => {
    await store().persist('https://api customer:1', '["customers.get","c1"]', entry({ name: 'Ada' }));
    const fresh = store();
    expect(await fresh.restore('https://api customer:1', '["customers.get","c1"]')).to.deep.equal(entry({ name: 'Ada' }));
    expect(fresh.peek('https://api customer:1', '["customers.get","c1"]')).to.deep.equal(entry({ name: 'Ada' }));
    expect(fresh.degraded).to.equal(false);
  });

  it('keeps partitions invisible to each other, and clears one without the other', async () => {
    const first = store();
    await first.persist('https://api customer:1', 'q', entry('A'));
    await first.persist('https://api customer:2', 'q', entry('B'));
    const fresh = store();
    expect(await fresh.restore('https://api customer:3', 'q')).to.equal(undefined);
    expect(await fresh.restore('https://other customer:1', 'q')).to.equal(undefined);
    await fresh.clear('https://api customer:1');
    expect(await store().restore('https://api customer:1', 'q')).to.equal(undefined);
    expect(await store().restore('https://api customer:2', 'q')).to.deep.equal(entry('B'));
  });

  it('evicts the least recently used query beyond the bound; a read counts as a use', async () => {
    const first = store({ max: 3 });
    for (const key of ['k1', 'k2', 'k3']) await first.persist('p', key, entry(key));
    await first.persist('other', 'k0', entry('other'));
    expect(await first.restore('p', 'k1')).to.deep.equal(entry('k1'));
    await first.persist('p', 'k4', entry('k4'));
    const fresh = store({ max: 3 });
    expect(await fresh.restore('p', 'k2')).to.equal(undefined);
    for (const key of ['k1', 'k3', 'k4']) expect(await fresh.restore('p', key)).to.deep.equal(entry(key));
    expect(await fresh.restore('other', 'k0')).to.deep.equal(entry('other'));
    expect(await rowCount()).to.equal(4);
  });

  it('reads never open a read-write transaction', async () => {
    const first = store();
    for (const key of ['a', 'b', 'c']) await first.persist('p', key, entry(key));
    const fresh = store();
    const modes: (IDBTransactionMode | undefined)[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      modes.push(args[1]);
      return original.apply(this, args);
    };
    try {
      for (const key of ['a', 'b', 'c', 'a', 'b', 'missing']) await fresh.restore('p', key);
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(modes.length).to.be.greaterThan(0);
    expect(modes.filter((mode) => mode === 'readwrite')).to.deep.equal([]);
  });

  it('keeps a memory partition out of IndexedDB (staff data unless the page opts in)', async () => {
    const persist = (partition: string) => (partition.includes(' staff:') ? 'memory' : 'indexeddb');
    const first = store({ persist });
    await first.persist('https://api staff:7', 'q', entry('private'));
    expect(await first.restore('https://api staff:7', 'q')).to.deep.equal(entry('private'));
    await first.persist('https://api customer:1', 'q', entry('shopper'));
    expect(await rowCount()).to.equal(1);
    expect(await store({ persist }).restore('https://api staff:7', 'q')).to.equal(undefined);
  });

  it('discards the stored results when the version goes up', async () => {
    const old = store({ version: 1 });
    await old.persist('p', 'q', entry('v1 shape'));
    old.close();
    const next = store({ version: 2 });
    expect(await next.restore('p', 'q')).to.equal(undefined);
    await next.persist('p', 'q', entry('v2 shape'));
    expect(await store({ version: 2 }).restore('p', 'q')).to.deep.equal(entry('v2 shape'));
    expect(next.degraded).to.equal(false);
  });

  it('upgrades while an older page holds its connection: the old one steps aside and goes to memory', async () => {
    const old = store({ version: 1 });
    await old.persist('p', 'q', entry('old'));
    const next = store({ version: 2 });
    expect(await next.restore('p', 'q')).to.equal(undefined);
    expect(next.degraded).to.equal(false);
    const oldDegraded = nextEvent(old, 'degraded');
    await old.persist('p', 'r', entry('old page, new write')); // reopening at version 1 now fails
    expect((await oldDegraded).reason).to.equal('unavailable');
    expect(await old.restore('p', 'r')).to.deep.equal(entry('old page, new write'));
    expect(await store({ version: 2 }).restore('p', 'r')).to.equal(undefined);
  });

  it('falls back to memory, and says so, when a connection that ignores versionchange blocks the upgrade', async () => {
    const first = store({ version: 1 });
    await first.persist('p', 'q', entry('old'));
    first.close();
    const holder = await request(indexedDB.open(name, 1)); // no versionchange handler: never closes itself
    try {
      const next = store({ version: 2, openTimeoutMs: 300 });
      const reasons = degradedReasons(next);
      await next.persist('p', 'q', entry('new'));
      expect(await next.restore('p', 'q')).to.deep.equal(entry('new'));
      await next.persist('p', 'r', entry('more'));
      expect(next.degraded).to.equal(true);
      expect(reasons).to.deep.equal(['blocked']);
    } finally {
      holder.close();
    }
  });

  it('works in memory and reports once when opening throws', async () => {
    const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
    const cache = store({ indexedDB: refusing });
    const reasons = degradedReasons(cache);
    await cache.persist('p', 'q', entry(1));
    await cache.persist('p', 'r', entry(2));
    expect(await cache.restore('p', 'q')).to.deep.equal(entry(1));
    expect(await cache.restore('p', 'missing')).to.equal(undefined);
    await cache.clear();
    expect(reasons).to.deep.equal(['unavailable']);
  });

  it('works in memory and reports once when the open request errors', async () => {
    await store({ version: 5 }).persist('p', 'q', entry('newer page'));
    const erroring = { open: (dbName: string) => indexedDB.open(dbName, 1) } as unknown as IDBFactory; // VersionError
    const cache = store({ indexedDB: erroring });
    const reasons = degradedReasons(cache);
    expect(await cache.restore('p', 'q')).to.equal(undefined);
    await cache.persist('p', 'q', entry('memory'));
    expect(await cache.restore('p', 'q')).to.deep.equal(entry('memory'));
    expect(cache.degraded).to.equal(true);
    expect(reasons).to.deep.equal(['unavailable']);
  });

  it('reports a full quota once, never throws, and still clears IndexedDB on logout', async () => {
    const cache = store();
    await cache.persist('p', 'q', entry('saved before the disk filled'));
    const reasons = degradedReasons(cache);
    const original = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      await cache.persist('p', 'r', entry('too big'));
      await cache.persist('p', 's', entry('also too big'));
    } finally {
      IDBObjectStore.prototype.put = original;
    }
    expect(reasons).to.deep.equal(['quota']);
    expect(await cache.restore('p', 'r')).to.deep.equal(entry('too big'));
    expect(await rowCount()).to.equal(1);
    await cache.clear('p');
    expect(await rowCount()).to.equal(0);
  });

  it('reopens a lost connection on next use (here: another page deleted the database)', async () => {
    const cache = store();
    await cache.persist('p', 'q', entry('before'));
    await request(indexedDB.deleteDatabase(name)); // completes only because the store closed its connection
    await cache.persist('p', 'r', entry('after'));
    expect(cache.degraded).to.equal(false);
    const fresh = store();
    expect(await fresh.restore('p', 'r')).to.deep.equal(entry('after'));
    expect(await fresh.restore('p', 'q')).to.equal(undefined);
  });

  it('reopens a connection the browser closed under a write, without degrading', async () => {
    const cache = store();
    await cache.persist('p', 'q', entry('before'));
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      IDBDatabase.prototype.transaction = original; // once: the browser ends this connection now
      this.close();
      this.dispatchEvent(new Event('close'));
      return original.apply(this, args); // throws InvalidStateError: the connection is closing
    };
    try {
      await cache.persist('p', 'r', entry('after'));
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(cache.degraded).to.equal(false);
    expect(await store().restore('p', 'r')).to.deep.equal(entry('after'));
  });

  it('keeps two tabs coherent through BroadcastChannel', async () => {
    const tab1 = store();
    const tab2 = store();
    // What tab2 hears while tab1 acts (awaited each time: a late message must not answer the next wait).
    const heard = async (action: () => Promise<void>) => {
      const event = nextEvent(tab2, 'stale');
      await action();
      return event;
    };
    await heard(() => tab1.persist('p', 'q', entry('v1')));
    await tab2.persist('other', 'q', entry('kept'));
    expect(await tab2.restore('p', 'q')).to.deep.equal(entry('v1'));

    expect(await heard(() => tab1.persist('p', 'q', entry('v2')))).to.deep.equal({ type: 'stale', partition: 'p', key: 'q' });
    expect(tab2.peek('p', 'q')).to.equal(undefined);
    expect(await tab2.restore('p', 'q')).to.deep.equal(entry('v2'));

    await heard(() => tab1.remove('p', 'q'));
    expect(await tab2.restore('p', 'q')).to.equal(undefined);

    await heard(() => tab1.persist('p', 'r', entry('r')));
    expect(await tab2.restore('p', 'r')).to.deep.equal(entry('r'));
    // Logout in one tab clears the partition everywhere.
    expect(await heard(() => tab1.clear('p'))).to.deep.equal({ type: 'stale', partition: 'p', key: undefined });
    expect(tab2.peek('p', 'r')).to.equal(undefined);
    expect(await tab2.restore('p', 'r')).to.equal(undefined);
    expect(tab2.peek('other', 'q')).to.deep.equal(entry('kept'));
  });
});
