// One `GET /v1/events` request, read to its end. It never throws: the outcome says how the
// stream ended, and the live manager (live.ts) decides what to do next.
import type { StreamEnd } from '@kith/schema';
import { createSseParser, type SseMessage } from './sse.js';

export interface StreamRequest {
  /** The API's base URL, without a trailing slash. */
  baseUrl: string;
  topics: readonly string[];
  /** The whole `Authorization` value: the only place a credential travels (never the URL). */
  authorization: string;
  /** Resume after this id (sent as `Last-Event-ID`). */
  lastEventId: string | null;
  fetch: typeof fetch;
  signal: AbortSignal;
  /** The server answered 200 with an event stream. */
  onOpen(): void;
  /** Bytes arrived (heartbeats included): the connection is alive. */
  onActivity(): void;
  /** Every message but `end`, with the id it carried. */
  onMessage(message: SseMessage): void;
  onRetry(ms: number): void;
}

/** The reasons of `StreamEnd` (checked against its type both ways), without bundling zod for them. */
const END_REASONS: Record<StreamEnd['reason'], true> = { token_expired: true, key_revoked: true, server_closing: true };
const isEndReason = (value: unknown): value is StreamEnd['reason'] => typeof value === 'string' && Object.hasOwn(END_REASONS, value);

export type StreamOutcome =
  /** The server said why it closes. */
  | { kind: 'ended'; reason: StreamEnd['reason'] }
  /** Refused before the stream opened; `retryAfterMs` from a 429/503 `Retry-After`. */
  | { kind: 'refused'; status: number; retryAfterMs: number | null }
  /** The network failed, or the stream stopped without an `end`. */
  | { kind: 'dropped'; error: unknown }
  /** Our own signal stopped it. */
  | { kind: 'aborted' };

export function eventsUrl(baseUrl: string, topics: readonly string[]): string {
  const query = new URLSearchParams();
  for (const topic of topics) query.append('topic', topic);
  return `${baseUrl}/v1/events?${query.toString()}`;
}

function retryAfter(response: Response): number | null {
  const seconds = Number(response.headers.get('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : null;
}

export async function readStream(request: StreamRequest): Promise<StreamOutcome> {
  const { signal } = request;
  const headers: Record<string, string> = { authorization: request.authorization, accept: 'text/event-stream' };
  if (request.lastEventId !== null) headers['last-event-id'] = request.lastEventId;
  let ended: StreamEnd['reason'] | null = null;
  const parser = createSseParser({
    onRetry: request.onRetry,
    onMessage(message) {
      if (message.event !== 'end') return request.onMessage(message);
      let end: unknown;
      try {
        end = JSON.parse(message.data);
      } catch {
        end = null;
      }
      const reason = typeof end === 'object' && end !== null ? (end as { reason?: unknown }).reason : undefined;
      // An `end` of a reason this SDK does not know is treated like a shutdown: reconnect.
      ended = isEndReason(reason) ? reason : 'server_closing';
    },
  });
  try {
    const response = await request.fetch(eventsUrl(request.baseUrl, request.topics), { headers, signal, cache: 'no-store' });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
      await response.body?.cancel().catch(() => undefined);
      if (response.ok) return { kind: 'dropped', error: new Error(`GET /v1/events answered ${type || 'no content type'}, not an event stream`) };
      return { kind: 'refused', status: response.status, retryAfterMs: retryAfter(response) };
    }
    request.onOpen();
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      request.onActivity();
      parser.push(value);
      if (ended !== null) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'ended', reason: ended };
      }
    }
    parser.end();
    return ended !== null ? { kind: 'ended', reason: ended } : { kind: 'dropped', error: new Error('the event stream closed without an end') };
  } catch (error) {
    return signal.aborted ? { kind: 'aborted' } : { kind: 'dropped', error };
  }
}
