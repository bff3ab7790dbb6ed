// The public shape of the outbox: user-authored writes kept in IndexedDB until delivered once.
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

/** Where an entry is. */
export type OutboxState = 'pending' | 'sending' | 'failed';

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
  readonly error: { readonly code: KithError['code']; readonly message: string; readonly issues: KithError['issues'] } | undefined;
}

/**
 * What a write did: delivered now (`sent`), kept to deliver later (`queued`: offline, server
 * down, rate limited), or refused by the server (`failed`: validation, forbidden, conflict —
 * the entry stays in the outbox, readable and editable, until resubmitted or discarded).
 */
export type WriteResult<T> =
  | { readonly status: 'sent'; readonly data: T; readonly entryId: string }
  | { readonly status: 'queued'; readonly entry: OutboxEntry }
  | { readonly status: 'failed'; readonly entry: OutboxEntry; readonly error: KithError };

export type OutboxEvent =
  /** The current subject's entries changed (added, attempted, failed, removed). */
  | { readonly type: 'change'; readonly entries: readonly OutboxEntry[] }
  /** An entry was delivered (in this page; possibly one written in an earlier page). */
  | { readonly type: 'delivered'; readonly entry: OutboxEntry; readonly body: unknown }
  /** IndexedDB is not usable: entries now live in this page's memory only (reported once). */
  | { readonly type: 'degraded'; readonly error: unknown };

export interface Outbox {
  /** The current subject's entries not yet delivered (pending, sending, failed), oldest first. */
  readonly entries: readonly OutboxEntry[];
  /** How many of them wait to be sent (pending or sending). */
  readonly pending: number;
  /** True once IndexedDB was given up: entries do not outlive this page. */
  readonly degraded: boolean;
  subscribe(listener: (event: OutboxEvent) => void): () => void;
  /** Tries every due entry of the current subject now (one tab at a time). */
  flush(): Promise<void>;
  /** Sends a failed (or pending) entry's edited body as a new write with a new key; the old entry goes. */
  resubmit<T>(id: string, body: unknown, schema: ResponseSchema<T>): Promise<WriteResult<T>>;
  /** Removes an entry the person chose to drop. */
  discard(id: string): Promise<void>;
}
