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

  /** Writes `count` notes while the server cannot be reached: all queued. `whileDown` runs before the
   * server is reachable again (a page that goes away while offline). */
  async function queuedWrites(client: KithClient, label: string, count: number, whileDown?: () => void): Promise<string[]> {
    await faultProxy('down');
    const texts = Array.from({ length: count }, (_, i) => uniqueText(`${label} ${i}`));
    for (const text of texts) expect((await client.write(noteSpec(server.sampleCustomerId, text))).status).to.equal('queued');
    whileDown?.();
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

  it('two pages flushing at once send each entry once, none twice (one flusher per partition: Web Locks)', async () => {
    const { url } = await faultProxy('pass');
    const name = pages.name();
    const writer = pageClient(url, name);
    const seenWriter = record(writer);
    // Closed while the server is still unreachable: its retry timer may be due by now, and had it
    // been closed after, that retry could have delivered an entry itself (a live page may).
    const texts = await queuedWrites(writer, 'two pages', 3, () => writer.close());
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
    expect(seenWriter.delivered(), 'nothing sent by the closed page').to.deep.equal([]);
  });

  it('a page closed while its flush waits for the token function sends nothing more', async () => {
    const { url } = await faultProxy('pass');
    const name = pages.name();
    let gate: Promise<string> | undefined;
    let asked = 0;
    const page = pages.client({ baseUrl: url, key: server.publishableKey, token: () => (asked++, gate ?? token), outbox: { name } });
    const seen = record(page);
    let release = (_token: string) => {};
    let before = 0;
    // Gated before the server is back, so no flush of this page (its retry timer) can send it first.
    const [text = ''] = await queuedWrites(page, 'closed while asking', 1, () => {
      gate = new Promise<string>((resolve) => (release = resolve));
      before = asked;
    });
    const flushing = page.outbox.flush();
    await until(() => asked > before, 'the flush asks the token function');
    page.close();
    release(token);
    await flushing; // it ended: had it gone on after the close, it would have sent the entry by now
    expect(seen.delivered(), 'nothing sent after close()').to.deep.equal([]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(0);
    expect(await storedEntries(name)).to.have.length(1);
    // Left to the next page, which sends it once (never before: no replay).
    gate = undefined;
    const later = pageClient(url, name);
    const seenLater = record(later);
    await later.outbox.flush();
    await until(() => seenLater.delivered().length > 0, 'the next page delivers it');
    expect(seenLater.delivered().map((event) => event.replayed)).to.deep.equal([false]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it("closing a page aborts its attempt in flight: no request of that page's goes out after close()", async () => {
    const { url } = await faultProxy('pass');
    const name = pages.name();
    let hold: Promise<void> = Promise.resolve();
    let fetches = 0;
    // Every request of this page waits for `hold` before it goes out (with its own signal).
    const gatedFetch: typeof fetch = async (input, init) => {
      fetches++;
      await hold;
      return fetch(input, init);
    };
    const page = pages.client({ baseUrl: url, key: server.publishableKey, token: () => token, outbox: { name }, fetch: gatedFetch });
    const seen = record(page);
    let release = () => {};
    let before = 0;
    // Held before the server is back, so no flush of this page (its retry timer) can send it first.
    const [text = ''] = await queuedWrites(page, 'closed while sending', 1, () => {
      hold = new Promise<void>((resolve) => (release = resolve));
      before = fetches;
    });
    const flushing = page.outbox.flush();
    await until(() => fetches > before, 'the flush sends the entry');
    page.close();
    release();
    await flushing;
    expect(seen.delivered(), 'nothing delivered after close()').to.deep.equal([]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(0);
    const [left] = await storedEntries(name);
    expect(left?.attempts, 'left as it was: the aborted attempt is not counted').to.equal(1);
  });

  it('an entry a closed page wrote and never attempted is sent by the next forced flush, not after the grace', async () => {
    const { url } = await faultProxy('pass');
    const name = pages.name();
    let failing = false;
    const writer = pages.client({
      baseUrl: url,
      key: server.publishableKey,
      token: () => (failing ? Promise.reject(new Error('token backend offline')) : token),
      outbox: { name },
    });
    await writer.outbox.flush(); // learns its subject, under which a write is kept while the token function fails
    failing = true;
    const text = uniqueText('never attempted');
    const result = await writer.write(noteSpec(server.sampleCustomerId, text));
    expect(result.status).to.equal('queued');
    expect(result.status === 'queued' && result.entry.attempts).to.equal(0);
    writer.close();
    const later = pageClient(url, name);
    const seen = record(later);
    await later.outbox.flush(); // "retry now": its author is gone, nobody is sending it
    expect(seen.delivered().map((event) => event.body !== null)).to.deep.equal([true]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
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
