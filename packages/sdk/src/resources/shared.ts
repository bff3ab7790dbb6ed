// What several resource modules share: the options of direct calls and the shape of an edit.
import type { KithCore, SendSpec } from '../core.js';
import type { RequestOptions } from '../transport.js';

/** Options of a call sent at once (`core.send`: administration, automation). */
export interface SendOptions extends RequestOptions {
  /**
   * The key the server applies this write once under. Default: a new one per call, kept
   * across that call's retries. Pass your own (e.g. derived from your record's id) to retry
   * safely across restarts of a sync job: the server answers a repeat with the first answer.
   */
  idempotencyKey?: string | undefined;
}

/**
 * The record an edit was made against: its id and the version it had (sent as `If-Match`).
 * Pass the record as you read it; a stale version fails with `conflict`, whose `current`
 * is the record as it is now.
 */
export interface Versioned {
  readonly id: string;
  readonly version: number;
}

/** `core.send` taking {@link SendOptions}: the caller's idempotency key, if any, goes into the spec. */
export function sender(core: KithCore) {
  return <T>(spec: SendSpec<T>, options?: SendOptions): Promise<T> =>
    core.send(options?.idempotencyKey === undefined ? spec : { ...spec, idempotencyKey: options.idempotencyKey }, {
      signal: options?.signal,
      timeoutMs: options?.timeoutMs,
    });
}

/** `encodeURIComponent` for one path segment: an id from a URL or a form may hold `/`, `?` or `#`. */
export const seg = (value: string): string => encodeURIComponent(value);
