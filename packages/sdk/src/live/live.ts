// Live updates: one `/v1/events` stream per client for the union of what its subscribers
// follow, kept open across network drops, restarts and token expiry, and fanned out by topic.
import type { KithEvent, Topic } from '@kith/schema';
import type { Authorization, Credentials } from '../credentials.js';
import { isKithError, KithError } from '../errors.js';
import { parseResponse, type ResponseSchema } from '../validate.js';
import { readStream, type StreamOutcome } from './connection.js';
import type { SseMessage } from './sse.js';
import { refreshDelay, tokenExpiry } from './token-expiry.js';
import { checkTopics, MAX_LIVE_TOPICS } from './topics.js';
import { safely } from '../safely.js';

/** What an element can show about the stream. */
export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'offline' | 'forbidden' | 'closed';


export interface LiveBackoff {
  /** First delay when the server sent no `retry:` (which otherwise is the base); default 1000 ms. */
  baseMs?: number;
  /** Longest delay between tries; default 30 000 ms. */
  maxMs?: number;
  /** Jitter source in [0, 1); default `Math.random`. */
  random?: () => number;
}

export interface LiveOptions {
  /** Absolute base URL of the Kith API, without `/v1`. */
  baseUrl: string;
  credentials: Credentials;
  fetch?: typeof fetch;
  backoff?: LiveBackoff;
}

export interface SubscribeOptions {
  /** Called with the current status at once, then on every change. */
  onStatus?(status: LiveStatus): void;
  /** An event that failed validation (dropped), a failing token function, a refusal. */
  onError?(error: KithError): void;
}

export interface Live {
  /**
   * Follows `topics` (1–20 across all subscribers); `onEvent` gets only events of those
   * topics, validated, each once. Returns the unsubscribe function. Throws a `TypeError`
   * for a malformed topic, a `RangeError` when the union would pass 20 topics.
   */
  subscribe(topics: readonly Topic[], onEvent: (event: KithEvent) => void, options?: SubscribeOptions): () => void;
  readonly status: LiveStatus;
  /** Drops every subscriber and ends the stream. */
  close(): void;
}

interface Subscriber {
  topics: ReadonlySet<string>;
  onEvent(event: KithEvent): void;
  options: SubscribeOptions;
}

/** Ids remembered to drop an event replayed after a reconnect. */
const SEEN_IDS = 1000;
/** The server pings every 15 s: silence this long means a dead connection nobody closed. */
const IDLE_MS = 45_000;


const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false;

/** Resolves on `type` from the window, or when `signal` aborts. */
function windowEvent(type: 'online' | 'offline', signal: AbortSignal, ms?: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      globalThis.removeEventListener?.(type, done);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = ms === undefined ? undefined : setTimeout(done, ms);
    globalThis.addEventListener?.(type, done);
    signal.addEventListener('abort', done);
  });
}

export function createLive(options: LiveOptions): Live {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const { baseMs = 1000, maxMs = 30_000, random = Math.random } = options.backoff ?? {};
  const subscribers = new Set<Subscriber>();
  const seen = new Set<string>();
  let status: LiveStatus = 'closed';
  let lastEventId: string | null = null;
  let serverRetryMs: number | null = null;
  let run: { controller: AbortController; key: string } | null = null;

  function setStatus(next: LiveStatus): void {
    if (status === next) return;
    status = next;
    for (const subscriber of [...subscribers]) safely(() => subscriber.options.onStatus?.(next));
  }

  function report(error: KithError): void {
    const heard = [...subscribers].filter((subscriber) => subscriber.options.onError);
    for (const subscriber of heard) safely(() => subscriber.options.onError?.(error));
    if (heard.length === 0) console.warn(`[kith] live updates: ${error.message}`);
  }

  // The event schema (and zod with it) is loaded when the first stream opens, so a page that
  // never follows live updates does not pay for it.
  let eventSchema: ResponseSchema<KithEvent> | undefined;

  function deliver(message: SseMessage): void {
    // Only a decimal id can be sent back as `Last-Event-ID` (the server refuses others).
    if (/^\d+$/.test(message.lastEventId)) lastEventId = message.lastEventId;
    if (!eventSchema) return; // cannot happen: connect() loads it before reading
    let event: KithEvent;
    try {
      event = parseResponse(eventSchema, JSON.parse(message.data), 'live event');
    } catch (error) {
      report(isKithError(error) ? error : new KithError('invalid_response', 'A live event was not JSON; it was dropped.', { cause: error }));
      return;
    }
    if (seen.has(event.id)) return;
    seen.add(event.id);
    if (seen.size > SEEN_IDS) seen.delete(seen.values().next().value as string);
    for (const subscriber of [...subscribers]) if (subscriber.topics.has(event.topic)) safely(() => subscriber.onEvent(event));
  }

  /** Exponential from the server's `retry:`, capped, with jitter so clients do not return in step. */
  function delay(failures: number): number {
    const ceiling = Math.min(maxMs, (serverRetryMs ?? baseMs) * 2 ** Math.min(failures - 1, 16));
    return ceiling * (0.5 + random() / 2);
  }

  /** One connection with its refresh timer, idle watchdog and offline listener. */
  async function connect(topics: string[], auth: Authorization, signal: AbortSignal, onOpen: () => void) {
    try {
      eventSchema ??= (await import('./event-schema.js')).KithEvent;
    } catch (error) {
      // The chunk could not be fetched (offline): like a dropped connection, tried again later.
      return { outcome: { kind: 'dropped', error } satisfies StreamOutcome, why: null };
    }
    const connection = new AbortController();
    let why: 'refresh' | 'idle' | 'offline' | null = null;
    const stop = (reason: typeof why) => () => {
      why ??= reason;
      connection.abort();
    };
    const abort = stop(null);
    signal.addEventListener('abort', abort);
    const expiresAt = tokenExpiry(auth.header);
    const wait = expiresAt === null ? null : refreshDelay(expiresAt, Date.now());
    const refresh = wait === null ? undefined : setTimeout(stop('refresh'), wait);
    let idle = setTimeout(stop('idle'), IDLE_MS);
    void windowEvent('offline', connection.signal).then(() => {
      if (offline()) stop('offline')();
    });
    const outcome = await readStream({
      baseUrl,
      topics,
      authorization: auth.header,
      lastEventId,
      fetch: doFetch,
      signal: connection.signal,
      onOpen,
      onActivity() {
        clearTimeout(idle);
        idle = setTimeout(stop('idle'), IDLE_MS);
      },
      onMessage: deliver,
      onRetry(ms) {
        serverRetryMs = ms;
      },
    });
    clearTimeout(refresh);
    clearTimeout(idle);
    signal.removeEventListener('abort', abort);
    connection.abort();
    return { outcome, why };
  }

  function refusal(outcome: StreamOutcome & { kind: 'refused' | 'ended' }): KithError {
    const status = outcome.kind === 'refused' ? outcome.status : null;
    return new KithError(status === 401 ? 'unauthorized' : 'forbidden', `Live updates stopped: ${status === null ? 'the key was revoked' : `GET /v1/events answered ${status}`}.`, { status });
  }

  async function loop(topics: string[], signal: AbortSignal): Promise<void> {
    let failures = 0;
    let refused401 = 0;
    let after: number | undefined;
    if (status !== 'open' && status !== 'reconnecting') setStatus('connecting');
    // Coming back online ends a wait early: the network that failed is likely back.
    const pause = async (ms: number) => {
      setStatus('reconnecting');
      await windowEvent('online', signal, ms);
    };
    while (!signal.aborted) {
      if (offline()) {
        setStatus('offline');
        await windowEvent('online', signal);
        continue;
      }
      let auth: Authorization;
      try {
        auth = await options.credentials.authorization(signal, after);
      } catch (error) {
        if (signal.aborted) return;
        report(isKithError(error) ? error : new KithError('unauthorized', 'No credential for live updates.', { cause: error }));
        await pause(delay(++failures));
        continue;
      }
      after = undefined;
      const { outcome, why } = await connect(topics, auth, signal, () => {
        failures = 0;
        refused401 = 0;
        setStatus('open');
      });
      if (signal.aborted) return;
      const newer = auth.call ?? undefined;
      if (outcome.kind === 'aborted' || why !== null) {
        // A token about to expire: a fresh one at once. Offline: wait at the top. Idle: a drop.
        if (why === 'refresh') after = newer;
        if (why === 'idle') await pause(delay(++failures));
      } else if (outcome.kind === 'ended' && outcome.reason === 'token_expired') {
        after = newer;
      } else if (outcome.kind === 'refused' && outcome.status === 401 && newer !== undefined) {
        // A refused token: a newer one at once, then with backoff if that is refused too.
        after = newer;
        if (refused401++ > 0) await pause(delay(++failures));
      } else if (
        (outcome.kind === 'ended' && outcome.reason === 'key_revoked') ||
        (outcome.kind === 'refused' && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 408 && outcome.status !== 429)
      ) {
        // Asking again would be refused again: stop until the subscriptions change.
        setStatus('forbidden');
        report(refusal(outcome));
        return;
      } else {
        // A drop, a shutdown, 429 or 5xx: back off (no sooner than a `Retry-After`).
        const retryAfter = outcome.kind === 'refused' ? (outcome.retryAfterMs ?? 0) : 0;
        await pause(Math.max(retryAfter, delay(++failures)));
      }
    }
  }

  const union = () => [...new Set([...subscribers].flatMap((subscriber) => [...subscriber.topics]))].sort();

  /** Matches the stream to the union of topics: starts, re-opens (resuming) or stops it. */
  function sync(): void {
    const topics = union();
    const key = topics.join(' ');
    if (run?.key === key) return;
    run?.controller.abort();
    run = null;
    if (topics.length === 0) return setStatus('closed');
    run = { controller: new AbortController(), key };
    void loop(topics, run.controller.signal);
  }

  return {
    subscribe(topics, onEvent, subscribeOptions = {}) {
      checkTopics(topics);
      const subscriber: Subscriber = { topics: new Set(topics), onEvent, options: subscribeOptions };
      subscribers.add(subscriber);
      if (union().length > MAX_LIVE_TOPICS) {
        subscribers.delete(subscriber);
        throw new RangeError(`live.subscribe: more than ${MAX_LIVE_TOPICS} topics in all`);
      }
      const before = status;
      sync();
      // A change of status already reached this subscriber through setStatus.
      if (status === before) safely(() => subscribeOptions.onStatus?.(status));
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        subscribers.delete(subscriber);
        sync();
      };
    },
    get status() {
      return status;
    },
    close() {
      subscribers.clear();
      sync();
    },
  };
}
