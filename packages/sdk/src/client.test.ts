import { expect } from '@open-wc/testing';
import { closedUrl, mintToken, serverInfo, tokenSource, UNKNOWN_ID, type KithServerInfo } from '../../../test/support/server-commands.js';
import {
  createClient,
  isKithError,
  type Customer,
  type KithEvent,
  type KITH_ERROR_CODES,
  type KithErrorCode,
  type TokenSource,
} from './index.js';
import { kithError, rejection } from './test-support/expect-errors.js';

// Compile-time checks: the codes are the exact union, and `get` resolves with a Customer.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _codesExact: Equal<KithErrorCode, (typeof KITH_ERROR_CODES)[number]> = true;
const _getType: Equal<Awaited<ReturnType<ReturnType<typeof createClient>['customers']['get']>>, Customer> = true;

describe('createClient', () => {
  it('refuses a relative or non-http baseUrl with a TypeError', () => {
    for (const baseUrl of ['/api', 'localhost:3000', 'ftp://example.com', '']) {
      expect(() => createClient({ baseUrl, key: 'pk_x' }), baseUrl).to.throw(TypeError, /baseUrl/);
    }
  });

  it('refuses a key that is not pk_… or sk_…', () => {
    for (const key of ['', 'demo', 'pk_', 'xk_123']) {
      expect(() => createClient({ baseUrl: 'https://api.example.com', key }), key).to.throw(TypeError, /key/);
    }
    expect(() => createClient({ baseUrl: 'https://api.example.com', key: 'sk_live_1' })).not.to.throw();
  });

  it('refuses a token that is not a function (the token itself, say)', () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln' as unknown as TokenSource;
    expect(() => createClient({ baseUrl: 'https://api.example.com', key: 'pk_1', token })).to.throw(TypeError, /token must be a function/);
  });

  it('refuses a timeout that is not a positive number', () => {
    expect(() => createClient({ baseUrl: 'https://api.example.com', key: 'pk_1', timeoutMs: 0 })).to.throw(TypeError, /timeoutMs/);
  });
});

describe('customers.get against the real server', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });
  /** A client whose token function mints a fresh staff token (`customers:read`) per call. */
  const staffClient = (baseUrl = server.url) =>
    createClient({ baseUrl, key: server.publishableKey, token: tokenSource({ kind: 'staff' }) });
  const keyOnly = (key = server.publishableKey) => createClient({ baseUrl: server.url, key });

  it('returns the seeded customer to a staff token, validated', async () => {
    const customer = await staffClient().customers.get(server.sampleCustomerId);
    expect(customer.id).to.equal(server.sampleCustomerId);
    expect(customer.name).to.be.a('string').with.length.greaterThan(0);
    expect(Number.isInteger(customer.value.lifetimeValue.amount)).to.equal(true);
  });

  it('client.live follows a customer with the same token function as the REST calls', async () => {
    let calls = 0;
    const mint = tokenSource({ kind: 'staff', scopes: ['customers:read', 'interactions:write'] });
    const token = async () => {
      calls++;
      return mint();
    };
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token });
    const received: KithEvent[] = [];
    const statuses: string[] = [];
    const stop = client.live.subscribe([`customer:${server.sampleCustomerId}`], (event) => received.push(event), {
      onStatus: (status) => statuses.push(status),
    });
    try {
      // The REST call and the stream share the token function: one call each at most (the stream's
      // code is fetched on the first subscription, so its call may come after the REST call's ended).
      await client.customers.get(server.sampleCustomerId);
      for (let i = 0; i < 400 && client.live.status !== 'open'; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(client.live.status).to.equal('open');
      expect(calls).to.be.within(1, 2);
      const { token: writer } = await mintToken({ kind: 'staff', scopes: ['interactions:write'] });
      const note = await fetch(`${server.url}/v1/customers/${server.sampleCustomerId}/interactions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${writer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ channel: 'phone', type: 'note', direction: 'internal', phase: 'sale', summary: 'client.live test' }),
      });
      const created = (await note.json()) as { id: string };
      for (let i = 0; i < 400 && !received.some((e) => e.data.interactionId === created.id); i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      const event = received.find((e) => e.data.interactionId === created.id);
      expect(event?.type).to.equal('interaction.created');
      expect(event?.topic).to.equal(`customer:${server.sampleCustomerId}`);
    } finally {
      stop();
    }
    expect(client.live.status).to.equal('closed');
    expect(statuses[0]).to.equal('connecting');
  });

  it('accepts a baseUrl with a trailing slash', async () => {
    const customer = await staffClient(`${server.url}/`).customers.get(server.sampleCustomerId);
    expect(customer.id).to.equal(server.sampleCustomerId);
  });

  it('refuses customer data to a publishable key alone with forbidden (403)', async () => {
    const error = await kithError(keyOnly().customers.get(server.sampleCustomerId));
    expect(error.code).to.equal('forbidden');
    expect(error.status).to.equal(403);
  });

  it('refuses a staff token without customers:read with forbidden (403)', async () => {
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff', scopes: [] }) });
    const error = await kithError(client.customers.get(server.sampleCustomerId));
    expect(error.code).to.equal('forbidden');
  });

  it('lets a customer token read its own customer, and no other (forbidden)', async () => {
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'customer' }) });
    const own = await client.customers.get(server.sampleCustomerId);
    expect(own.id).to.equal(server.sampleCustomerId);
    // Refused before any lookup, so the answer says nothing about whether the other exists.
    const error = await kithError(client.customers.get(UNKNOWN_ID));
    expect(error.code).to.equal('forbidden');
    expect(error.status).to.equal(403);
  });

  it('rejects an unknown id with not_found (404)', async () => {
    const error = await kithError(staffClient().customers.get(UNKNOWN_ID));
    expect(error.code).to.equal('not_found');
    expect(error.status).to.equal(404);
  });

  it('rejects a malformed id with validation (400)', async () => {
    const error = await kithError(staffClient().customers.get('not-a-uuid'));
    expect(error.code).to.equal('validation');
    expect(error.status).to.equal(400);
  });

  it('rejects a wrong key with unauthorized (401)', async () => {
    const error = await kithError(keyOnly('pk_wrong_key').customers.get(server.sampleCustomerId));
    expect(error.code).to.equal('unauthorized');
    expect(error.status).to.equal(401);
  });

  it('after a 401 on a refused token, calls the token function once more and retries once', async () => {
    let calls = 0;
    const token = async () => (++calls === 1 ? 'garbage.not-a.token' : (await mintToken({ kind: 'staff' })).token);
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token });
    const customer = await client.customers.get(server.sampleCustomerId);
    expect(customer.id).to.equal(server.sampleCustomerId);
    expect(calls).to.equal(2);
  });

  it('a second 401 is an unauthorized KithError (two token calls, no third)', async () => {
    let calls = 0;
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: () => `garbage-${++calls}` });
    const error = await kithError(client.customers.get(server.sampleCustomerId));
    expect(error.code).to.equal('unauthorized');
    expect(error.status).to.equal(401);
    expect(calls).to.equal(2);
  });

  it('does not retry a refused key: a token function that gives null sends the key (forbidden here)', async () => {
    let calls = 0;
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: () => (calls++, null) });
    const error = await kithError(client.customers.get(server.sampleCustomerId));
    expect(error.code).to.equal('forbidden');
    expect(calls).to.equal(1);
  });

  it('reports a server that is down as network', async () => {
    const down = createClient({ baseUrl: await closedUrl(), key: server.publishableKey });
    const error = await kithError(down.customers.get(server.sampleCustomerId));
    expect(error.code).to.equal('network');
    expect(error.status).to.equal(null);
  });

  it('passes an AbortSignal through: an abort rejects with AbortError, not a KithError', async () => {
    const controller = new AbortController();
    const pending = staffClient().customers.get(server.sampleCustomerId, { signal: controller.signal });
    controller.abort();
    const error = await rejection(pending);
    expect(isKithError(error)).to.equal(false);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('rejects at once for a signal that is already aborted', async () => {
    const error = await rejection(staffClient().customers.get(server.sampleCustomerId, { signal: AbortSignal.abort() }));
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

// The token function is the page's own code: these tests give it bad behaviour on purpose.
// A spy `fetch` records what would have gone out (nothing, when the token cannot be had).
describe('the token function', () => {
  const id = '7d4a8f5e-1c2b-4d3e-9f80-123456789abc';
  function spyClient(token: TokenSource, timeoutMs?: number) {
    const sent: Request[] = [];
    const spy: typeof fetch = async (input, init) => {
      sent.push(new Request(input, init));
      return new Response('{}', { status: 200 });
    };
    const client = createClient({ baseUrl: 'https://api.example.com', key: 'pk_test', token, fetch: spy, ...(timeoutMs ? { timeoutMs } : {}) });
    return { client, sent };
  }

  it('is sent as the Bearer credential instead of the key', async () => {
    const { client, sent } = spyClient(async () => 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln');
    await rejection(client.customers.get(id));
    expect(sent.map((request) => request.headers.get('authorization'))).to.deep.equal(['Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2ln']);
  });

  it('throwing gives a typed unauthorized error, sends nothing and leaks nothing', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', onUnhandled);
    try {
      const secret = new Error('session cookie sid=s3cr3t expired');
      const { client, sent } = spyClient(async () => {
        throw secret;
      });
      const error = await kithError(client.customers.get(id));
      expect(error.code).to.equal('unauthorized');
      expect(error.status).to.equal(null);
      expect(error.message).not.to.contain('s3cr3t');
      expect(JSON.stringify(error.details ?? null)).not.to.contain('s3cr3t');
      expect(error.cause, 'the page keeps its own error as the cause').to.equal(secret);
      expect(sent, 'no request goes out, not even with the key').to.deep.equal([]);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', onUnhandled);
    }
  });

  it('returning something that is not a token is unauthorized, without echoing it', async () => {
    for (const bad of ['Bearer abc.def.ghi', '', 'two words', 42]) {
      const { client, sent } = spyClient(() => bad as unknown as string);
      const error = await kithError(client.customers.get(id));
      expect(error.code, String(bad)).to.equal('unauthorized');
      if (typeof bad === 'string' && bad) expect(error.message).not.to.contain(bad.split(' ').pop());
      expect(sent).to.deep.equal([]);
    }
  });

  it('is called once for requests that start together', async () => {
    let calls = 0;
    const { client, sent } = spyClient(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return 'abc.def.ghi';
    });
    // Three different reads (identical ones would share one request).
    const ids = [id, id.replace(/.$/, '1'), id.replace(/.$/, '2')];
    await Promise.all(ids.map((each) => rejection(client.customers.get(each))));
    expect(calls).to.equal(1);
    expect(sent).to.have.length(3);
  });

  it('is asked again for a later request (the SDK keeps no token)', async () => {
    let calls = 0;
    const { client } = spyClient(() => `token-${++calls}`);
    await rejection(client.customers.get(id));
    await rejection(client.customers.get(id));
    expect(calls).to.equal(2);
  });

  it('that never answers fails with timeout', async () => {
    const { client, sent } = spyClient(() => new Promise<string>(() => {}), 50);
    const error = await kithError(client.customers.get(id));
    expect(error.code).to.equal('timeout');
    expect(error.message).to.match(/token function/);
    expect(sent).to.deep.equal([]);
  });

  it('an abort while it runs rejects with AbortError', async () => {
    const { client } = spyClient(() => new Promise<string>(() => {}));
    const controller = new AbortController();
    const pending = client.customers.get(id, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await rejection(pending);
    expect(isKithError(error)).to.equal(false);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});

// Garbage, 5xx and slow answers cannot be produced by the real server on demand, so these
// tests (and only these) inject a `fetch` that returns the bad answer.
describe('customers.get with a misbehaving server (injected fetch)', () => {
  const id = '7d4a8f5e-1c2b-4d3e-9f80-123456789abc';
  // One attempt: these tests are about how an answer maps to an error (retries: transport.test.ts).
  const withFetch = (fake: typeof fetch, timeoutMs?: number) =>
    createClient({ baseUrl: 'https://api.example.com', key: 'pk_test', fetch: fake, retry: false, ...(timeoutMs ? { timeoutMs } : {}) });
  const answer = (body: string, status = 200) => (async () => new Response(body, { status })) as typeof fetch;

  it('sends the key as a Bearer token to /v1/customers/{id}', async () => {
    let seen: Request | undefined;
    const spy: typeof fetch = async (input, init) => {
      seen = new Request(input, init);
      return new Response('{}', { status: 200 });
    };
    await rejection(withFetch(spy).customers.get(id));
    expect(seen?.url).to.equal(`https://api.example.com/v1/customers/${id}`);
    expect(seen?.headers.get('authorization')).to.equal('Bearer pk_test');
  });

  it('says what was wrong with a body that does not match the schema (invalid_response)', async () => {
    const error = await kithError(withFetch(answer(JSON.stringify({ id, name: 42 }))).customers.get(id));
    expect(error.code).to.equal('invalid_response');
    expect(error.message).to.match(/name/);
    const issues = (error.details as { issues: { path: PropertyKey[]; message: string }[] }).issues;
    expect(issues.some((issue) => issue.path[0] === 'name')).to.equal(true);
  });

  it('reports a body that is not JSON as invalid_response', async () => {
    const error = await kithError(withFetch(answer('<html>hello</html>')).customers.get(id));
    expect(error.code).to.equal('invalid_response');
    expect(error.status).to.equal(200);
  });

  it('maps a 5xx without an envelope (a proxy page) to server', async () => {
    const error = await kithError(withFetch(answer('<h1>Bad gateway</h1>', 502)).customers.get(id));
    expect(error.code).to.equal('server');
    expect(error.status).to.equal(502);
  });

  it('maps an error envelope to its code and keeps message and details', async () => {
    const body = JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down', details: { retryAfterSeconds: 3 } } });
    const error = await kithError(withFetch(answer(body, 429)).customers.get(id));
    expect(error.code).to.equal('rate_limited');
    expect(error.message).to.equal('Slow down');
    expect(error.details).to.deep.equal({ retryAfterSeconds: 3 });
  });

  it('fails with timeout when the server does not answer in time', async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const error = await kithError(withFetch(never, 50).customers.get(id));
    expect(error.code).to.equal('timeout');
  });

  it('an abort during a slow answer is an AbortError, not a timeout', async () => {
    const never: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const controller = new AbortController();
    const pending = withFetch(never, 5_000).customers.get(id, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    const error = await rejection(pending);
    expect(isKithError(error)).to.equal(false);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
