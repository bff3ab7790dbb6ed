// The outbox's storage in real IndexedDB: stored durably before the first attempt, its own database,
// kept through logout, and every way IndexedDB can be unusable (missing, refusing, stuck, full) —
// degraded once, never hanging, writes still sent.
import { expect } from '@open-wc/testing';
import { faultProxy, serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { ClientOptions, KithClient } from '../index.js';
import { countRows, deleteDatabase, noteSpec, Pages, record, staffToken, storedEntries, uniqueText } from './fixtures.js';

describe('outbox storage', () => {
  let server: KithServerInfo;
  let token: string;
  const pages = new Pages();
  before(async () => {
    server = await serverInfo();
    token = await staffToken();
  });
  afterEach(async () => {
    await faultProxy('pass');
    await pages.cleanup();
  });

  const staffClient = (outbox: NonNullable<ClientOptions['outbox']>, extra: Partial<ClientOptions> = {}): KithClient =>
    pages.client({ baseUrl: server.url, key: server.publishableKey, token: () => token, outbox, ...extra });

  it('stores the entry, with strict durability, before the first attempt', async () => {
    const name = pages.name();
    const durabilities: (string | undefined)[] = [];
    const original = IDBDatabase.prototype.transaction;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (this.name === name && args[1] === 'readwrite') durabilities.push(args[2]?.durability);
      return original.apply(this, args);
    };
    const seenAtSend: boolean[] = [];
    // The real fetch, observed: at the moment the request leaves, is its entry already stored?
    const observed: typeof fetch = async (input, init) => {
      const key = new Headers(init?.headers).get('idempotency-key');
      if (init?.method === 'POST') seenAtSend.push((await storedEntries(name)).some((entry) => entry.idempotencyKey === key));
      return fetch(input, init);
    };
    try {
      const client = staffClient({ name }, { fetch: observed });
      const result = await client.write(noteSpec(server.sampleCustomerId, uniqueText('durable first')));
      expect(result.status).to.equal('sent');
    } finally {
      IDBDatabase.prototype.transaction = original;
    }
    expect(seenAtSend).to.deep.equal([true]);
    expect(durabilities[0], 'the first write transaction is the strict put').to.equal('strict');
    expect(await storedEntries(name), 'removed once delivered').to.deep.equal([]);
  });

  it('uses its own database: a cache version bump leaves unsent writes alone', async () => {
    const cacheName = pages.name();
    const outbox = { name: pages.name() };
    const proxy = await faultProxy('down');
    const first = pages.client({ baseUrl: proxy.url, key: server.publishableKey, token: () => token, outbox, cache: { name: cacheName, version: 1, persistStaff: true } });
    const text = uniqueText('cache bump');
    expect((await first.write(noteSpec(server.sampleCustomerId, text))).status).to.equal('queued');
    first.close();
    await faultProxy('pass');
    const bumped = pages.client({ baseUrl: proxy.url, key: server.publishableKey, token: () => token, outbox, cache: { name: cacheName, version: 2, persistStaff: true } });
    await bumped.customers.get(server.sampleCustomerId); // opens (and upgrades) the cache database
    expect((await storedEntries(outbox.name)).map((entry) => entry.body)).to.deep.equal([noteSpec(server.sampleCustomerId, text).body]);
    await bumped.outbox.flush();
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it("logout (client.clear()) keeps the author's unsent entries for their next sign-in", async () => {
    const proxy = await faultProxy('down');
    const name = pages.name();
    const client = pages.client({ baseUrl: proxy.url, key: server.publishableKey, token: () => token, outbox: { name } });
    const text = uniqueText('kept through logout');
    expect((await client.write(noteSpec(server.sampleCustomerId, text))).status).to.equal('queued');
    await client.clear();
    expect(await storedEntries(name)).to.have.length(1);
    await faultProxy('pass');
    await client.outbox.flush(); // signed in again: the token function answers for the same person
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it('another page deleting the database is not blocked (versionchange closes the connection); the next write reopens it', async () => {
    const name = pages.name();
    const client = staffClient({ name });
    expect((await client.write(noteSpec(server.sampleCustomerId, uniqueText('before delete')))).status).to.equal('sent');
    await deleteDatabase(name); // would wait for ever if the outbox kept its connection open
    const proxy = await faultProxy('down');
    const later = pages.client({ baseUrl: proxy.url, key: server.publishableKey, token: () => token, outbox: { name } });
    expect((await later.write(noteSpec(server.sampleCustomerId, uniqueText('after delete')))).status).to.equal('queued');
    expect(await storedEntries(name)).to.have.length(1);
    // The first client's connection was closed under it: it reopens on next use, not degraded.
    expect((await client.write(noteSpec(server.sampleCustomerId, uniqueText('reopened')))).status).to.equal('sent');
    expect(client.outbox.degraded).to.equal(false);
  });

  describe('IndexedDB unusable: memory for this page, degraded once, writes still sent', () => {
    /** Two writes through a client over `indexedDB`; returns the client and what it reported. */
    async function twoWrites(indexedDB: IDBFactory | null) {
      const client = staffClient({ name: pages.name(), indexedDB });
      const seen = record(client);
      const texts = [uniqueText('degraded 1'), uniqueText('degraded 2')];
      const results = [];
      for (const text of texts) results.push((await client.write(noteSpec(server.sampleCustomerId, text))).status);
      expect(results).to.deep.equal(['sent', 'sent']);
      for (const text of texts) expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
      expect(client.outbox.degraded).to.equal(true);
      return seen.degraded().map((event) => event.reason);
    }

    it('no IndexedDB at all (indexedDB: null)', async () => {
      expect(await twoWrites(null)).to.deep.equal(['unavailable']);
    });

    it('a factory whose open throws (storage blocked)', async () => {
      const refusing = { open: () => { throw new DOMException('The operation is insecure.', 'SecurityError'); } } as unknown as IDBFactory;
      expect(await twoWrites(refusing)).to.deep.equal(['unavailable']);
    });

    it('a factory whose open request errors', async () => {
      const name = pages.name();
      await new Promise<void>((resolve, reject) => {
        const newer = indexedDB.open(name, 5); // a newer version than the outbox's: its open fails with VersionError
        newer.onsuccess = () => (newer.result.close(), resolve());
        newer.onerror = () => reject(newer.error ?? new Error('open failed'));
      });
      const erroring = { open: () => indexedDB.open(name, 1) } as unknown as IDBFactory;
      expect(await twoWrites(erroring)).to.deep.equal(['unavailable']);
    });

    it('an open that never finishes (stuck behind another page) does not hang the write', async () => {
      const name = pages.name();
      const holder = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name, 1);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error ?? new Error('open failed'));
      });
      // A deletion blocked by `holder` (which never closes on versionchange): opens queue behind it.
      const deletion = deleteDatabase(name);
      try {
        const client = staffClient({ name });
        const seen = record(client);
        const text = uniqueText('stuck open');
        expect((await client.write(noteSpec(server.sampleCustomerId, text))).status).to.equal('sent');
        expect(seen.degraded().map((event) => event.reason)).to.deep.equal(['unavailable']);
        expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
      } finally {
        holder.close();
        await deletion;
      }
    });

    it('a full quota on the put: degraded "quota" once; the write is still attempted, a queued one kept in memory', async () => {
      const proxy = await faultProxy('pass');
      const client = pages.client({ baseUrl: proxy.url, key: server.publishableKey, token: () => token, outbox: { name: pages.name() } });
      const seen = record(client);
      const original = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      const sentText = uniqueText('quota sent');
      const queuedText = uniqueText('quota queued');
      try {
        expect((await client.write(noteSpec(server.sampleCustomerId, sentText))).status).to.equal('sent');
        await faultProxy('down');
        expect((await client.write(noteSpec(server.sampleCustomerId, queuedText))).status).to.equal('queued');
      } finally {
        IDBObjectStore.prototype.put = original;
      }
      expect(seen.degraded().map((event) => event.reason)).to.deep.equal(['quota']);
      expect(client.outbox.entries.map((entry) => entry.body)).to.deep.equal([noteSpec(server.sampleCustomerId, queuedText).body]);
      await faultProxy('pass');
      await client.outbox.flush();
      expect(client.outbox.entries).to.deep.equal([]);
      expect(await countRows(server, server.sampleCustomerId, sentText)).to.equal(1);
      expect(await countRows(server, server.sampleCustomerId, queuedText)).to.equal(1);
    });
  });
});
