// The outbox against the REAL server (this file's isolated one, which a test may stop): delivered
// once through a stopped server, a lost answer, a rate limit, a refusal and resubmission, expiry
// and a change of subject. Rows are counted on the server by the unique text each test writes.
import { expect } from '@open-wc/testing';
import { Customer, Interaction, InteractionPage } from '@kith/schema';
import { faultProxy, mintToken, serverInfo, startServer, stopServer, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { KithClient } from '../index.js';
import { complaintSpec, countRows, noteSpec, Pages, record, staffToken, storedEntries, uniqueText, until } from './fixtures.js';
import type { OutboxEntry } from './types.js';

const DAY = 86_400_000;

describe('outbox: delivered exactly once', () => {
  let server: KithServerInfo;
  let token: string;
  const pages = new Pages();
  before(async () => {
    server = await serverInfo({ isolated: true });
    token = await staffToken();
  });
  afterEach(async () => {
    await faultProxy('pass');
    await pages.cleanup();
  });

  /** A staff client over a fresh outbox database, at `baseUrl` (the server, or the fault proxy). */
  const staffClient = (baseUrl = server.url, extra: Partial<Parameters<Pages['client']>[0]> = {}): KithClient =>
    pages.client({ baseUrl, key: server.publishableKey, token: () => token, outbox: { name: pages.name() }, ...extra });

  it('sends at once when the server answers: sent, validated, one row, one delivered event, nothing left', async () => {
    const client = staffClient();
    const seen = record(client);
    const text = uniqueText('at once');
    const result = await client.write(noteSpec(server.sampleCustomerId, text));
    expect(result.status).to.equal('sent');
    if (result.status !== 'sent') return;
    expect(Interaction.safeParse(result.data).success).to.equal(true);
    expect(result.data.summary).to.equal(text);
    expect(result.replayed).to.equal(false);
    expect(seen.delivered().map((event) => event.entry.id)).to.deep.equal([result.entryId]);
    expect(client.outbox.entries).to.deep.equal([]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it('server down → queued (kept, readable) → server up → delivered once', async () => {
    const client = staffClient();
    const seen = record(client);
    const text = uniqueText('server down');
    await stopServer();
    let queued: OutboxEntry;
    try {
      const result = await client.write(noteSpec(server.sampleCustomerId, text));
      expect(result.status).to.equal('queued');
      if (result.status !== 'queued') return;
      queued = result.entry;
      expect(queued.error?.code).to.equal('network');
      expect(queued.attempts).to.equal(1);
      expect(client.outbox.pending).to.equal(1);
      expect(client.outbox.entries.map((entry) => entry.body)).to.deep.equal([noteSpec(server.sampleCustomerId, text).body]);
    } finally {
      await startServer();
    }
    await client.outbox.flush();
    expect(seen.delivered().map((event) => event.entry.id)).to.deep.equal([queued.id]);
    expect(client.outbox.entries).to.deep.equal([]);
    await client.outbox.flush(); // nothing left to send twice
    expect(seen.delivered()).to.have.length(1);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it("is sent when the browser says it is back online (the window's online event)", async () => {
    const proxy = await faultProxy('down');
    const client = staffClient(proxy.url);
    const seen = record(client);
    const text = uniqueText('online');
    expect((await client.write(noteSpec(server.sampleCustomerId, text))).status).to.equal('queued');
    await faultProxy('pass');
    window.dispatchEvent(new Event('online'));
    await until(() => seen.delivered().length === 1, 'delivered after the online event');
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it('once delivered, the reads it names fetch again: an observed timeline shows the note', async () => {
    const proxy = await faultProxy('pass');
    const client = staffClient(proxy.url);
    const text = uniqueText('invalidates');
    const timeline = client.read({ path: `/v1/customers/${server.sampleCustomerId}/interactions`, query: { q: text }, schema: InteractionPage });
    let total: number | undefined;
    const stop = timeline.subscribe((state) => (total = state.data?.total ?? total));
    try {
      await until(() => total === 0, 'the timeline read answered');
      await faultProxy('down');
      expect((await client.write(noteSpec(server.sampleCustomerId, text))).status).to.equal('queued');
      await faultProxy('pass');
      await client.outbox.flush();
      await until(() => total === 1, 'the observed read fetched again after the delivery');
    } finally {
      stop();
    }
  });

  it('the answer is lost after the server applied the write: the retry gets the saved answer (replayed), one row', async () => {
    const proxy = await faultProxy('drop-answer-once');
    const client = staffClient(proxy.url);
    const text = uniqueText('lost answer');
    const result = await client.write(noteSpec(server.sampleCustomerId, text));
    expect((await faultProxy()).dropped, 'the proxy dropped an answer').to.equal(1);
    expect(result.status).to.equal('sent');
    if (result.status !== 'sent') return;
    expect(result.replayed).to.equal(true);
    expect(result.data.summary).to.equal(text);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it('the same through the stored retry when the transport does not retry: queued, then replayed on flush, one row', async () => {
    const proxy = await faultProxy('drop-answer-once');
    const client = staffClient(proxy.url, { retry: false });
    const seen = record(client);
    const text = uniqueText('lost answer, stored retry');
    const result = await client.write(noteSpec(server.sampleCustomerId, text));
    expect((await faultProxy()).dropped).to.equal(1);
    expect(result.status).to.equal('queued');
    await client.outbox.flush();
    expect(seen.delivered().map((event) => event.replayed)).to.deep.equal([true]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it("honours a server's Retry-After beyond the transport's patience: not retried before it, even by flush()", async () => {
    const proxy = await faultProxy('rate-limit-once', { retryAfterSeconds: 120 });
    let clock = Date.now();
    const client = staffClient(proxy.url, { now: () => clock });
    const text = uniqueText('rate limited');
    const result = await client.write(noteSpec(server.sampleCustomerId, text));
    expect((await faultProxy()).limited).to.equal(1);
    expect(result.status).to.equal('queued');
    if (result.status !== 'queued') return;
    expect(result.entry.error?.code).to.equal('rate_limited');
    expect(result.entry.nextAttemptAt - clock).to.be.at.least(120_000);
    await client.outbox.flush();
    expect(client.outbox.entries.map((entry) => entry.attempts)).to.deep.equal([1]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(0);
    clock += 121_000;
    await client.outbox.flush();
    expect(client.outbox.entries).to.deep.equal([]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it('a 4xx fails the entry with its payload intact → edited → resubmitted with a new key → one row', async () => {
    const client = staffClient();
    const text = uniqueText('refused');
    const tooLong = noteSpec(server.sampleCustomerId, `${text} ${'x'.repeat(300)}`);
    const result = await client.write(tooLong);
    expect(result.status).to.equal('failed');
    if (result.status !== 'failed') return;
    expect(result.error.code).to.equal('validation');
    const [failed] = client.outbox.entries;
    expect(failed?.state).to.equal('failed');
    expect(failed?.body, 'what the person wrote, to show again').to.deep.equal(tooLong.body);
    expect(failed?.error?.issues.map((issue) => issue.path.join('.'))).to.include('summary');
    expect((await storedEntries(pages.nameOf(client))).map((entry) => entry.id)).to.deep.equal([failed?.id]);

    const edited = { ...(failed?.body as object), summary: text };
    const resent = await client.outbox.resubmit(failed?.id ?? '', edited, Interaction);
    expect(resent.status).to.equal('sent');
    if (resent.status !== 'sent') return;
    expect(resent.entryId).not.to.equal(failed?.id);
    expect(client.outbox.entries).to.deep.equal([]);
    expect(await storedEntries(pages.nameOf(client))).to.deep.equal([]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
    // The refused entry is gone: resubmitting it again is refused, not a second row.
    const again = await client.outbox.resubmit(failed?.id ?? '', edited, Interaction).then(() => 'resolved', (error: { code?: string }) => error.code);
    expect(again).to.equal('not_found');
  });

  it('a conflict (409) keeps the current record on the failed entry; resubmitted against its version, it lands', async () => {
    const { token: editor } = await mintToken({ kind: 'staff', scopes: ['customers:read', 'customers:write'] });
    const path = `/v1/customers/${server.sampleCustomerId}`;
    const headers = { authorization: `Bearer ${editor}` };
    const before = Customer.parse(await (await fetch(`${server.url}${path}`, { headers })).json());
    // Someone else edits first: the version this page edited against is now stale.
    const other = await fetch(`${server.url}${path}`, {
      method: 'PATCH', headers: { ...headers, 'content-type': 'application/json', 'if-match': `"${before.version}"` }, body: JSON.stringify({ name: `${before.name} (edited elsewhere)` }),
    });
    expect(other.status).to.equal(200);
    const client = pages.client({ baseUrl: server.url, key: server.publishableKey, token: () => editor, outbox: { name: pages.name() } });
    const name = `Renamed ${crypto.randomUUID().slice(0, 8)}`;
    const result = await client.write({ kind: 'customers.update', method: 'PATCH', path, body: { name }, ifMatch: before.version, schema: Customer });
    expect(result.status).to.equal('failed');
    if (result.status !== 'failed') return;
    expect(result.error.code).to.equal('conflict');
    const current = Customer.parse(result.entry.error?.current);
    expect(current.version).to.equal(before.version + 1);
    expect(result.entry.body).to.deep.equal({ name });
    const resent = await client.outbox.resubmit(result.entry.id, { name }, Customer, { ifMatch: current.version });
    expect(resent.status).to.equal('sent');
    if (resent.status !== 'sent') return;
    expect([resent.data.name, resent.data.version]).to.deep.equal([name, current.version + 1]);
  });

  it('a resubmitted entry gets a new idempotency key, and the old one is removed in the same step', async () => {
    const proxy = await faultProxy('down');
    const client = staffClient(proxy.url);
    const first = await client.write(noteSpec(server.sampleCustomerId, uniqueText('pending edit')));
    expect(first.status).to.equal('queued');
    if (first.status !== 'queued') return;
    const text = uniqueText('edited while pending');
    const second = await client.outbox.resubmit(first.entry.id, { ...(first.entry.body as object), summary: text }, Interaction);
    expect(second.status).to.equal('queued');
    if (second.status !== 'queued') return;
    expect(second.entry.idempotencyKey).not.to.equal(first.entry.idempotencyKey);
    expect((await storedEntries(pages.nameOf(client))).map((entry) => entry.id)).to.deep.equal([second.entry.id]);
    await faultProxy('pass');
    await client.outbox.flush();
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(1);
  });

  it('discard removes an entry the person gave up on (memory and IndexedDB)', async () => {
    const client = staffClient();
    const result = await client.write(noteSpec(server.sampleCustomerId, ''));
    expect(result.status).to.equal('failed');
    if (result.status !== 'failed') return;
    await client.outbox.discard(result.entry.id);
    expect(client.outbox.entries).to.deep.equal([]);
    expect(await storedEntries(pages.nameOf(client))).to.deep.equal([]);
  });

  it('is retried for 7 days from its creation by the injectable clock, then fails "expired unsent", payload intact', async () => {
    const proxy = await faultProxy('down');
    const start = Date.now();
    let clock = start;
    const client = staffClient(proxy.url, { now: () => clock });
    const text = uniqueText('expires');
    const result = await client.write(noteSpec(server.sampleCustomerId, text));
    expect(result.status).to.equal('queued');
    clock = start + 7 * DAY - 1;
    await client.outbox.flush();
    expect(client.outbox.entries.map((entry) => [entry.state, entry.attempts])).to.deep.equal([['pending', 2]]);
    clock = start + 7 * DAY;
    await faultProxy('pass');
    await client.outbox.flush();
    const [expired] = client.outbox.entries;
    expect(expired?.state).to.equal('failed');
    expect(expired?.attempts, 'not sent once more').to.equal(2);
    expect(expired?.error?.code).to.equal('timeout');
    expect(expired?.error?.message).to.match(/expired unsent/i);
    expect(expired?.body).to.deep.equal(noteSpec(server.sampleCustomerId, text).body);
    expect(client.outbox.pending).to.equal(0);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(0);
  });

  it("partitioned by subject: customer A's entry is never sent under B's token; it goes when A signs back in", async () => {
    const { token: staff } = await mintToken({ kind: 'staff', scopes: ['customers:read'] });
    const list = await (await fetch(`${server.url}/v1/customers?limit=5`, { headers: { authorization: `Bearer ${staff}` } })).json() as { items: { id: string }[] };
    const otherId = list.items.map((item) => item.id).find((id) => id !== server.sampleCustomerId);
    if (!otherId) throw new Error('the demo data has a second customer');
    const tokenA = (await mintToken({ kind: 'customer' })).token;
    const tokenB = (await mintToken({ kind: 'customer', subject: otherId })).token;
    // A token that claims to be A but that the server refuses (bad signature): after the 401 the
    // token function gives B's — the transport must then refuse to send A's entry as B.
    const forgedA = `${tokenA.slice(0, tokenA.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    const tokens: string[] = [];
    let next = (): string => tokenA;
    const proxy = await faultProxy('down');
    const client = pages.client({ baseUrl: proxy.url, key: server.publishableKey, token: () => {
      const issued = next();
      tokens.push(issued);
      return issued;
    }, outbox: { name: pages.name() } });
    const text = uniqueText('partitioned');
    const written = await client.write(complaintSpec(text));
    expect(written.status).to.equal('queued');
    if (written.status !== 'queued') return;
    expect(written.entry.partition).to.equal(`${proxy.url} customer:${server.sampleCustomerId}`);
    await faultProxy('pass');

    next = () => tokenB; // B signs in on this device
    await client.outbox.flush();
    expect(client.outbox.entries, "B's view: none of A's entries").to.deep.equal([]);

    const sequence = [forgedA, tokenB];
    next = () => sequence.shift() ?? tokenB;
    await client.outbox.flush();
    // The 401 did ask for a new token (the client may also ask on its own when the subject changes).
    const forged = tokens.indexOf(forgedA);
    expect(forged, 'the forged token was used').to.be.greaterThan(-1);
    expect(tokens[forged + 1]).to.equal(tokenB);
    const [held] = await storedEntries(pages.nameOf(client));
    expect([held?.id, held?.state, held?.attempts], 'held for A, not counted as a failure').to.deep.equal([written.entry.id, 'pending', 1]);
    expect(await countRows(server, server.sampleCustomerId, text)).to.equal(0);
    expect(await countRows(server, otherId, text)).to.equal(0);

    next = () => tokenA; // A signs back in
    await client.outbox.flush();
    expect(await storedEntries(pages.nameOf(client))).to.deep.equal([]);
    expect(await countRows(server, server.sampleCustomerId, text), "on A's timeline: sent as A").to.equal(1);
    expect(await countRows(server, otherId, text)).to.equal(0);
  });
});
