// The outbox across pages: a reload delivers what an earlier page left, and two pages flushing at
// once send each entry once (Web Locks). "Pages" are new clients over the same IndexedDB and, for
// real, same-origin iframes: other documents with their own realm, connections and locks.
import { expect } from '@open-wc/testing';
import { faultProxy, serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { KithClient } from '../index.js';
import { countRows, noteSpec, openPage, Pages, pause, record, staffToken, storedEntries, uniqueText, until } from './fixtures.js';

describe('outbox across pages', function () {
  // Loading a second document (an iframe importing the SDK) can take seconds on a busy machine.
  this.timeout(40_000);
  let server: KithServerInfo;
  let token: string;
  const pages = new Pages();
  const frames: { close(): void }[] = [];
  before(async () => {
    server = await serverInfo();
    token = await staffToken();
  });
  afterEach(async () => {
    frames.splice(0).forEach((frame) => frame.close());
    await faultProxy('pass');
    await pages.cleanup();
  });

  /** A client over the outbox database `name`, through the fault proxy; `make` is a page's own createClient. */
  const pageClient = (proxyUrl: string, name: string, make?: Parameters<Pages['client']>[1]): KithClient =>
    pages.client({ baseUrl: proxyUrl, key: server.publishableKey, token: () => token, outbox: { name } }, make);

  /** Writes `count` notes while the server cannot be reached: all queued. */
  async function queuedWrites(client: KithClient, label: string, count: number): Promise<string[]> {
    await faultProxy('down');
    const texts = Array.from({ length: count }, (_, i) => uniqueText(`${label} ${i}`));
    for (const text of texts) expect((await client.write(noteSpec(server.sampleCustomerId, text))).status).to.equal('queued');
    await faultProxy('pass');
    return texts;
  }

  it('reload: a new client over the same database delivers what the earlier page left, once', async () => {
    const { url } = await faultProxy('pass');
    const name = pages.name();
    const earlier = pageClient(url, name);
    const [text = ''] = await queuedWrites(earlier, 'reload', 1);
    earlier.close(); // the page is gone
    const later = pageClient(url, name);
    const seen = record(later); // subscribed before its start-up flush can deliver
    await until(() => seen.delivered().length > 0, 'the reloaded page delivers the entry (its start-up flush or its timer)');
    expect(seen.delivered().map((event) => event.body !== null)).to.deep.equal([true]);
    expect(await storedEntries(name)).to.deep.equal([]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it('reload, as real documents: an iframe writes and goes away, the next iframe delivers it once', async () => {
    const { url } = await faultProxy('pass');
    const name = pages.name();
    const first = await openPage();
    frames.push(first);
    const writer = pageClient(url, name, first.sdk.createClient);
    const [text = ''] = await queuedWrites(writer, 'iframe reload', 1);
    first.close(); // the document is destroyed, its connections and timers with it
    const second = await openPage();
    frames.push(second);
    const reader = pageClient(url, name, second.sdk.createClient);
    const seen = record(reader);
    await until(() => seen.delivered().length > 0, 'the second document delivers the entry');
    expect(seen.delivered()).to.have.length(1);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it('two pages flushing at once send each entry once, none twice (one flusher per partition: Web Locks)', async function () {
    // KNOWN FLAKE, open: twice in many CI runs (Chromium, loaded machine) fewer than three entries
    // were delivered within 20 s — neither page sent the rest in time (they stay queued, nothing
    // is lost or doubled). Suspect: the closed writer's flush still holding the partition's lock.
    // One more try keeps CI honest about a steady failure meanwhile.
    this.retries(1);
    const { url } = await faultProxy('pass');
    const name = pages.name();
    const writer = pageClient(url, name);
    const texts = await queuedWrites(writer, 'two pages', 3);
    writer.close();
    const frame = await openPage();
    frames.push(frame);
    const here = pageClient(url, name);
    const there = pageClient(url, name, frame.sdk.createClient);
    const seenHere = record(here);
    const seenThere = record(there);
    await Promise.all([here.outbox.flush(), there.outbox.flush()]);
    // A flush that finds the other page holding the lock leaves the work to it: wait for all three
    // (a busy machine may take a while), then give any start-up flush or timer of either page its
    // chance to (wrongly) send one again.
    const all = () => [...seenHere.delivered(), ...seenThere.delivered()];
    await until(() => all().length >= 3, 'every entry delivered by one of the pages', 20_000);
    await pause(2500);
    const delivered = all();
    expect(delivered.map((event) => event.entry.id).sort(), 'each entry delivered by exactly one page').to.have.length(3);
    expect(new Set(delivered.map((event) => event.entry.id)).size).to.equal(3);
    expect(delivered.filter((event) => event.replayed), 'no entry sent a second time (a replay)').to.deep.equal([]);
    for (const text of texts) expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
    expect(await storedEntries(name)).to.deep.equal([]);
  });

  it("another page's change shows in this page's entries (BroadcastChannel)", async () => {
    const proxy = await faultProxy('pass');
    const name = pages.name();
    const frame = await openPage();
    frames.push(frame);
    const watcher = pageClient(proxy.url, name);
    await watcher.outbox.flush(); // learns its subject (the token function's), so `entries` lists it
    const writer = pageClient(proxy.url, name, frame.sdk.createClient);
    const [text = ''] = await queuedWrites(writer, 'broadcast', 1);
    await until(() => watcher.outbox.entries.length === 1, 'the other page sees the queued entry');
    expect(watcher.outbox.entries[0]?.body).to.deep.equal(noteSpec(server.sampleCustomerId, text).body);
    await writer.outbox.flush();
    await until(() => watcher.outbox.entries.length === 0, 'the other page sees it delivered');
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });
});
