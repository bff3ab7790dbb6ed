// The live manager against a scripted fake server (fetch + a ReadableStream the test writes
// to): fan-out, resume, token refresh, backoff, refusals. The real server: live.test.ts.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { KithEvent } from '@kith/schema';
import { createCredentials, type TokenSource } from '../credentials.js';
import type { KithError } from '../errors.js';
import { createLive, type LiveStatus } from './live.js';
import { refreshDelay, tokenExpiry } from './token-expiry.js';

const P1 = 'product:11111111-1111-4111-8111-111111111111';
const P2 = 'product:22222222-2222-4222-8222-222222222222';
const C1 = 'customer:33333333-3333-4333-8333-333333333333';

/** One request the fake server received, with the stream it answers (when it answered 200). */
interface Received {
  topics: string[];
  url: string;
  authorization: string | null;
  lastEventId: string | null;
  signal: AbortSignal;
  send(text: string): void;
  close(): void;
}

function fakeServer() {
  const requests: Received[] = [];
  /** Statuses to answer the next requests with, before the stream opens. */
  const refusals: number[] = [];
  const encoder = new TextEncoder();
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const signal = init?.signal ?? new AbortController().signal;
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
    });
    signal.addEventListener('abort', () => controller.error(signal.reason));
    const request: Received = {
      topics: url.searchParams.getAll('topic'),
      url: url.href,
      authorization: headers.get('authorization'),
      lastEventId: headers.get('last-event-id'),
      signal,
      send: (text) => controller.enqueue(encoder.encode(text)),
      close: () => controller.close(),
    };
    requests.push(request);
    const status = refusals.shift();
    if (status !== undefined) {
      return new Response(JSON.stringify({ error: { code: 'x', message: 'refused' } }), { status, headers: { 'content-type': 'application/json' } });
    }
    request.send('retry: 3000\n\n');
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
  };
  return { requests, refusals, fetch, last: () => requests.at(-1) as Received };
}

function event(id: number, topic: string, type: KithEvent['type'] = 'review.published'): string {
  const data: KithEvent = { id: String(id), topic, type, at: '2026-11-23T10:00:00.000Z', data: { n: id } };
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}
const end = (reason: string) => `event: end\ndata: {"reason":"${reason}"}\n\n`;

/** Waits (a bounded number of turns of the event loop) until `check` holds. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  assert.fail(`timed out waiting for ${what}`);
}

function setup(source?: TokenSource) {
  const server = fakeServer();
  let calls = 0;
  const tokens = source ?? (() => `token${++calls}`);
  const live = createLive({
    baseUrl: 'https://api.example.com/',
    credentials: createCredentials('pk_test_1', tokens),
    fetch: server.fetch,
    backoff: { maxMs: 1, random: () => 0 },
  });
  const statuses: LiveStatus[] = [];
  const errors: KithError[] = [];
  const received = new Map<string, string[]>();
  const follow = (name: string, topics: string[]) => {
    received.set(name, []);
    return live.subscribe(topics, (e) => received.get(name)?.push(`${e.id} ${e.topic}`), {
      onStatus: (status) => statuses.push(status),
      onError: (error) => errors.push(error),
    });
  };
  return { server, live, statuses, errors, received, follow };
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

describe('createLive', () => {
  test('one stream for the union; each subscriber gets its own topics; the credential is a header only', async () => {
    const { server, live, received, follow, statuses } = setup();
    cleanup = () => live.close();
    follow('a', [P1]);
    follow('b', [P2, C1]);
    await until(() => live.status === 'open' && server.last().topics.length === 3, 'the stream of both subscribers');
    const request = server.last();
    assert.deepEqual(request.topics, [C1, P2, P1].sort());
    assert.equal(request.authorization, 'Bearer token1');
    assert.equal(request.url.includes('token1'), false);
    assert.equal(request.lastEventId, null);
    request.send(event(1, P1) + event(2, P2) + event(3, C1, 'order.ingested'));
    await until(() => received.get('b')?.length === 2, 'the events');
    assert.deepEqual(received.get('a'), [`1 ${P1}`]);
    assert.deepEqual(received.get('b'), [`2 ${P2}`, `3 ${C1}`]);
    assert.equal(statuses.includes('open'), true);
  });

  test('an invalid event is dropped and reported, the stream goes on', async () => {
    const { server, live, received, follow, errors } = setup();
    cleanup = () => live.close();
    follow('a', [P1]);
    await until(() => live.status === 'open', 'open');
    server.last().send('id: 1\nevent: review.published\ndata: {"id":"1","topic":"nope"}\n\nid: 2\ndata: not json\n\n' + event(3, P1));
    await until(() => received.get('a')?.length === 1, 'the valid event');
    assert.deepEqual(received.get('a'), [`3 ${P1}`]);
    assert.deepEqual(errors.map((error) => error.code), ['invalid_response', 'invalid_response']);
  });

  test('a change of the union re-opens the stream, resuming from the last id', async () => {
    const { server, live, follow } = setup();
    cleanup = () => live.close();
    const stopA = follow('a', [P1]);
    await until(() => live.status === 'open', 'open');
    server.last().send(event(5, P1));
    const first = server.last();
    follow('b', [P2]);
    await until(() => server.requests.length === 2, 'a second request');
    assert.equal(first.signal.aborted, true);
    assert.deepEqual(server.last().topics, [P1, P2]);
    assert.equal(server.last().lastEventId, '5');
    stopA();
    await until(() => server.requests.length === 3, 'a third request');
    assert.deepEqual(server.last().topics, [P2]);
  });

  test('token_expired: a newer token at once, resumed with Last-Event-ID, a replayed event delivered once', async () => {
    const { server, live, received, follow, statuses } = setup();
    cleanup = () => live.close();
    follow('a', [P1]);
    await until(() => live.status === 'open', 'open');
    server.last().send(event(8, P1) + end('token_expired'));
    await until(() => server.requests.length === 2, 'the reconnect');
    assert.equal(server.last().authorization, 'Bearer token2');
    assert.equal(server.last().lastEventId, '8');
    server.last().send(event(8, P1) + event(9, P1));
    await until(() => received.get('a')?.length === 2, 'the next event');
    assert.deepEqual(received.get('a'), [`8 ${P1}`, `9 ${P1}`]);
    assert.equal(statuses.includes('reconnecting'), false);
  });

  test('server_closing and a dropped stream: reconnecting, then open again, resuming', async () => {
    const { server, live, follow, statuses } = setup();
    cleanup = () => live.close();
    follow('a', [P1]);
    await until(() => live.status === 'open', 'open');
    server.last().send(event(4, P1) + end('server_closing'));
    await until(() => server.requests.length === 2 && live.status === 'open', 'the reconnect');
    assert.equal(server.last().lastEventId, '4');
    server.last().close();
    await until(() => server.requests.length === 3 && live.status === 'open', 'the second reconnect');
    assert.deepEqual(statuses, ['connecting', 'open', 'reconnecting', 'open', 'reconnecting', 'open']);
  });

  test('a 401 to a token: a newer token at once; refused again, it backs off and keeps asking', async () => {
    const { server, live, follow, statuses } = setup();
    cleanup = () => live.close();
    server.refusals.push(401, 401);
    follow('a', [P1]);
    await until(() => live.status === 'open', 'open');
    assert.deepEqual(server.requests.map((request) => request.authorization), ['Bearer token1', 'Bearer token2', 'Bearer token3']);
    assert.deepEqual(statuses, ['connecting', 'reconnecting', 'open']);
  });

  test('a single 401 to a token is retried at once, without showing reconnecting', async () => {
    const { server, live, follow, statuses } = setup();
    cleanup = () => live.close();
    server.refusals.push(401);
    follow('a', [P1]);
    await until(() => live.status === 'open', 'open');
    assert.deepEqual(server.requests.map((request) => request.authorization), ['Bearer token1', 'Bearer token2']);
    assert.deepEqual(statuses, ['connecting', 'open']);
  });

  test('a 401 to the key, a 403 and key_revoked: forbidden, no further request', async () => {
    for (const how of ['401 key', '403', 'key_revoked'] as const) {
      const { server, live, follow, errors } = setup(how === '401 key' ? () => null : undefined);
      if (how !== 'key_revoked') server.refusals.push(how === '403' ? 403 : 401);
      follow('a', [P1]);
      if (how === 'key_revoked') {
        await until(() => live.status === 'open', 'open');
        server.last().send(end('key_revoked'));
      }
      await until(() => live.status === 'forbidden', `forbidden after ${how}`);
      const count = server.requests.length;
      // Several backoff periods (1 ms here) pass: nothing more is asked.
      await new Promise((resolve) => setTimeout(resolve, 30));
      assert.equal(server.requests.length, count, how);
      assert.equal(errors.length, 1, how);
      live.close();
      assert.equal(live.status, 'closed');
    }
  });

  test('a 503 backs off and retries; the last unsubscribe aborts the stream', async () => {
    const { server, live, follow, statuses } = setup();
    server.refusals.push(503);
    const stop = follow('a', [P1]);
    await until(() => live.status === 'open', 'open');
    assert.equal(server.requests.length, 2);
    assert.deepEqual(statuses, ['connecting', 'reconnecting', 'open']);
    stop();
    assert.equal(server.last().signal.aborted, true);
    assert.equal(live.status, 'closed');
    stop();
  });

  test('a token about to expire is replaced before it does', async () => {
    const jwt = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`;
    let calls = 0;
    // The first token expires within a second (refreshed at half its life), the next in an hour.
    const { server, live, follow } = setup(() => jwt(Math.floor(Date.now() / 1000) + (++calls === 1 ? 1 : 3600)));
    cleanup = () => live.close();
    follow('a', [P1]);
    await until(() => live.status === 'open', 'open');
    server.last().send(event(3, P1));
    await until(() => server.requests.length === 2, 'the refresh');
    assert.equal(server.requests[0]?.signal.aborted, true);
    assert.notEqual(server.last().authorization, server.requests[0]?.authorization);
    assert.equal(calls, 2);
    assert.equal(server.last().lastEventId, '3');
  });

  test('offline: waits for the online event before connecting', async () => {
    const target = new EventTarget();
    const navigator = { onLine: false };
    Object.assign(globalThis, {
      navigator,
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
    });
    try {
      const { server, live, follow } = setup();
      cleanup = () => live.close();
      follow('a', [P1]);
      assert.equal(live.status, 'offline');
      await new Promise((resolve) => setTimeout(resolve, 10));
      assert.equal(server.requests.length, 0);
      navigator.onLine = true;
      target.dispatchEvent(new Event('online'));
      await until(() => live.status === 'open', 'open');
      navigator.onLine = false;
      target.dispatchEvent(new Event('offline'));
      await until(() => live.status === 'offline', 'offline again');
      assert.equal(server.last().signal.aborted, true);
    } finally {
      for (const name of ['navigator', 'addEventListener', 'removeEventListener']) Reflect.deleteProperty(globalThis, name);
    }
  });

  test('refuses malformed topics and more than 20 in all', () => {
    const { live } = setup();
    assert.throws(() => live.subscribe(['product:1'], () => undefined), TypeError);
    assert.throws(() => live.subscribe([], () => undefined), TypeError);
    const many = Array.from({ length: 21 }, (_, i) => `product:${String(i).padStart(8, '0')}-1111-4111-8111-111111111111`);
    live.subscribe(many.slice(0, 20), () => undefined);
    assert.throws(() => live.subscribe(many.slice(20), () => undefined), RangeError);
    live.subscribe(many.slice(0, 3), () => undefined);
    live.close();
  });
});

describe('tokenExpiry', () => {
  test('reads exp of a JWT, null for keys and garbage', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'ü', exp: 1700000000 })).toString('base64url');
    assert.equal(tokenExpiry(`Bearer x.${payload}.y`), 1700000000 * 1000);
    assert.equal(tokenExpiry('Bearer pk_test_1'), null);
    assert.equal(tokenExpiry('Bearer a.!!!.c'), null);
    assert.equal(tokenExpiry(`Bearer a.${Buffer.from('{"exp":"soon"}').toString('base64url')}.c`), null);
  });

  test('refreshes 30 s early, or at half the life of a shorter token; never for an expired one', () => {
    assert.equal(refreshDelay(900_000, 0), 870_000);
    assert.equal(refreshDelay(20_000, 0), 10_000);
    assert.equal(refreshDelay(0, 5), null);
  });
});
