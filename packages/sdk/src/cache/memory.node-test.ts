// The memory adapter and the store without IndexedDB (as in Node). Node only: *.node-test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createCacheStore, memoryStorage, type CacheEntry, type CacheEvent } from './index.js';

const entry = (data: unknown): CacheEntry => ({ data, fetchedAt: 1 });

describe('memoryStorage', () => {
  test('restores what was persisted, per partition', async () => {
    const storage = memoryStorage();
    await storage.persist('a', 'q', entry(1));
    assert.deepEqual(await storage.restore('a', 'q'), entry(1));
    assert.equal(await storage.restore('b', 'q'), undefined);
    await storage.persist('a', 'q', entry(2));
    assert.deepEqual(storage.peek('a', 'q'), entry(2));
  });

  test('evicts the least recently used key beyond the bound, per partition', async () => {
    const storage = memoryStorage({ max: 3 });
    for (const key of ['k1', 'k2', 'k3']) await storage.persist('a', key, entry(key));
    await storage.persist('b', 'k1', entry('b'));
    await storage.restore('a', 'k1'); // k1 used: k2 is now the oldest
    await storage.persist('a', 'k4', entry('k4'));
    assert.equal(await storage.restore('a', 'k2'), undefined);
    for (const key of ['k1', 'k3', 'k4']) assert.deepEqual(await storage.restore('a', key), entry(key));
    assert.deepEqual(await storage.restore('b', 'k1'), entry('b'));
  });

  test('removes one key, clears one partition or everything', async () => {
    const storage = memoryStorage();
    for (const partition of ['a', 'b', 'c']) await storage.persist(partition, 'q', entry(partition));
    await storage.persist('a', 'r', entry('r'));
    await storage.remove('a', 'q');
    assert.equal(await storage.restore('a', 'q'), undefined);
    assert.deepEqual(await storage.restore('a', 'r'), entry('r'));
    await storage.clear('a');
    assert.equal(await storage.restore('a', 'r'), undefined);
    assert.deepEqual(await storage.restore('b', 'q'), entry('b'));
    await storage.clear();
    assert.equal(await storage.restore('b', 'q'), undefined);
    assert.equal(await storage.restore('c', 'q'), undefined);
  });
});

describe('createCacheStore without IndexedDB', () => {
  test('memory partitions work and never report a degraded mode', async () => {
    const store = createCacheStore({ name: 'node-memory', indexedDB: null, persist: () => 'memory' });
    const events: CacheEvent[] = [];
    store.subscribe((event) => events.push(event));
    await store.persist('staff:1', 'q', entry(1));
    assert.deepEqual(await store.restore('staff:1', 'q'), entry(1));
    await store.clear();
    assert.equal(await store.restore('staff:1', 'q'), undefined);
    assert.equal(store.degraded, false);
    assert.deepEqual(events, []);
    store.close();
  });

  test('an IndexedDB partition without IndexedDB keeps working in memory and reports it once', async () => {
    const store = createCacheStore({ name: 'node-missing', indexedDB: null });
    const events: CacheEvent[] = [];
    store.subscribe((event) => events.push(event));
    await store.persist('customer:1', 'q', entry(1));
    await store.persist('customer:1', 'r', entry(2));
    assert.deepEqual(await store.restore('customer:1', 'q'), entry(1));
    assert.equal(await store.restore('customer:1', 'none'), undefined);
    assert.equal(store.degraded, true);
    assert.deepEqual(events.map((event) => event.type === 'degraded' && event.reason), ['unavailable']);
    store.close();
  });

  test('a factory whose open throws degrades once, and nothing is thrown at the caller', async () => {
    const refusing = { open: () => { throw new Error('SecurityError'); } } as unknown as IDBFactory;
    const store = createCacheStore({ name: 'node-throws', indexedDB: refusing });
    const reasons: string[] = [];
    store.subscribe((event) => event.type === 'degraded' && reasons.push(event.reason));
    await store.persist('p', 'q', entry(1));
    await store.remove('p', 'q');
    await store.clear('p');
    assert.equal(await store.restore('p', 'q'), undefined);
    assert.deepEqual(reasons, ['unavailable']);
    store.close();
  });

  test('two stores on one channel stand in for two tabs: a memory-only write stays in its tab, a clear reaches the other', async () => {
    const awake = setInterval(() => undefined, 1000); // the store's channel does not keep Node running
    const tab1 = createCacheStore({ name: 'node-tabs', indexedDB: null, persist: () => 'memory' });
    const tab2 = createCacheStore({ name: 'node-tabs', indexedDB: null, persist: () => 'memory' });
    const events: CacheEvent[] = [];
    tab2.subscribe((event) => events.push(event));
    const next = () => new Promise<CacheEvent>((resolve) => { const stop = tab2.subscribe((event) => (stop(), resolve(event))); });
    await tab2.persist('p', 'q', entry('old'));
    await tab2.persist('other', 'q', entry('kept'));
    // Nothing of a memory-only write is news elsewhere (the other tab could not restore it, and would
    // go to the network; two clients on one page would then echo each other's answers forever).
    await tab1.persist('p', 'q', entry('new'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(events, []);
    assert.deepEqual(tab2.peek('p', 'q'), entry('old'));
    // A clear (logout) is: the other tab drops its copy of that partition.
    const stale = next();
    await tab1.clear('p');
    assert.deepEqual(await stale, { type: 'stale', partition: 'p', key: undefined });
    assert.equal(tab2.peek('p', 'q'), undefined);
    assert.deepEqual(tab2.peek('other', 'q'), entry('kept'));
    tab1.close();
    tab2.close();
    clearInterval(awake);
  });
});
