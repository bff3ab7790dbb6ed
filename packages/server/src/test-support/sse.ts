// Reads a Server-Sent-Events response in tests, from `Response.body`, the way the SDK does
// with `fetch` streaming: message by message, with a bound on every wait, and a close that
// always releases the server's stream (so the test process can exit).
import assert from 'node:assert/strict';
import type { Hono } from 'hono';
import type { AppEnv } from '../http/env.js';

/** One SSE message as the client sees it; `comment` for a `: …` line (heartbeats). */
export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
  comment?: string;
}

/** How long a test waits for a message before failing ("within seconds"). */
export const SSE_WAIT_MS = 5_000;

export class SseReader {
  readonly response: Response;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #abort: AbortController | undefined;
  readonly #decoder = new TextDecoder();
  #buffer = '';
  #done = false;
  /** A read still under way after a wait ran out: the next wait takes its chunk. */
  #pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  /** Every message read so far, in order. */
  readonly seen: SseMessage[] = [];

  constructor(response: Response, abort?: AbortController) {
    assert.ok(response.body, 'an SSE response has a body');
    this.response = response;
    this.#reader = response.body.getReader();
    this.#abort = abort;
  }

  /** The next message, or null when the server closed the stream. */
  async next(timeoutMs = SSE_WAIT_MS): Promise<SseMessage | null> {
    for (;;) {
      const message = this.#take();
      if (message) {
        this.seen.push(message);
        return message;
      }
      if (this.#done) return null;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no SSE message within ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        const read = (this.#pending ??= this.#reader.read());
        const chunk = await Promise.race([read, timeout]);
        this.#pending = null;
        if (chunk.done) this.#done = true;
        else this.#buffer += this.#decoder.decode(chunk.value, { stream: true });
      } finally {
        clearTimeout(timer);
      }
    }
  }

  /** Reads until a message matches (failing after `timeoutMs` in all). */
  async until(match: (message: SseMessage) => boolean, timeoutMs = SSE_WAIT_MS): Promise<SseMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching SSE message within ${timeoutMs} ms; saw ${JSON.stringify(this.seen.slice(-5))}`);
      const message = await this.next(left);
      if (message === null) throw new Error(`the stream ended before a matching message; saw ${JSON.stringify(this.seen.slice(-5))}`);
      if (match(message)) return message;
    }
  }

  /** The next event of this type (`event:` line), its data parsed. */
  async event(type: string, timeoutMs = SSE_WAIT_MS): Promise<{ id: string | undefined; data: Record<string, unknown> }> {
    const message = await this.until((m) => m.event === type, timeoutMs);
    return { id: message.id, data: JSON.parse(message.data ?? 'null') as Record<string, unknown> };
  }

  /** Reads everything until the server ends the stream; returns the messages of that stretch. */
  async rest(timeoutMs = SSE_WAIT_MS): Promise<SseMessage[]> {
    const from = this.seen.length;
    const deadline = Date.now() + timeoutMs;
    while ((await this.next(Math.max(1, deadline - Date.now()))) !== null);
    return this.seen.slice(from);
  }

  /** Collects what arrives within `ms` (to show that something did NOT arrive). */
  async within(ms: number): Promise<SseMessage[]> {
    const from = this.seen.length;
    const deadline = Date.now() + ms;
    try {
      while (Date.now() < deadline && (await this.next(Math.max(1, deadline - Date.now()))) !== null);
    } catch {
      // The wait ran out: that is the point.
    }
    return this.seen.slice(from);
  }

  /** Stops reading: cancels the body (the server's stream cleans up) and aborts the request. */
  async close(): Promise<void> {
    this.#done = true;
    this.#abort?.abort();
    await this.#reader.cancel().catch(() => {});
  }

  #take(): SseMessage | null {
    const normalised = this.#buffer.replace(/\r\n?/g, '\n');
    const end = normalised.indexOf('\n\n');
    if (end < 0) {
      this.#buffer = normalised;
      return null;
    }
    this.#buffer = normalised.slice(end + 2);
    const message: SseMessage = {};
    for (const line of normalised.slice(0, end).split('\n')) {
      if (line.startsWith(':')) {
        message.comment = line.slice(1).trim();
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id' || field === 'event') message[field] = value;
      else if (field === 'data') message.data = message.data === undefined ? value : `${message.data}\n${value}`;
      else if (field === 'retry') message.retry = Number(value);
    }
    return message;
  }
}

/** Something that answers requests like the app (a TestApi's app, a second instance's). */
export interface Requester {
  app: Hono<AppEnv>;
}

/**
 * `GET /v1/events` for these topics with these headers. Resolves to the response and, when
 * it is a 200 stream, a reader (close it in the test); otherwise the body is read as text.
 */
export async function openEvents(
  server: Requester,
  topics: readonly string[],
  headers: Record<string, string>,
  lastEventId?: string,
): Promise<{ status: number; reader: SseReader | null; text: string }> {
  const abort = new AbortController();
  const query = topics.map((topic) => `topic=${encodeURIComponent(topic)}`).join('&');
  const response = await server.app.request(`/v1/events?${query}`, {
    headers: lastEventId === undefined ? headers : { ...headers, 'Last-Event-ID': lastEventId },
    signal: abort.signal,
  });
  if (response.status === 200 && /^text\/event-stream/.test(response.headers.get('content-type') ?? '')) {
    return { status: 200, reader: new SseReader(response, abort), text: '' };
  }
  return { status: response.status, reader: null, text: await response.text() };
}

/** Opens a stream that must succeed; returns its reader, past the leading `retry:` line. */
export async function mustOpenEvents(
  server: Requester,
  topics: readonly string[],
  headers: Record<string, string>,
  lastEventId?: string,
): Promise<SseReader> {
  const { status, reader, text } = await openEvents(server, topics, headers, lastEventId);
  assert.equal(status, 200, text);
  assert.ok(reader);
  const first = await reader.next();
  assert.equal(first?.retry, 3000, 'the stream starts with retry: 3000');
  return reader;
}
