// The outbox's rules as pure functions: what an attempt's failure means for the entry, what an
// entry becomes next, which entries a flush may attempt. No I/O here (tested in Node).
import { isKithError, KithError } from '../errors.js';
import { retryDelayMs } from './backoff.js';
import type { OutboxEntry, OutboxError, WriteSpec } from './types.js';

/**
 * What a failed attempt means:
 * - `held`: nothing was sent for a reason that is not the entry's — the credential now speaks for
 *   someone else (the transport's subject guard), the token function failed, the page aborted.
 *   The entry stays as it was, for its author's next sign-in.
 * - `retry`: no answer (`network`, `timeout`), a 5xx, `rate_limited`, or a 401 to the author's
 *   own token (a later token may be accepted): tried again later.
 * - `applied`: a 2xx whose body is not JSON (`invalid_response`): the server applied the write,
 *   so it is delivered, however garbled the answer.
 * - `failed`: the server refused it (validation, forbidden, not found, conflict): kept, readable,
 *   for the person to edit and resubmit or discard.
 */
export type Verdict = 'held' | 'retry' | 'applied' | 'failed';

export function verdictOf(error: unknown): Verdict {
  if (!isKithError(error)) return 'held';
  switch (error.code) {
    case 'unauthorized':
      return error.status === null ? 'held' : 'retry';
    case 'network':
    case 'timeout':
    case 'server':
    case 'rate_limited':
      return 'retry';
    case 'invalid_response':
      return 'applied';
    default:
      return 'failed';
  }
}

/** A `KithError` as IndexedDB can store it (structured-clone safe: paths are strings and numbers). */
export function storedError(error: KithError): OutboxError {
  return {
    code: error.code,
    message: error.message,
    status: error.status,
    issues: error.issues.map((issue) => ({ path: issue.path.map((part) => (typeof part === 'number' ? part : String(part))), message: issue.message })),
    current: error.current,
  };
}

/** A new entry for a write, in `partition`, due at once. The body is stored as given (JSON data). */
export function createEntry<T>(spec: WriteSpec<T>, partition: string, ids: { id: string; idempotencyKey: string }, now: number): OutboxEntry {
  return {
    id: ids.id,
    kind: spec.kind,
    method: spec.method,
    path: spec.path,
    query: spec.query,
    body: spec.body,
    ifMatch: spec.ifMatch,
    invalidates: [...(spec.invalidates ?? [])],
    idempotencyKey: ids.idempotencyKey,
    partition,
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    state: 'pending',
    error: undefined,
  };
}

/** After a retryable failure: one more attempt counted, the next one scheduled. */
export function afterRetryableFailure(entry: OutboxEntry, error: KithError, now: number, random: () => number = Math.random): OutboxEntry {
  const attempts = entry.attempts + 1;
  const wait = retryDelayMs(attempts, error.code === 'rate_limited' ? error.retryAfterSeconds : null, random);
  return { ...entry, attempts, nextAttemptAt: now + wait, state: 'pending', error: storedError(error) };
}

/** After the server refused it: failed, payload intact. */
export function afterRefusal(entry: OutboxEntry, error: KithError): OutboxEntry {
  return { ...entry, attempts: entry.attempts + 1, state: 'failed', error: storedError(error) };
}

export const isExpired = (entry: OutboxEntry, now: number, maxAgeMs: number): boolean => now - entry.createdAt >= maxAgeMs;

/** The error of an entry no longer retried because it is older than `maxAgeMs`. */
export function expiryError(maxAgeMs: number): KithError {
  const age = maxAgeMs % 86_400_000 === 0 ? `${maxAgeMs / 86_400_000} days` : `${maxAgeMs} ms`;
  return new KithError(
    'timeout',
    `Expired unsent: not delivered within ${age}. It is no longer retried, because the server forgets its idempotency ` +
      'key after that and a retry could then apply it twice. Check whether it arrived before sending it again.',
  );
}

/** An entry retried for `maxAgeMs` without delivery: failed, payload intact. */
export const expire = (entry: OutboxEntry, maxAgeMs: number): OutboxEntry => ({ ...entry, state: 'failed', error: storedError(expiryError(maxAgeMs)) });

export interface Selection {
  now: number;
  /** Ignore backoff (a forced flush: "retry now", back online) — never a server's `Retry-After`. */
  force: boolean;
  /** Entries this page wrote and has not settled: its own, attempted even when just written. */
  own: ReadonlySet<string>;
  /** How long another page's just-written entry (never attempted) is left to its author, which is
   * sending it now; after that it is anyone's (the author may have closed before sending). */
  graceMs: number;
  /** The entries whose author page is storing or sending them now (it holds their Web Lock), where
   * that can be known: another page's never-attempted entry missing here is anyone's at once — its
   * author closed, crashed or gave up waiting for the partition. `undefined` (no Web Locks): the
   * grace alone decides. */
  authoring?: ReadonlySet<string> | undefined;
}

const waiting = (entry: OutboxEntry) => entry.state !== 'failed';
const heldByServer = (entry: OutboxEntry, now: number) => entry.error?.code === 'rate_limited' && entry.nextAttemptAt > now;
const othersFresh = (entry: OutboxEntry, { now, own, graceMs, authoring }: Selection) =>
  entry.attempts === 0 && !own.has(entry.id) && now - entry.createdAt < graceMs && (authoring?.has(entry.id) ?? true);

/** The entries a flush attempts, oldest first (a person's writes arrive in the order written). */
export function entriesToAttempt(entries: readonly OutboxEntry[], selection: Selection): OutboxEntry[] {
  const { now, force } = selection;
  return entries
    .filter((entry) => waiting(entry) && !othersFresh(entry, selection) && (force ? !heldByServer(entry, now) : entry.nextAttemptAt <= now))
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** When the earliest of these entries may be attempted by a timer; `undefined` when none waits. */
export function nextWake(entries: readonly OutboxEntry[], selection: Omit<Selection, 'force'>): number | undefined {
  let wake: number | undefined;
  for (const entry of entries) {
    if (!waiting(entry)) continue;
    const at = othersFresh(entry, { ...selection, force: false }) ? Math.max(entry.nextAttemptAt, entry.createdAt + selection.graceMs) : entry.nextAttemptAt;
    wake = wake === undefined ? at : Math.min(wake, at);
  }
  return wake;
}
