// One open `GET /v1/events` stream: backlog, then live events, heartbeats, and the reasons
// it ends (token expiry, key revocation, server shutdown, the client leaving).
import type { StreamEnd } from '@kith/schema';
import type { Clock } from '../http/env.js';
import type { KeyCache } from '../keys/key-cache.js';
import type { EventHub, HubEvent } from './hub.js';
import { RecentIds } from './recent-ids.js';
import { sseComment, sseEvent, sseField } from './sse-format.js';
import type { StreamCredential, TopicAccess } from './topics.js';

export interface EventStreamOptions {
  hub: EventHub;
  keys: KeyCache;
  credential: StreamCredential;
  access: TopicAccess;
  topics: readonly string[];
  /** The client's `Last-Event-ID` (validated digits), or null for live events only. */
  lastEventId: string | null;
  heartbeatMs: number;
  /** The app's injectable clock: token expiry is judged by it. */
  now: Clock;
  /** The request's abort signal (the client went away). */
  signal: AbortSignal;
  log: (line: string) => void;
}

/** What the client is told to wait before reconnecting. */
const RETRY_MS = 3_000;
/** Backlog rows read per query on resume. */
const BACKLOG_PAGE = 500;
/**
 * Bytes a client may leave unread before the stream is dropped: a stalled reader must not
 * make the server buffer without bound. It reconnects and resumes with `Last-Event-ID`.
 */
const MAX_UNREAD_BYTES = 1024 * 1024;

export const SSE_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  // Never cached, never buffered by a proxy (nginx honours X-Accel-Buffering).
  'Cache-Control': 'no-store',
  'X-Accel-Buffering': 'no',
} as const;

/**
 * Opens the stream and answers with it. The hub subscription is taken before the backlog
 * is read, so an event committed in between is not lost; it may then arrive twice (or out
 * of id order, from concurrent commits) and is dropped by id.
 */
export function openEventStream(options: EventStreamOptions): Response {
  const stream = new EventStream(options);
  return new Response(stream.body, { status: 200, headers: SSE_HEADERS });
}

class EventStream {
  readonly body: ReadableStream<Uint8Array>;
  readonly #o: EventStreamOptions;
  readonly #encoder = new TextEncoder();
  readonly #seen = new RecentIds();
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #closed = false;
  /** Live events held back until the backlog is written. */
  #held: HubEvent[] | null = [];
  /** Events are admitted and written one after another, in arrival order. */
  #queue: Promise<void> = Promise.resolve();
  #cleanups: (() => void)[] = [];
  #drained: (() => void) | null = null;

  constructor(options: EventStreamOptions) {
    this.#o = options;
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        pull: () => {
          this.#drained?.();
          this.#drained = null;
        },
        cancel: () => this.#stop(),
      },
      { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
    );
    this.#open();
  }

  #open(): void {
    const { hub, keys, credential, signal, heartbeatMs, now } = this.#o;
    this.#cleanups.push(hub.subscribe(this.#o.topics, (event) => this.#arrived(event), (reason) => this.#end(reason)));
    this.#cleanups.push(keys.onChange((keyId) => {
      if (keyId === credential.keyId) void this.#checkKey();
    }));
    const onAbort = () => this.#stop();
    if (signal.aborted) return this.#stop();
    signal.addEventListener('abort', onAbort, { once: true });
    this.#cleanups.push(() => signal.removeEventListener('abort', onAbort));

    const heartbeat = setInterval(() => void this.#tick(), heartbeatMs);
    heartbeat.unref?.();
    this.#cleanups.push(() => clearInterval(heartbeat));
    if (credential.kind === 'customer' || credential.kind === 'staff') {
      // A real timer for the token's remaining lifetime (the heartbeat also checks the clock).
      const expiry = setTimeout(() => this.#end('token_expired'), Math.max(0, credential.expiresAt.getTime() - now().getTime()));
      expiry.unref?.();
      this.#cleanups.push(() => clearTimeout(expiry));
    }

    this.#write(sseField('retry', String(RETRY_MS)));
    this.#queue = this.#backlog().catch((error: unknown) => {
      this.#o.log(`events: could not read the backlog (${(error as Error).message})`);
      this.#stop();
    });
  }

  /** Everything after `Last-Event-ID`, page by page, then the live events that waited. */
  async #backlog(): Promise<void> {
    let after = this.#o.lastEventId;
    while (after !== null && !this.#closed) {
      const page = await this.#o.hub.since(this.#o.topics, after, BACKLOG_PAGE);
      for (const event of page) await this.#send(event);
      after = page.length === BACKLOG_PAGE ? (page.at(-1)?.id ?? null) : null;
      if (after !== null) await this.#roomToWrite();
    }
    const held = this.#held ?? [];
    this.#held = null;
    for (const event of held) await this.#send(event);
  }

  #arrived(event: HubEvent): void {
    if (this.#closed) return;
    if (this.#held) {
      this.#held.push(event);
      return;
    }
    this.#queue = this.#queue.then(() => this.#send(event));
  }

  async #send(event: HubEvent): Promise<void> {
    if (this.#closed || this.#seen.has(event.id)) return;
    this.#seen.add(event.id);
    let admitted: boolean;
    try {
      admitted = await this.#o.access.admits(event);
    } catch (error) {
      this.#o.log(`events: could not check event ${event.id} for a stream (${(error as Error).message})`);
      admitted = false;
    }
    if (!admitted || this.#closed) return;
    const { audience: _audience, ...message } = event;
    this.#write(sseEvent(event.id, event.type, JSON.stringify(message)));
    if ((this.#controller.desiredSize ?? 0) < -MAX_UNREAD_BYTES) {
      this.#o.log('events: dropped a stream whose client stopped reading');
      this.#close();
    }
  }

  /** Waits until the client has read what was written (between backlog pages). */
  #roomToWrite(): Promise<void> {
    if (this.#closed || (this.#controller.desiredSize ?? 1) > 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.#drained = resolve;
    });
  }

  async #tick(): Promise<void> {
    const { credential, now } = this.#o;
    if ((credential.kind === 'customer' || credential.kind === 'staff') && now().getTime() >= credential.expiresAt.getTime()) {
      return this.#end('token_expired');
    }
    // Beside the change notification: the cache's TTL bounds how stale this can be.
    if (await this.#checkKey()) this.#write(sseComment('ping'));
  }

  /** Ends the stream if its key (or the token's publishable key) is revoked; true while it stands. */
  async #checkKey(): Promise<boolean> {
    if (this.#closed) return false;
    try {
      const key = await this.#o.keys.byId(this.#o.credential.keyId);
      if (key && !key.revokedAt) return true;
    } catch (error) {
      // The database is unreachable: keep the stream, the next tick asks again.
      this.#o.log(`events: could not check a stream's key (${(error as Error).message})`);
      return true;
    }
    this.#end('key_revoked');
    return false;
  }

  #write(text: string): void {
    if (this.#closed) return;
    try {
      this.#controller.enqueue(this.#encoder.encode(text));
    } catch {
      // The body was cancelled under us.
      this.#stop();
    }
  }

  /** Says why, then closes. */
  #end(reason: StreamEnd['reason']): void {
    if (this.#closed) return;
    const end: StreamEnd = { reason };
    this.#write(sseEvent(null, 'end', JSON.stringify(end)));
    this.#close();
  }

  #close(): void {
    if (this.#closed) return;
    this.#stop();
    try {
      this.#controller.close();
    } catch {
      // Already closed or cancelled by the client.
    }
  }

  /** Releases the subscription, listeners and timers (idempotent). */
  #stop(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#held = null;
    this.#drained?.();
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }
}
