// An incremental Server-Sent Events parser, per the WHATWG "event stream interpretation"
// (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation).
// The SDK reads `/v1/events` with fetch (credentials in a header, which EventSource cannot
// send), so it parses the stream itself.

/** One dispatched message. */
export interface SseMessage {
  /** The `event:` field, `message` when absent. */
  event: string;
  /** The `data:` lines joined by `\n`. */
  data: string;
  /** The last event id at dispatch: persists across messages until an `id:` changes it. */
  lastEventId: string;
}

export interface SseHandlers {
  onMessage(message: SseMessage): void;
  /** A valid `retry:` (digits only), in milliseconds. */
  onRetry?(ms: number): void;
}

export interface SseParser {
  /** Feeds bytes as they arrive; a UTF-8 sequence or a line may be split anywhere. */
  push(chunk: Uint8Array): void;
  /** The stream ended: an unfinished message is discarded, as the spec says. */
  end(): void;
}

const LF = 10;
const CR = 13;

export function createSseParser(handlers: SseHandlers): SseParser {
  // Stream mode keeps a split multi-byte character for the next chunk; the default
  // (ignoreBOM false) strips the one leading BOM the spec allows.
  const decoder = new TextDecoder('utf-8');
  let partial = '';
  /** The previous chunk ended with CR: a LF opening the next one belongs to it. */
  let afterCR = false;
  let data = '';
  let event = '';
  let lastEventId = '';

  function dispatch(): void {
    if (data === '') {
      event = '';
      return;
    }
    const message: SseMessage = { event: event || 'message', data: data.slice(0, -1), lastEventId };
    data = '';
    event = '';
    handlers.onMessage(message);
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.charCodeAt(0) === 58 /* ':' */) return; // a comment (`: ping`)
    const colon = text.indexOf(':');
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? '' : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32 /* ' ' */) value = value.slice(1);
    if (field === 'data') data += `${value}\n`;
    else if (field === 'event') event = value;
    else if (field === 'id') {
      if (!value.includes('\0')) lastEventId = value;
    } else if (field === 'retry') {
      if (/^\d+$/.test(value)) handlers.onRetry?.(Number(value));
    }
  }

  function feed(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (afterCR) {
        afterCR = false;
        if (code === LF) {
          start = i + 1;
          continue;
        }
      }
      if (code === LF || code === CR) {
        const whole = partial + text.slice(start, i);
        partial = '';
        start = i + 1;
        afterCR = code === CR;
        line(whole);
      }
    }
    partial += text.slice(start);
  }

  return {
    push(chunk) {
      feed(decoder.decode(chunk, { stream: true }));
    },
    end() {
      feed(decoder.decode());
      partial = '';
      data = '';
      event = '';
    },
  };
}
