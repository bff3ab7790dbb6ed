// The public shape of the outbox: user-authored writes kept in IndexedDB until delivered once.
import type { DegradedReason } from '../cache/store.js';
import type { KithError } from '../errors.js';
import type { HttpMethod, QueryValue } from '../transport.js';
import type { ResponseSchema } from '../validate.js';

/** A write a person authored (a review, a complaint, a note, a stage move, an edit). */
export interface WriteSpec<T> {
  /** What it is, for a page listing the queue, e.g. `reviews.submit`, `interactions.create`. */
  kind: string;
  method: Exclude<HttpMethod, 'GET'>;
  path: string;
  query?: Record<string, QueryValue> | undefined;
  /** JSON-serialisable: stored as is, shown again, editable after a refusal. */
  body?: unknown;
  /** The version the edit was made against (`If-Match`). */
  ifMatch?: number | string | undefined;
  /** Validates the answer when it arrives in this page. */
  schema: ResponseSchema<T>;
  /** Path prefixes of cached reads to fetch again once it is delivered (e.g. `/v1/customers/42`). */
  invalidates?: readonly string[] | undefined;
}

/**
 * Where an entry is: waiting for an attempt (`pending`), being sent by this page now (`sending`;
 * other pages see it `pending`), or refused by the server or expired (`failed`, kept until the
 * person resubmits or discards it).
 */
export type OutboxState = 'pending' | 'sending' | 'failed';

/** Why an entry failed, or its last retryable failure: a `KithError` in a form IndexedDB can store. */
export interface OutboxError {
  readonly code: KithError['code'];
  readonly message: string;
  /** The HTTP status, or `null` when no answer arrived (network, timeout, expiry). */
  readonly status: number | null;
  /** What is wrong with which field (`validation`), to show beside the edited form. */
  readonly issues: KithError['issues'];
  /** For `conflict`: the record as it is now on the server, to merge before resubmitting. */
  readonly current: unknown;
}

/** One stored write, as the page can read it. */
export interface OutboxEntry {
  readonly id: string;
  readonly kind: string;
  readonly method: Exclude<HttpMethod, 'GET'>;
  readonly path: string;
  readonly query: Record<string, QueryValue> | undefined;
  readonly body: unknown;
  readonly ifMatch: number | string | undefined;
  readonly invalidates: readonly string[];
  /** Sent on every attempt; the server applies the write once under it. */
  readonly idempotencyKey: string;
  /** The cache partition (server + subject) it belongs to: only ever sent under that credential. */
  readonly partition: string;
  readonly createdAt: number;
  readonly attempts: number;
  /** When the next attempt may start (ms since the epoch). */
  readonly nextAttemptAt: number;
  readonly state: OutboxState;
  /** Why it failed (`failed`) or the last retryable failure (`pending`). */
  readonly error: OutboxError | undefined;
}

/**
 * What a write did: delivered now (`sent`), kept to deliver later (`queued`: offline, server
 * down, rate limited), or refused by the server (`failed`: validation, forbidden, conflict —
 * the entry stays in the outbox, readable and editable, until resubmitted or discarded).
 */
export type WriteResult<T> =
  /** `replayed`: the server had applied it already (an earlier attempt whose answer was lost) and sent its saved answer. */
  | { readonly status: 'sent'; readonly data: T; readonly entryId: string; readonly replayed: boolean }
  | { readonly status: 'queued'; readonly entry: OutboxEntry }
  | { readonly status: 'failed'; readonly entry: OutboxEntry; readonly error: KithError };

export type OutboxEvent =
  /** The current subject's entries changed (added, attempted, failed, removed). */
  | { readonly type: 'change'; readonly entries: readonly OutboxEntry[] }
  /** An entry was delivered by this page (possibly one written in an earlier page). `body` is the
   * server's answer, unvalidated (the schema of an earlier page's write is not stored); `replayed`
   * as in {@link WriteResult}. */
  | { readonly type: 'delivered'; readonly entry: OutboxEntry; readonly body: unknown; readonly replayed: boolean }
  /** IndexedDB is not usable: entries now live in this page's memory only (reported once). */
  | { readonly type: 'degraded'; readonly reason: DegradedReason; readonly error: unknown };

/** What a resubmission may change besides the body. */
export interface ResubmitOptions {
  /** The version the edit is now made against (after a `conflict`, `error.current`'s version). */
  ifMatch?: number | string | undefined;
}

export interface Outbox {
  /** The current subject's entries not yet delivered (pending, sending, failed), oldest first. */
  readonly entries: readonly OutboxEntry[];
  /** How many of them wait to be sent (pending or sending). */
  readonly pending: number;
  /** True once IndexedDB was given up: entries do not outlive this page. */
  readonly degraded: boolean;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  /**
   * Tries every pending entry of the current subject now, one tab at a time — also those waiting
   * out a backoff (a "retry now" button, back online), not those a server's `Retry-After` holds.
   * Never rejects.
   */
  flush(): Promise<void>;
  /**
   * Sends a failed (or pending) entry's edited body as a new write with a new key; the old entry
   * is removed in the same IndexedDB transaction the new one is stored in. Rejects with a
   * `not_found` KithError when there is no such entry (delivered or discarded meanwhile).
   */
  resubmit<T>(id: string, body: unknown, schema: ResponseSchema<T>, options?: ResubmitOptions): Promise<WriteResult<T>>;
  /** Removes an entry the person chose to drop (waits for an attempt in flight; nothing when it is gone). */
  discard(id: string): Promise<void>;
}
