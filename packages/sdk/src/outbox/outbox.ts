// The outbox: user-authored writes stored (IndexedDB, strict durability) before the first attempt,
// then delivered exactly once — by the server's idempotency key, which every attempt carries, and
// by one flusher per partition across tabs (Web Locks). See README.md for the rules and why.
//
// Two retry layers: the transport retries quickly inside one call (a blip), this file keeps the
// slow schedule (`nextAttemptAt`, backoff.ts) that survives reloads and waits for `online`.
import type { Credentialed, Partition } from '../reads/reads.js';
import { KithError, toKithError } from '../errors.js';
import { safely } from '../safely.js';
import { newIdempotencyKey, type Transport } from '../transport.js';
import { parseResponse } from '../validate.js';
import { lockFor, lockNames } from './lock.js';
import { createOutboxStore } from './store.js';
import {
  afterRefusal, afterRetryableFailure, createEntry, entriesToAttempt, expire, expiryError, isExpired, nextWake,
  storedError, verdictOf,
} from './transitions.js';
import type { Outbox, OutboxEntry, OutboxEvent, WriteResult, WriteSpec } from './types.js';

export interface OutboxDeps {
  transport: Transport;
  /** The current credential and its partition (one call of the token function); rejects when it fails. */
  credential(signal?: AbortSignal): Promise<Credentialed>;
  /** The partition of the last credential seen, for a write made while the token function fails. */
  lastPartition(): Partition | undefined;
  /** The IndexedDB factory; `null` for none (memory only, reported as degraded). */
  indexedDB: IDBFactory | null;
  /** IndexedDB database and Web Lock name prefix. */
  name: string;
  now(): number;
  /** How long an entry is retried before it fails (the server keeps idempotency keys 7 days). */
  maxAgeMs: number;
  /** Called once per delivered entry (in the page that delivered it). */
  onDelivered(entry: OutboxEntry, body: unknown): void;
}

export interface OutboxController extends Outbox {
  enqueue<T>(spec: WriteSpec<T>): Promise<WriteResult<T>>;
  /** A person signed in (or back): sends their waiting entries now, if they have any. */
  resume(partition: string): void;
  close(): void;
}

/** How long a write waits for another tab's flush of its partition before it answers `queued`. */
const LOCK_WAIT_MS = 3_000;
/** How long at most another page's just-written entry is left to its author (see `entriesToAttempt`):
 * where Web Locks tell, only while the author holds its claim. */
const GRACE_MS = 20_000;
/** setTimeout's longest delay. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** How an attempt of one entry ended, for the write that waits on it. */
type Settlement =
  | { kind: 'delivered'; entry: OutboxEntry; body: unknown; replayed: boolean; garbled: KithError | undefined }
  | { kind: 'queued'; entry: OutboxEntry }
  | { kind: 'failed'; entry: OutboxEntry; error: KithError };


export function createOutbox(deps: OutboxDeps): OutboxController {
  const store = createOutboxStore({ indexedDB: deps.indexedDB, name: deps.name });
  const withLock = lockFor();
  const listeners = new Set<(event: OutboxEvent) => void>();
  /** Entries written here and not yet settled: attempted here even when just written. */
  const own = new Set<string>();
  /** Entries this page is sending now (shown as `sending`; other pages see them `pending`). */
  const sending = new Set<string>();
  /** Entries whose write or resubmission waits for their first outcome, and those outcomes. */
  const awaited = new Set<string>();
  const settled = new Map<string, Settlement>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Aborted by `close()`: lock waits give up, a flush starts no further attempt and the one in
   * flight is aborted. Replaced, so a write after `close()` still works — which is why every
   * operation takes `closing.signal` once, when it starts: read after a wait, it would be the
   * new one, and a `close()` during that wait (a token call, storing the entry) would be missed. */
  let closing = new AbortController();
  /** After `close()` no timer is set and `online` is not heard, until the page uses the outbox again. */
  let closed = true;
  const onOnline = () => void flush(true);
  function open(): void {
    if (!closed) return;
    closed = false;
    globalThis.addEventListener?.('online', onOnline);
  }

  const lockName = (partition: string) => `${deps.name} ${partition}`;
  /** Held by a page while it stores and sends an entry it just wrote (see `deliver`). */
  const claimName = (id: string) => `${deps.name} writing ${id}`;
  const emit = (event: OutboxEvent) => listeners.forEach((listener) => safely(() => listener(event)));

  /** The current subject's entries, oldest first, `sending` where this page sends them now. */
  function entries(): OutboxEntry[] {
    const partition = deps.lastPartition()?.name;
    if (partition === undefined) return [];
    return store
      .snapshot()
      .filter((entry) => entry.partition === partition)
      .map((entry) => (sending.has(entry.id) ? { ...entry, state: 'sending' as const } : entry));
  }
  /** The partition the last `change` event was about, so a new subject gets one. */
  let shown: string | undefined;
  const emitChange = () => {
    shown = deps.lastPartition()?.name;
    emit({ type: 'change', entries: entries() });
  };
  store.subscribe((event) => (event.type === 'change' ? emitChange() : emit(event)));

  function settle(settlement: Settlement): void {
    const { id } = settlement.entry;
    if (awaited.has(id)) settled.set(id, settlement);
    own.delete(id); // attempted: no longer a just-written entry another page must leave alone
  }

  /** Sends one entry under the partition's credential; never throws. `held` when nothing was sent
   * for a reason that is not the entry's (another subject now, no token): stop the flush. */
  async function attempt(entry: OutboxEntry, credentialed: Credentialed, signal: AbortSignal): Promise<Settlement | 'held'> {
    sending.add(entry.id);
    emitChange();
    try {
      const response = await deps.transport.request({
        method: entry.method,
        path: entry.path,
        query: entry.query,
        body: entry.body,
        ifMatch: entry.ifMatch,
        idempotencyKey: entry.idempotencyKey,
        // Only ever under its author's credential: the transport refuses to send otherwise.
        subject: credentialed.partition.subject,
        authorization: credentialed.authorization,
        // `close()`: this page stops sending, the transport's quick retries included. Aborted, the
        // entry stays as it was (`held`); had the server applied it already, the next page to send
        // it gets the saved answer (`replayed`), never a second row.
        signal,
      });
      return { kind: 'delivered', entry, body: response.body, replayed: response.replayed, garbled: undefined };
    } catch (error) {
      const verdict = verdictOf(error);
      if (verdict === 'held') return 'held';
      const kithError = toKithError(error);
      if (verdict === 'applied') return { kind: 'delivered', entry, body: null, replayed: false, garbled: kithError };
      if (verdict === 'failed') return { kind: 'failed', entry: afterRefusal(entry, kithError), error: kithError };
      return { kind: 'queued', entry: afterRetryableFailure(entry, kithError, deps.now()) };
    } finally {
      sending.delete(entry.id);
    }
  }

  /** Attempts the partition's entries; the caller holds the partition's lock. Never throws.
   * `signal`: the operation's `closing.signal` — once the client closes, no attempt starts. */
  async function flushLocked(credentialed: Credentialed, force: boolean, signal: AbortSignal): Promise<void> {
    const partition = credentialed.partition.name;
    const stored = await store.read(partition); // IndexedDB now: another tab may have just delivered some
    const waiting: OutboxEntry[] = [];
    for (const entry of stored) {
      if (entry.state === 'failed') continue;
      if (!isExpired(entry, deps.now(), deps.maxAgeMs)) {
        waiting.push(entry);
        continue;
      }
      const expired = expire(entry, deps.maxAgeMs);
      await store.put(expired);
      settle({ kind: 'failed', entry: expired, error: expiryError(deps.maxAgeMs) });
    }
    // Another page's never-attempted entry is left to its author only while the author is at it.
    const authoring = waiting.some((entry) => entry.attempts === 0 && !own.has(entry.id)) ? await authorsAtWork() : undefined;
    for (const entry of entriesToAttempt(waiting, { now: deps.now(), force, own, graceMs: GRACE_MS, authoring })) {
      if (signal.aborted) break; // closed: the entries are left to the next page (or this one reopened)
      const outcome = await attempt(entry, credentialed, signal);
      if (outcome === 'held') {
        emitChange(); // no longer `sending`, and nothing else changed
        break;
      }
      if (outcome.kind === 'delivered') {
        await store.remove(entry);
        settle(outcome);
        safely(() => deps.onDelivered(entry, outcome.body));
        emit({ type: 'delivered', entry, body: outcome.body, replayed: outcome.replayed });
        continue;
      }
      await store.put(outcome.entry);
      settle(outcome);
      // No answer, or asked to slow down: the next entries would fare the same. A 5xx or a refusal
      // may be this entry's own, so the others still go.
      const code = outcome.kind === 'queued' ? outcome.entry.error?.code : undefined;
      if (code === 'network' || code === 'timeout' || code === 'rate_limited' || code === 'unauthorized') break;
    }
    schedule(partition);
  }

  /** The entries whose author page holds their claim now (any page of this origin); `undefined`
   * where that cannot be known (no Web Locks). */
  async function authorsAtWork(): Promise<ReadonlySet<string> | undefined> {
    const names = await lockNames();
    if (!names) return undefined;
    const prefix = claimName('');
    return new Set([...names].filter((name) => name.startsWith(prefix)).map((name) => name.slice(prefix.length)));
  }

  /** One timer, at the earliest moment one of the partition's entries may be attempted again. */
  function schedule(partition: string): void {
    clearTimeout(timer);
    timer = undefined;
    if (closed) return; // an attempt that was in flight when the client closed
    const wake = nextWake(
      store.snapshot().filter((entry) => entry.partition === partition),
      { now: deps.now(), own, graceMs: GRACE_MS },
    );
    if (wake === undefined) return;
    timer = setTimeout(() => void flush(false), Math.min(MAX_TIMER_MS, Math.max(0, wake - deps.now())));
    (timer as { unref?: () => void }).unref?.(); // Node: a pending retry does not keep the process alive
  }

  /** Flushes the current subject's partition, one tab at a time. Never rejects. */
  async function flush(force: boolean): Promise<void> {
    open();
    const signal = closing.signal; // now, before the token call: a close() during it stops this flush
    let credentialed: Credentialed;
    try {
      credentialed = await deps.credential(signal);
    } catch {
      return; // no credential now (token function failing, offline) or closed: `online`, a write or a reload tries again
    }
    if (signal.aborted) return;
    if (credentialed.partition.name !== shown) emitChange(); // a new subject: its entries now
    await withLock(lockName(credentialed.partition.name), () => flushLocked(credentialed, force, signal), signal).catch(() => undefined);
  }

  /** The result of a write whose entry was stored and (maybe) attempted. */
  function resultOf<T>(entry: OutboxEntry, schema: WriteSpec<T>['schema']): WriteResult<T> {
    const outcome = settled.get(entry.id);
    settled.delete(entry.id);
    awaited.delete(entry.id);
    if (outcome?.kind === 'delivered') {
      // Applied on the server either way; an answer that is not what the schema says is a
      // server fault reported as the transport reports it (the write is not kept to be resent).
      if (outcome.garbled) throw outcome.garbled;
      return { status: 'sent', data: parseResponse(schema, outcome.body, `answer to ${entry.method} ${entry.path}`), entryId: entry.id, replayed: outcome.replayed };
    }
    if (outcome?.kind === 'failed') return { status: 'failed', entry: outcome.entry, error: outcome.error };
    // Not attempted yet (an earlier entry found the network down, another tab is flushing) or retrying.
    const stored = store.snapshot().find((known) => known.id === entry.id);
    if (stored) return { status: 'queued', entry: stored };
    const error = new KithError('not_found', 'This write was discarded or replaced in another page before it was sent.');
    return { status: 'failed', entry: { ...entry, state: 'failed', error: storedError(error) }, error };
  }

  /** Stores a new entry, then attempts it (with its partition's other due entries) under the lock. */
  async function deliver<T>(entry: OutboxEntry, credentialed: Credentialed | undefined, schema: WriteSpec<T>['schema'], signal: AbortSignal): Promise<WriteResult<T>> {
    own.add(entry.id);
    awaited.add(entry.id);
    let stored = false;
    const storeAndSend = async () => {
      stored = true;
      await store.add(entry); // strict durability; in memory (degraded) when IndexedDB fails — still attempted
      if (credentialed?.partition.name === entry.partition) {
        const wait = AbortSignal.any([signal, AbortSignal.timeout(LOCK_WAIT_MS)]);
        await withLock(lockName(entry.partition), () => flushLocked(credentialed, false, signal), wait).catch(() => schedule(entry.partition));
      }
    };
    // The entry's claim, taken before any other page can see it and let go when this write is
    // answered (sent, refused, or queued: the lock wait gave up, the client closed): other pages leave
    // the entry to this one while it holds the claim, and no longer — a page that closes or crashes
    // lets go of its locks, so its entries do not wait out the grace. Stored all the same if the
    // claim cannot be had; a failure of storing or sending itself reaches the caller as before.
    await withLock(claimName(entry.id), storeAndSend).catch((error: unknown) => {
      if (stored) throw error;
    });
    if (!stored) await storeAndSend();
    return resultOf(entry, schema);
  }

  async function enqueue<T>(spec: WriteSpec<T>): Promise<WriteResult<T>> {
    open();
    const signal = closing.signal; // closed meanwhile: stored all the same, not attempted here
    let credentialed: Credentialed | undefined;
    let tokenError: unknown;
    try {
      credentialed = await deps.credential();
    } catch (error) {
      tokenError = error;
    }
    // The token function failing (its backend offline) must not lose the text: it is kept under the
    // last subject this tab saw and sent when a token comes.
    const partition = credentialed?.partition ?? deps.lastPartition();
    const entry = createEntry(spec, partition?.name ?? '', { id: newIdempotencyKey(), idempotencyKey: newIdempotencyKey() }, deps.now());
    if (!partition) {
      // Nobody to write it for: not stored (it could be sent under a wrong credential); the page keeps the text.
      const error = toKithError(tokenError);
      return { status: 'failed', entry: { ...entry, state: 'failed', error: storedError(error) }, error };
    }
    return deliver(entry, credentialed, spec.schema, signal);
  }

  open();
  // The page's start: entries left by an earlier page (or another tab) of the current subject go now.
  // Only when something waits: a flush asks the token function, and failed entries need no credential.
  // Not once the client is closed (flush() would reopen it).
  void store.load().then(() => {
    if (!closed && store.snapshot().some((entry) => entry.state !== 'failed')) void flush(false);
  });

  return {
    get entries() {
      return entries();
    },
    get pending() {
      return entries().filter((entry) => entry.state !== 'failed').length;
    },
    get degraded() {
      return store.degraded;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    enqueue,
    flush: () => flush(true),
    async resubmit(id, body, schema, options = {}) {
      open();
      const signal = closing.signal;
      const old = store.snapshot().find((entry) => entry.id === id);
      const gone = () => new KithError('not_found', `No outbox entry ${id}: it was delivered or discarded meanwhile.`);
      if (!old) throw gone();
      let credentialed: Credentialed | undefined;
      try {
        credentialed = await deps.credential();
      } catch {
        credentialed = undefined; // stored all the same, sent when a token comes
      }
      const spec = { ...old, body, ifMatch: options.ifMatch ?? old.ifMatch, schema };
      const fresh = createEntry(spec, old.partition, { id: newIdempotencyKey(), idempotencyKey: newIdempotencyKey() }, deps.now());
      own.add(fresh.id);
      awaited.add(fresh.id);
      // Under the lock: the old entry is not being sent right now, so it cannot land beside the new one.
      const replaced = await withLock(lockName(old.partition), async () => {
        const current = (await store.read(old.partition)).find((entry) => entry.id === id);
        if (!current) return false;
        await store.replace(current, fresh);
        own.delete(id);
        if (credentialed?.partition.name === fresh.partition) await flushLocked(credentialed, false, signal);
        return true;
      }, signal).catch(() => false);
      if (!replaced) {
        own.delete(fresh.id);
        awaited.delete(fresh.id);
        throw gone();
      }
      return resultOf(fresh, schema);
    },
    async discard(id) {
      const entry = store.snapshot().find((known) => known.id === id);
      if (!entry) return;
      // Under the lock: an attempt in flight ends first (then there may be nothing left to discard).
      await withLock(lockName(entry.partition), async () => {
        const current = (await store.read(entry.partition)).find((known) => known.id === id);
        if (current) await store.remove(current);
      }, closing.signal).catch(() => undefined);
      own.delete(id);
    },
    resume(partition) {
      // Only when this person has something waiting: a flush asks the token function.
      void store.load().then(() => {
        if (store.snapshot().some((entry) => entry.partition === partition && entry.state !== 'failed')) void flush(false);
      });
    },
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      globalThis.removeEventListener?.('online', onOnline);
      closing.abort(new DOMException('The client was closed', 'AbortError'));
      closing = new AbortController();
      store.close();
    },
  };
}
