// The outbox's pure parts (backoff, state transitions, selection), the in-process mutex, and the
// store without IndexedDB (as in Node). Node only: *.node-test.ts. Delivery is tested in browsers.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KithError } from '../errors.js';
import { OUTBOX_BACKOFF, retryDelayMs } from './backoff.js';
import { withMutex } from './lock.js';
import { createOutboxStore, type StoreEvent } from './store.js';
import {
  afterRefusal, afterRetryableFailure, createEntry, entriesToAttempt, expire, isExpired, nextWake, storedError, verdictOf,
} from './transitions.js';
import type { OutboxEntry } from './types.js';

const DAY = 86_400_000;
const schema = { safeParse: (data: unknown) => ({ success: true as const, data }) };
const entry = (id: string, createdAt: number, changes: Partial<OutboxEntry> = {}): OutboxEntry => ({
  ...createEntry({ kind: 'notes.create', method: 'POST', path: '/v1/x', body: { text: id }, schema }, 'https://api p', { id, idempotencyKey: `key-${id}` }, createdAt),
  ...changes,
});

describe('retryDelayMs', () => {
  test('doubles per attempt with equal jitter: never below half the step, never zero', () => {
    assert.equal(retryDelayMs(1, null, () => 0), OUTBOX_BACKOFF.baseMs / 2);
    assert.equal(retryDelayMs(1, null, () => 0.999_999), OUTBOX_BACKOFF.baseMs - 1);
    assert.equal(retryDelayMs(3, null, () => 0), OUTBOX_BACKOFF.baseMs * 2);
  });
  test('is capped, and a Retry-After is a floor above the cap', () => {
    assert.equal(retryDelayMs(40, null, () => 1), OUTBOX_BACKOFF.maxMs);
    assert.equal(retryDelayMs(1, 3600, () => 0), 3_600_000);
    assert.equal(retryDelayMs(5, 1, () => 0), OUTBOX_BACKOFF.baseMs * 8); // the backoff is longer than the ask
  });
});

describe('verdictOf', () => {
  const error = (code: KithError['code'], status: number | null) => new KithError(code, code, { status });
  test('retries what a later attempt may cure', () => {
    for (const code of ['network', 'timeout'] as const) assert.equal(verdictOf(error(code, null)), 'retry');
    assert.equal(verdictOf(error('server', 503)), 'retry');
    assert.equal(verdictOf(error('rate_limited', 429)), 'retry');
    assert.equal(verdictOf(error('unauthorized', 401)), 'retry'); // the server refused the author's token
  });
  test('holds (does not count) what is no fault of the entry: another subject now, no token, an abort', () => {
    assert.equal(verdictOf(error('unauthorized', null)), 'held');
    assert.equal(verdictOf(new DOMException('stop', 'AbortError')), 'held');
  });
  test('fails what the server refused, and counts a 2xx with garbage as applied', () => {
    for (const [code, status] of [['validation', 400], ['forbidden', 403], ['not_found', 404], ['conflict', 409], ['conflict', 412]] as const) {
      assert.equal(verdictOf(error(code, status)), 'failed', `${code} ${status}`);
    }
    assert.equal(verdictOf(error('invalid_response', 201)), 'applied');
  });
});

describe('entry transitions', () => {
  test('a new entry is pending, due at once, never attempted, with its own key', () => {
    const created = entry('a', 1000);
    assert.deepEqual([created.state, created.attempts, created.nextAttemptAt, created.idempotencyKey], ['pending', 0, 1000, 'key-a']);
    assert.deepEqual(created.body, { text: 'a' });
  });
  test('a retryable failure counts the attempt and schedules the next one (Retry-After honoured)', () => {
    const limited = new KithError('rate_limited', 'slow down', { status: 429, retryAfterSeconds: 120 });
    const next = afterRetryableFailure(entry('a', 0), limited, 5000, () => 0);
    assert.equal(next.attempts, 1);
    assert.equal(next.nextAttemptAt, 5000 + 120_000);
    assert.equal(next.state, 'pending');
    assert.equal(next.error?.code, 'rate_limited');
  });
  test('a refusal fails the entry with its field issues and current record, payload intact', () => {
    const refused = new KithError('conflict', 'stale', { status: 409, details: { current: { version: 3 } } });
    const failed = afterRefusal(entry('a', 0), refused);
    assert.equal(failed.state, 'failed');
    assert.deepEqual(failed.body, { text: 'a' });
    assert.deepEqual(failed.error?.current, { version: 3 });
    const invalid = storedError(new KithError('validation', 'bad', { status: 400, details: { issues: [{ path: ['summary', 0], message: 'Too long' }] } }));
    assert.deepEqual(invalid.issues, [{ path: ['summary', 0], message: 'Too long' }]);
    assert.doesNotThrow(() => structuredClone(failed));
  });
  test('expires at maxAgeMs from createdAt, not a millisecond earlier', () => {
    const created = entry('a', 0);
    assert.equal(isExpired(created, 7 * DAY - 1, 7 * DAY), false);
    assert.equal(isExpired(created, 7 * DAY, 7 * DAY), true);
    const expired = expire(created, 7 * DAY);
    assert.equal(expired.state, 'failed');
    assert.equal(expired.error?.code, 'timeout');
    assert.match(expired.error?.message ?? '', /expired unsent.*7 days/i);
  });
});

describe('entriesToAttempt / nextWake', () => {
  const own = new Set<string>();
  const base = { own, graceMs: 20_000 };
  const attempted = (id: string, createdAt: number, nextAttemptAt: number, code: KithError['code'] = 'network') =>
    entry(id, createdAt, { attempts: 1, nextAttemptAt, error: storedError(new KithError(code, code)) });

  test('due entries oldest first; failed ones never; backoff waits unless forced', () => {
    const list = [attempted('late', 2, 50_000), attempted('b', 1, 10), attempted('a', 0, 20), entry('f', 0, { state: 'failed', attempts: 1 })];
    assert.deepEqual(entriesToAttempt(list, { ...base, now: 30_000, force: false }).map((e) => e.id), ['a', 'b']);
    assert.deepEqual(entriesToAttempt(list, { ...base, now: 30_000, force: true }).map((e) => e.id), ['a', 'b', 'late']);
  });
  test('a forced flush still waits out a server\'s Retry-After', () => {
    const list = [attempted('limited', 0, 90_000, 'rate_limited')];
    assert.deepEqual(entriesToAttempt(list, { ...base, now: 30_000, force: true }), []);
  });
  test("another page's just-written entry is left to its author for the grace period; this page's own is not", () => {
    const list = [entry('theirs', 1000), entry('mine', 1000)];
    const mine = new Set(['mine']);
    assert.deepEqual(entriesToAttempt(list, { own: mine, graceMs: 20_000, now: 2000, force: true }).map((e) => e.id), ['mine']);
    assert.deepEqual(entriesToAttempt(list, { own: mine, graceMs: 20_000, now: 21_000, force: false }).map((e) => e.id), ['theirs', 'mine']);
    assert.equal(nextWake([entry('theirs', 1000)], { own: mine, graceMs: 20_000, now: 2000 }), 21_000);
  });
  test("where the authors at work are known (Web Locks), the grace holds only while the entry's author holds its claim", () => {
    const list = [entry('claimed', 1000), entry('orphaned', 1000)];
    const selection = { own, graceMs: 20_000, now: 2000, force: true, authoring: new Set(['claimed']) };
    // The author of 'orphaned' closed, crashed or gave up waiting: its entry is anyone's at once.
    assert.deepEqual(entriesToAttempt(list, selection).map((e) => e.id), ['orphaned']);
    assert.deepEqual(entriesToAttempt(list, { ...selection, force: false }).map((e) => e.id), ['orphaned']);
    // Still an upper bound: past the grace even a claimed entry is anyone's (its author is stuck).
    assert.deepEqual(entriesToAttempt(list, { ...selection, now: 21_000 }).map((e) => e.id), ['claimed', 'orphaned']);
    // Attempted once: no grace at all, claimed or not.
    assert.deepEqual(entriesToAttempt([attempted('tried', 1000, 1500)], { ...selection, authoring: new Set(['tried']) }).map((e) => e.id), ['tried']);
  });
  test('wakes at the earliest waiting entry; nothing to wake for when all failed', () => {
    assert.equal(nextWake([attempted('a', 0, 900), attempted('b', 0, 400)], { ...base, now: 0 }), 400);
    assert.equal(nextWake([entry('f', 0, { state: 'failed' })], { ...base, now: 0 }), undefined);
  });
});

describe('withMutex (the lock where there are no Web Locks)', () => {
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  test('runs one holder at a time per name, in request order; other names do not wait', async () => {
    const log: string[] = [];
    const hold = (label: string) => async () => {
      log.push(`${label} in`);
      await tick();
      log.push(`${label} out`);
    };
    await Promise.all([withMutex('n', hold('a')), withMutex('n', hold('b')), withMutex('other', async () => void log.push('other'))]);
    assert.deepEqual(log.filter((line) => line !== 'other'), ['a in', 'a out', 'b in', 'b out']);
    assert.ok(log.indexOf('other') < log.indexOf('a out'), 'another name ran while "n" was held');
  });

  test('a waiter that gives up rejects with its reason, and the next one still waits for the holder', async () => {
    const log: string[] = [];
    let release!: () => void;
    const holder = withMutex('m', () => new Promise<void>((resolve) => (release = resolve)).then(() => void log.push('holder out')));
    const giveUp = new AbortController();
    const quitter = withMutex('m', async () => void log.push('quitter ran'), giveUp.signal);
    const third = withMutex('m', async () => void log.push('third in'));
    await tick();
    giveUp.abort(new Error('waited too long'));
    await assert.rejects(quitter, /waited too long/);
    await tick();
    assert.deepEqual(log, []);
    release();
    await Promise.all([holder, third]);
    assert.deepEqual(log, ['holder out', 'third in']);
  });
});

describe('the store without IndexedDB', () => {
  test('keeps entries in memory, reports degraded once, replaces in one step', async () => {
    const store = createOutboxStore({ indexedDB: null, name: 'node-outbox' });
    const events: StoreEvent['type'][] = [];
    store.subscribe((event) => events.push(event.type));
    assert.equal(store.degraded, true);
    await store.load();
    assert.equal(await store.add(entry('a', 1)), false); // memory only
    await store.add(entry('b', 2, { partition: 'https://api other' }));
    assert.deepEqual((await store.read('https://api p')).map((e) => e.id), ['a']);
    assert.equal(await store.replace(entry('a', 1), entry('c', 3)), false);
    assert.deepEqual(store.snapshot().map((e) => e.id), ['b', 'c']);
    await store.remove(entry('c', 3));
    assert.deepEqual(store.snapshot().map((e) => e.id), ['b']);
    assert.equal(events.filter((type) => type === 'degraded').length, 1);
    store.close();
  });
});
