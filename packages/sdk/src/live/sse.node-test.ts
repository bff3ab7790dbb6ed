// The SSE parser against the WHATWG rules, fed in every chunking that can split a line,
// a line ending or a UTF-8 character. Node only: named *.node-test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createSseParser, type SseMessage } from './sse.js';

interface Parsed {
  messages: SseMessage[];
  retries: number[];
}

function parse(chunks: readonly Uint8Array[]): Parsed {
  const parsed: Parsed = { messages: [], retries: [] };
  const parser = createSseParser({ onMessage: (message) => parsed.messages.push(message), onRetry: (ms) => parsed.retries.push(ms) });
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return parsed;
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** The same stream cut into pieces of every size from 1 byte up, and at every single split point. */
function chunkings(text: string): Uint8Array[][] {
  const all = bytes(text);
  const result: Uint8Array[][] = [[all]];
  for (let size = 1; size <= 7; size++) {
    const pieces: Uint8Array[] = [];
    for (let i = 0; i < all.length; i += size) pieces.push(all.slice(i, i + size));
    result.push(pieces);
  }
  for (let cut = 1; cut < all.length; cut++) result.push([all.slice(0, cut), all.slice(cut)]);
  return result;
}

/** Parses `text` in every chunking and checks that each gives `expected`. */
function same(text: string, expected: Parsed): void {
  for (const chunks of chunkings(text)) {
    assert.deepEqual(parse(chunks), expected, `chunks of ${chunks.map((chunk) => chunk.length).join('+')} bytes`);
  }
}

const message = (data: string, event = 'message', lastEventId = ''): SseMessage => ({ event, data, lastEventId });

describe('createSseParser', () => {
  test('the server stream: retry, events, pings, end', () => {
    const text =
      'retry: 3000\n\n' +
      'id: 7\nevent: review.published\ndata: {"id":"7"}\n\n' +
      ': ping\n\n' +
      'event: end\ndata: {"reason":"token_expired"}\n\n';
    same(text, {
      retries: [3000],
      messages: [message('{"id":"7"}', 'review.published', '7'), message('{"reason":"token_expired"}', 'end', '7')],
    });
  });

  test('\\n, \\r\\n and \\r line endings, mixed', () => {
    same('data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r', { retries: [], messages: [message('a\nb\nc'), message('d')] });
  });

  test('a \\r at the end of a chunk and a \\n opening the next are one line ending', () => {
    const parsed = parse([bytes('data: a\r'), bytes('\ndata: b\r'), bytes('\n\r'), bytes('\n')]);
    assert.deepEqual(parsed.messages, [message('a\nb')]);
  });

  test('multi-line data keeps empty lines between, drops the last newline only', () => {
    same('data: one\ndata:\ndata:  two\n\n', { retries: [], messages: [message('one\n\n two')] });
  });

  test('a field without a colon has an empty value; an unknown field is ignored', () => {
    same('data\ndata\n\nfoo: bar\ndata: x\n\n', { retries: [], messages: [message('\n'), message('x')] });
  });

  test('only the first space after the colon is removed; no space is fine', () => {
    same('event:tick\ndata:x\n\nevent:  two\ndata:   y\n\n', { retries: [], messages: [message('x', 'tick'), message('  y', ' two')] });
  });

  test('an id persists until changed, an id with NUL is ignored, an empty id resets', () => {
    same('id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\nid\ndata: d\n\n', {
      retries: [],
      messages: [message('a', 'message', '1'), message('b', 'message', '1'), message('c', 'message', '1'), message('d', 'message', '')],
    });
  });

  test('retry takes ASCII digits only', () => {
    same('retry: 10\nretry: -1\nretry: 1.5\nretry: 2x\nretry:\nretry: 250\n\n', { retries: [10, 250], messages: [] });
  });

  test('a message without data is not dispatched, and its event type does not leak into the next', () => {
    same('event: end\n\ndata: x\n\n', { retries: [], messages: [message('x')] });
  });

  test('comments are ignored anywhere', () => {
    same(':hello\ndata: a\n: ping\ndata: b\n\n', { retries: [], messages: [message('a\nb')] });
  });

  test('UTF-8 split across chunks, a leading BOM stripped once', () => {
    same('\uFEFFdata: 好评 — café 👍\n\ndata: \uFEFFx\n\n', { retries: [], messages: [message('好评 — café 👍'), message('\uFEFFx')] });
  });

  test('an unfinished message at the end of the stream is discarded', () => {
    same('data: done\n\ndata: half\n', { retries: [], messages: [message('done')] });
    same('data: done\n\ndata: no newline', { retries: [], messages: [message('done')] });
  });
});
