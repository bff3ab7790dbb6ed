// The transport against the REAL server: writes with Idempotency-Key and If-Match, the
// typed errors they produce, and retries. A server of this file's own (`isolated`), since
// these tests create customers and feedback. Where the real server cannot misbehave on
// demand (a 429 with a short Retry-After, a 5xx, an answer lost after the write), a
// wrapping `fetch` answers for it or drops its answer — and passes every other call through.
import { expect } from '@open-wc/testing';
import { Customer, CustomerPage, FeedbackPage, FeedbackReceipt } from '@kith/schema';
import { closedUrl, mintToken, serverInfo, tokenSource, UNKNOWN_ID, type KithServerInfo } from '../../../test/support/server-commands.js';
import { createTransport, withQuery, type TransportOptions } from './transport.js';
import { kithError, rejection } from './test-support/expect-errors.js';

/** What one call of the wrapping fetch saw. */
interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  credentials: RequestCredentials | undefined;
}

/** Answers call n (from 0) with `steps[n]` when given, else passes it to the real server. */
type Step = (input: RequestInfo | URL, init: RequestInit) => Promise<Response>;

function wrappedFetch(steps: Array<Step | undefined> = []) {
  const seen: Seen[] = [];
  const fetchFn: typeof fetch = (input, init = {}) => {
    seen.push({
      url: String(input),
      method: init.method ?? 'GET',
      headers: { ...(init.headers as Record<string, string>) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body,
      credentials: init.credentials,
    });
    const step = steps[seen.length - 1];
    return step ? step(input, init) : fetch(input, init);
  };
  return { seen, fetch: fetchFn };
}

const answer =
  (status: number, body: unknown, headers: Record<string, string> = {}): Step =>
  async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const tooMany = (seconds: number) =>
  answer(429, { error: { code: 'rate_limited', message: 'Slow down', details: { retryAfterSeconds: seconds } } }, { 'retry-after': String(seconds) });

/** Lets the request reach the server (the write is applied), then loses the answer. */
const answerLost: Step = async (input, init) => {
  await fetch(input, init);
  throw new TypeError('Failed to fetch');
};

const survey = (score = 6, comment = `transport test ${crypto.randomUUID()}`) => ({ kind: 'survey', metric: 'ces', score, comment });

describe('Transport against the real server', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo({ isolated: true });
  });

  /** A transport with the demo publishable key, short retry waits, and the given options. */
  const transport = (options: Partial<TransportOptions> = {}) =>
    createTransport({ baseUrl: server.url, key: server.publishableKey, retry: { baseMs: 5, maxMs: 2_000 }, ...options });
  const staff = (scopes: Parameters<typeof tokenSource>[0]['scopes'], options: Partial<TransportOptions> = {}) =>
    transport({ token: tokenSource({ kind: 'staff', scopes }), ...options });
  const writer = () => staff(['customers:read', 'customers:write']);

  async function newCustomer(): Promise<{ customer: Customer; etag: string | null }> {
    const name = `Transport Test ${crypto.randomUUID()}`;
    const created = await writer().request({ method: 'POST', path: '/v1/customers', body: { kind: 'person', name, tags: ['transport-a', 'transport-b'] }, schema: Customer });
    expect(created.status).to.equal(201);
    return { customer: created.body, etag: created.etag };
  }

  describe('writes', () => {
    it('sends JSON with an Idempotency-Key; a replay with the same key answers the same, marked replayed', async () => {
      const { seen, fetch } = wrappedFetch();
      const key = crypto.randomUUID();
      const body = survey();
      const first = await transport({ fetch }).request({ method: 'POST', path: '/v1/feedback', body, idempotencyKey: key, schema: FeedbackReceipt });
      expect(first.status).to.equal(201);
      expect(first.replayed).to.equal(false);
      expect(first.body.kind).to.equal('survey');
      const again = await transport({ fetch }).request({ method: 'POST', path: '/v1/feedback', body, idempotencyKey: key, schema: FeedbackReceipt });
      expect(again.replayed).to.equal(true);
      expect(again.body).to.deep.equal(first.body);
      expect(seen).to.have.length(2);
      for (const call of seen) {
        expect(call.headers['idempotency-key']).to.equal(key);
        expect(call.headers['content-type']).to.equal('application/json');
        expect(call.credentials).to.equal('omit');
        expect(call.body).to.deep.equal(body);
      }
    });

    it('gives a write without a key one of its own, and a retry after a lost answer reuses it: one row', async () => {
      const { seen, fetch } = wrappedFetch([answerLost]);
      const comment = `lost answer ${crypto.randomUUID()}`;
      const sent = await transport({ fetch }).request({ method: 'POST', path: '/v1/feedback', body: survey(5, comment), schema: FeedbackReceipt });
      expect(seen).to.have.length(2);
      const key = seen[0]?.headers['idempotency-key'];
      expect(key).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(seen[1]?.headers['idempotency-key']).to.equal(key);
      expect(sent.replayed, 'the retry got the saved answer').to.equal(true);
      // The staff view lists comments: exactly one row holds this one.
      const list = await staff(['feedback:read']).request({ method: 'GET', path: '/v1/feedback', query: { kind: 'survey', limit: 100 }, schema: FeedbackPage });
      const rows = list.body.items.filter((item) => item.kind === 'survey' && item.comment === comment);
      expect(rows.map((row) => row.id)).to.deep.equal([sent.body.id]);
    });

    it('a new call gets a new key (two calls, two rows)', async () => {
      const { seen, fetch } = wrappedFetch();
      const t = transport({ fetch });
      const a = await t.request({ method: 'POST', path: '/v1/feedback', body: survey(3, 'same words'), schema: FeedbackReceipt });
      const b = await t.request({ method: 'POST', path: '/v1/feedback', body: survey(3, 'same words'), schema: FeedbackReceipt });
      expect(seen[0]?.headers['idempotency-key']).not.to.equal(seen[1]?.headers['idempotency-key']);
      expect(a.body.id).not.to.equal(b.body.id);
    });

    it('PATCH with If-Match: the current version succeeds; a stale one is conflict with the current record', async () => {
      const { customer, etag } = await newCustomer();
      expect(etag).to.equal('"1"');
      const { seen, fetch } = wrappedFetch();
      const t = writer();
      const patched = await t.request({ method: 'PATCH', path: `/v1/customers/${customer.id}`, body: { role: 'Buyer' }, ifMatch: customer.version, schema: Customer });
      expect(patched.body.version).to.equal(2);
      expect(patched.etag).to.equal('"2"');
      const stale = await kithError(
        staff(['customers:read', 'customers:write'], { fetch }).request({ method: 'PATCH', path: `/v1/customers/${customer.id}`, body: { role: 'Owner' }, ifMatch: '"1"' }),
      );
      expect(seen[0]?.headers['if-match']).to.equal('"1"');
      expect(stale.code).to.equal('conflict');
      expect(stale.status).to.equal(409);
      const current = Customer.parse(stale.current);
      expect(current.id).to.equal(customer.id);
      expect(current.version).to.equal(2);
      expect(current.role).to.equal('Buyer');
      expect(seen, 'a conflict is not retried').to.have.length(1);
    });

    it('a validation error carries the field issues and is not retried', async () => {
      const { seen, fetch } = wrappedFetch();
      const error = await kithError(transport({ fetch }).request({ method: 'POST', path: '/v1/feedback', body: survey(99) }));
      expect(error.code).to.equal('validation');
      expect(error.status).to.equal(400);
      expect(error.issues.some((issue) => issue.path.includes('score')), JSON.stringify(error.issues)).to.equal(true);
      expect(seen).to.have.length(1);
    });

    it('idempotencyKey: null sends none and makes one attempt only', async () => {
      const { seen, fetch } = wrappedFetch([answer(503, 'down')]);
      const error = await kithError(transport({ fetch }).request({ method: 'POST', path: '/v1/feedback', body: survey(), idempotencyKey: null }));
      expect(error.code).to.equal('server');
      expect(seen).to.have.length(1);
      expect(seen[0]?.headers).not.to.have.property('idempotency-key');
    });
  });

  describe('reads', () => {
    it('builds the query from a record: arrays repeat the key, null and undefined are left out', async () => {
      const { customer } = await newCustomer();
      const { seen, fetch } = wrappedFetch();
      const page = await staff(['customers:read'], { fetch }).request({
        method: 'GET',
        path: '/v1/customers',
        query: { q: customer.name, tag: ['transport-a', 'transport-b'], ownerId: undefined, segment: null },
        schema: CustomerPage,
      });
      expect(page.body.items.map((item) => item.id)).to.deep.equal([customer.id]);
      const url = new URL(seen[0]?.url ?? '');
      expect(url.searchParams.getAll('tag')).to.deep.equal(['transport-a', 'transport-b']);
      expect([...url.searchParams.keys()].sort()).to.deep.equal(['q', 'tag', 'tag']);
      expect(seen[0]?.headers).not.to.have.property('idempotency-key');
      expect(withQuery('/v1/x', {})).to.equal('/v1/x');
      expect(withQuery('/v1/x?a=1', { b: [1, true] })).to.equal('/v1/x?a=1&b=1&b=true');
    });

    it('get(path) still resolves with the body', async () => {
      const body = await staff(['customers:read']).get(`/v1/customers/${server.sampleCustomerId}`);
      expect(Customer.parse(body).id).to.equal(server.sampleCustomerId);
    });

    it('a wrong schema is invalid_response naming the route', async () => {
      const error = await kithError(staff(['customers:read']).request({ method: 'GET', path: `/v1/customers/${server.sampleCustomerId}`, schema: CustomerPage }));
      expect(error.code).to.equal('invalid_response');
      expect(error.message).to.contain(`GET /v1/customers/${server.sampleCustomerId}`);
      expect(error.issues.length).to.be.greaterThan(0);
    });
  });

  describe('retries', () => {
    const path = () => `/v1/customers/${server.sampleCustomerId}`;

    it('honours a 429: waits its Retry-After, then one more attempt succeeds', async () => {
      const { seen, fetch } = wrappedFetch([tooMany(1)]);
      const reply = await staff(['customers:read'], { fetch }).request({ method: 'GET', path: path(), schema: Customer });
      expect(reply.body.id).to.equal(server.sampleCustomerId);
      expect(seen).to.have.length(2);
    });

    it('a Retry-After longer than maxMs fails at once with rate_limited and the wait', async () => {
      const { seen, fetch } = wrappedFetch([tooMany(60)]);
      const error = await kithError(staff(['customers:read'], { fetch }).request({ method: 'GET', path: path() }));
      expect(error.code).to.equal('rate_limited');
      expect(error.status).to.equal(429);
      expect(error.retryAfterSeconds).to.equal(60);
      expect(seen).to.have.length(1);
    });

    it("the server's own 429 (the survey cap: days away) is rate_limited at once, with its Retry-After", async () => {
      const { seen, fetch } = wrappedFetch();
      const shopper = transport({ fetch, token: tokenSource({ kind: 'customer' }) });
      const answerOnce = () => shopper.request({ method: 'POST', path: '/v1/feedback', body: { kind: 'survey', metric: 'nps', score: 9, comment: null } });
      await answerOnce().catch(() => undefined); // refused too if the seeded data answered already
      const before = seen.length;
      const error = await kithError(answerOnce());
      expect(error.code).to.equal('rate_limited');
      expect(error.retryAfterSeconds).to.be.greaterThan(2);
      expect(seen.length - before, 'no retry').to.equal(1);
    });

    it('retries 5xx answers, then succeeds', async () => {
      const envelope = { error: { code: 'unavailable', message: 'Restarting' } };
      const { seen, fetch } = wrappedFetch([answer(502, '<h1>Bad gateway</h1>'), answer(503, envelope)]);
      const reply = await staff(['customers:read'], { fetch }).request({ method: 'GET', path: path(), schema: Customer });
      expect(reply.body.id).to.equal(server.sampleCustomerId);
      expect(seen).to.have.length(3);
    });

    it('retries a server that is down, then surfaces network after the last attempt', async () => {
      const { seen, fetch } = wrappedFetch();
      const down = transport({ baseUrl: await closedUrl(), fetch, retry: { attempts: 3, baseMs: 5 } });
      const error = await kithError(down.request({ method: 'GET', path: path() }));
      expect(error.code).to.equal('network');
      expect(seen).to.have.length(3);
    });

    it('retry: false makes one attempt', async () => {
      const { seen, fetch } = wrappedFetch();
      const down = transport({ baseUrl: await closedUrl(), fetch, retry: false });
      const error = await kithError(down.request({ method: 'GET', path: path() }));
      expect(error.code).to.equal('network');
      expect(seen).to.have.length(1);
    });

    it('does not retry other 4xx answers', async () => {
      const { seen, fetch } = wrappedFetch();
      const error = await kithError(staff(['customers:read'], { fetch }).request({ method: 'GET', path: `/v1/customers/${UNKNOWN_ID}` }));
      expect(error.code).to.equal('not_found');
      expect(seen).to.have.length(1);
    });

    it('the timeout applies per attempt: a hung first attempt times out, the retry succeeds', async () => {
      const hang: Step = (_input, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      const { seen, fetch } = wrappedFetch([hang]);
      const reply = await staff(['customers:read'], { fetch, timeoutMs: 3_000 }).request({ method: 'GET', path: path(), schema: Customer });
      expect(reply.body.id).to.equal(server.sampleCustomerId);
      expect(seen).to.have.length(2);
    });

    it('a per-call timeoutMs overrides the client’s for that call only', async () => {
      const hang: Step = (_input, init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      const { seen, fetch } = wrappedFetch([hang]);
      const client = staff(['customers:read'], { fetch, timeoutMs: 60_000, retry: false });
      // Long enough for the token to be had on a busy machine (the time counts it too), short
      // against the client's 60 s: the hanging fetch is ended by the call's own timeout.
      const error = await kithError(client.request({ method: 'GET', path: path(), timeoutMs: 1_500 }));
      expect(error.code).to.equal('timeout');
      expect(error.message).to.contain('within 1500 ms');
      expect(seen).to.have.length(1);
      const reply = await client.request({ method: 'GET', path: path(), schema: Customer });
      expect(reply.body.id).to.equal(server.sampleCustomerId);
      await rejection(client.request({ method: 'GET', path: path(), timeoutMs: 0 })).then((thrown) => expect(thrown).to.be.instanceOf(TypeError));
    });

    it('an abort during the backoff wait rejects at once with the reason, and nothing more is sent', async () => {
      const controller = new AbortController();
      const reason = new Error('the user left the page');
      // Answer 429 "wait 20 s" — longer than the test's timeout, so only an abort that ends
      // the wait at once lets this pass — then abort while the transport waits.
      const abortAfter: Step = async (input, init) => {
        const response = await tooMany(20)(input, init);
        setTimeout(() => controller.abort(reason), 50);
        return response;
      };
      const { seen, fetch } = wrappedFetch([abortAfter]);
      const t = staff(['customers:read'], { fetch, retry: { maxMs: 30_000 } });
      const error = await rejection(t.request({ method: 'GET', path: path(), signal: controller.signal }));
      expect(error).to.equal(reason);
      expect(seen).to.have.length(1);
    });

    it('a 401 to a token still gets one fresh token, within the attempt', async () => {
      let calls = 0;
      const token = async () => (++calls === 1 ? 'garbage.not-a.token' : (await mintToken({ kind: 'staff' })).token);
      const reply = await transport({ token }).request({ method: 'GET', path: path(), schema: Customer });
      expect(reply.body.id).to.equal(server.sampleCustomerId);
      expect(calls).to.equal(2);
    });
  });
});
