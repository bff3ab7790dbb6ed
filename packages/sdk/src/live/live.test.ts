// Live updates against the REAL server (an isolated one per file and browser, so stopping
// it disturbs no other file): fan-out by topic on one stream, refusals, restarts, tokens.
import { expect } from '@open-wc/testing';
import type { KithEvent, Scope } from '@kith/schema';
import { mintToken, serverInfo, startServer, stopServer, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { createCredentials, type TokenSource } from '../credentials.js';
import type { KithError } from '../errors.js';
import { createLive, type Live, type LiveStatus } from './live.js';

/** Polls `check` until it holds (the test's own timeout bounds the wait). */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2400; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('live updates against the real server', () => {
  let server: KithServerInfo;
  const used = new Set<string>();
  let opened: Live[] = [];
  before(async () => {
    server = await serverInfo({ isolated: true });
  });
  afterEach(() => {
    for (const live of opened) live.close();
    opened = [];
  });

  async function staffCall(path: string, scopes: Scope[], body?: unknown): Promise<Record<string, unknown>> {
    const { token } = await mintToken({ kind: 'staff', scopes });
    const response = await fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer;
  }

  /** A seeded review awaiting moderation that no other test used. */
  async function pendingReview(): Promise<{ id: string; productId: string }> {
    const page = await staffCall('/v1/feedback?kind=review&status=pending&limit=50', ['feedback:read']);
    const review = (page.items as { id: string; productId: string }[]).find((item) => !used.has(item.id));
    if (!review) throw new Error('no pending review left in the demo data');
    used.add(review.id);
    return review;
  }

  /** Publishing announces `review.published` on the product's public topic. */
  const publish = (id: string) => staffCall(`/v1/feedback/${id}/moderate`, ['feedback:moderate'], { action: 'publish' });

  /** A staff note announces `interaction.created` on the customer's topic; resolves with its id. */
  async function logNote(): Promise<string> {
    const interaction = await staffCall(`/v1/customers/${server.sampleCustomerId}/interactions`, ['interactions:write'], {
      channel: 'phone',
      type: 'note',
      direction: 'internal',
      phase: 'sale',
      summary: 'Live updates test',
    });
    return interaction.id as string;
  }

  /** A client's live updates, with every `/v1/events` request it made. */
  function live(token?: TokenSource) {
    const requests: { signal: AbortSignal; authorization: string | null; lastEventId: string | null }[] = [];
    const recording: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers);
      if (init?.signal) requests.push({ signal: init.signal, authorization: headers.get('authorization'), lastEventId: headers.get('last-event-id') });
      return fetch(input, init);
    };
    const client = createLive({
      baseUrl: server.url,
      credentials: createCredentials(server.publishableKey, token),
      fetch: recording,
      backoff: { maxMs: 300 },
    });
    opened.push(client);
    const statuses: LiveStatus[] = [];
    const errors: KithError[] = [];
    const events: KithEvent[] = [];
    const follow = (topics: string[], into = events) =>
      client.subscribe(topics, (event) => into.push(event), {
        onStatus: (status) => statuses.push(status),
        onError: (error) => errors.push(error),
      });
    return { client, requests, statuses, errors, events, follow };
  }

  const staffToken = (scopes: Scope[] = ['customers:read']): TokenSource => async () => (await mintToken({ kind: 'staff', scopes })).token;
  const product = (id: string) => `product:${id}` as const;
  const customer = () => `customer:${server.sampleCustomerId}` as const;

  it('a product topic receives review.published with the publishable key alone', async () => {
    const review = await pendingReview();
    const { client, events, follow, requests } = live();
    follow([product(review.productId)]);
    await until(() => client.status === 'open', 'the stream to open');
    expect(requests[0]?.authorization).to.equal(`Bearer ${server.publishableKey}`);
    await publish(review.id);
    await until(() => events.length > 0, 'review.published');
    expect(events[0]?.type).to.equal('review.published');
    expect(events[0]?.topic).to.equal(product(review.productId));
    expect(events[0]?.data.reviewId).to.equal(review.id);
  });

  it('two subscribers on one stream each get only their topics', async () => {
    const review = await pendingReview();
    const { client, follow, requests } = live(staffToken());
    const notes: KithEvent[] = [];
    const reviews: KithEvent[] = [];
    follow([customer()], notes);
    follow([product(review.productId)], reviews);
    await until(() => client.status === 'open', 'the stream to open');
    expect(requests.filter((request) => !request.signal.aborted)).to.have.length(1);
    const noteId = await logNote();
    await publish(review.id);
    await until(() => notes.length > 0 && reviews.length > 0, 'both events');
    expect(notes.map((event) => [event.type, event.data.interactionId])).to.deep.equal([['interaction.created', noteId]]);
    expect(reviews.map((event) => [event.type, event.data.reviewId])).to.deep.equal([['review.published', review.id]]);
  });

  it('the last unsubscribe aborts the stream', async () => {
    const { client, follow, requests, statuses } = live(staffToken(['customers:read', 'feedback:read']));
    const stopA = follow([customer()]);
    const stopB = follow(['inbox']);
    await until(() => client.status === 'open', 'the stream to open');
    const open = requests.at(-1);
    stopA();
    await until(() => client.status === 'open' && requests.at(-1) !== open, 'the stream of the remaining topic');
    expect(open?.signal.aborted).to.equal(true);
    stopB();
    expect(requests.at(-1)?.signal.aborted).to.equal(true);
    expect(client.status).to.equal('closed');
    expect(statuses.at(-1)).to.not.equal('closed'); // the unsubscribed hear nothing more
  });

  it('a refused token: a fresh one is fetched and the stream opens', async () => {
    let calls = 0;
    const source: TokenSource = async () => (++calls === 1 ? 'not-a-valid-token' : (await mintToken({ kind: 'staff', scopes: ['customers:read'] })).token);
    const { client, events, follow, requests } = live(source);
    follow([customer()]);
    await until(() => client.status === 'open', 'the stream to open');
    expect(requests.map((request) => request.authorization === 'Bearer not-a-valid-token')).to.deep.equal([true, false]);
    const noteId = await logNote();
    await until(() => events.length > 0, 'the event');
    expect(events[0]?.data.interactionId).to.equal(noteId);
  });

  it('a topic the credential may not read: forbidden, and no retries', async () => {
    const { client, follow, requests, statuses, errors } = live();
    follow([customer()]);
    await until(() => client.status === 'forbidden', 'forbidden');
    // Longer than several backoff periods (300 ms at most here): no request follows.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(requests).to.have.length(1);
    expect(statuses).to.deep.equal(['connecting', 'forbidden']);
    expect(errors.map((error) => error.code)).to.deep.equal(['forbidden']);
  });

  it('the server stops and starts: reconnecting, then resumed without duplicates', async function () {
    this.timeout(60_000);
    // One token minted up front: nothing can mint one while the server is down.
    const { token } = await mintToken({ kind: 'staff', scopes: ['customers:read'] });
    const { client, events, follow, statuses, requests } = live(() => token);
    follow([customer()]);
    await until(() => client.status === 'open', 'the stream to open');
    const before = await logNote();
    await until(() => events.length === 1, 'the first event');
    await stopServer();
    await until(() => client.status === 'reconnecting', 'reconnecting');
    await startServer();
    await until(() => client.status === 'open', 'the stream to open again');
    const after = await logNote();
    await until(() => events.some((event) => event.data.interactionId === after), 'the event after the restart');
    expect(events.map((event) => event.data.interactionId)).to.deep.equal([before, after]);
    expect(statuses).to.include('reconnecting');
    expect(requests.at(-1)?.lastEventId).to.equal(events[0]?.id);
  });

  it('a token about to expire is replaced and the stream resumes', async function () {
    this.timeout(60_000);
    // A 30-second token is replaced at half its life, before the server ends the stream.
    const { client, events, follow, requests } = live(async () => (await mintToken({ kind: 'staff', scopes: ['customers:read'], expiresInSeconds: 30 })).token);
    follow([customer()]);
    await until(() => client.status === 'open', 'the stream to open');
    const first = await logNote();
    await until(() => events.length === 1, 'the first event');
    await until(() => requests.length === 2 && client.status === 'open', 'the stream with a fresh token');
    expect(requests[1]?.authorization).to.not.equal(requests[0]?.authorization);
    expect(requests[1]?.lastEventId).to.equal(events[0]?.id);
    const second = await logNote();
    await until(() => events.length === 2, 'the second event');
    expect(events.map((event) => event.data.interactionId)).to.deep.equal([first, second]);
  });
});
