// The Server-Sent Events wire format (https://html.spec.whatwg.org/multipage/server-sent-events.html):
// `field: value` lines, a blank line ends a message, a line starting with `:` is a comment.

/** A message of one field (`retry: 3000`). */
export function sseField(name: 'retry', value: string): string {
  return `${name}: ${value}\n\n`;
}

/** A comment line: ignored by clients, keeps proxies from closing an idle stream. */
export function sseComment(text: string): string {
  return `: ${text}\n\n`;
}

/**
 * One event: `id` (omitted for a message that must not move the client's Last-Event-ID),
 * `event` (its type) and `data` (JSON, which never contains a raw line break).
 */
export function sseEvent(id: string | null, event: string, data: string): string {
  if (/[\r\n]/.test(event) || (id !== null && /[\r\n]/.test(id)) || /[\r\n]/.test(data)) {
    throw new Error('an SSE field must not contain a line break');
  }
  return `${id === null ? '' : `id: ${id}\n`}event: ${event}\ndata: ${data}\n\n`;
}
