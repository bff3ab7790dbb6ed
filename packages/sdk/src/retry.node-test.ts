// The retry schedule: which failures are retried, how long each wait is, when it stops.
// Node only (pure logic with an injected random and sleep): named *.node-test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KithError, type KithErrorCode } from './errors.js';
import { retryAfterSeconds } from './responses.js';
import { DEFAULT_RETRY, retryDelay, retryPolicy, sleep, withRetries, type RetryPolicy } from './retry.js';

const policy: RetryPolicy = { attempts: 4, baseMs: 100, maxMs: 1_000 };
const error = (code: KithErrorCode, retryAfter?: number) => new KithError(code, code, { retryAfterSeconds: retryAfter ?? null });
const top = () => 0.999_999;

describe('retryPolicy', () => {
  test('fills defaults; false means one attempt', () => {
    assert.deepEqual(retryPolicy(undefined), DEFAULT_RETRY);
    assert.deepEqual(retryPolicy({ attempts: 5 }), { ...DEFAULT_RETRY, attempts: 5 });
    assert.equal(retryPolicy(false).attempts, 1);
  });

  test('refuses values out of range with a TypeError (NaN attempts would retry for ever)', () => {
    for (const bad of [{ attempts: 0 }, { attempts: Number.NaN }, { attempts: 1.5 }, { baseMs: -1 }, { maxMs: Infinity }]) {
      assert.throws(() => retryPolicy(bad), TypeError, JSON.stringify(bad));
    }
    assert.deepEqual(retryPolicy({ baseMs: 0, maxMs: 0 }), { attempts: 3, baseMs: 0, maxMs: 0 });
  });
});

describe('retryDelay', () => {
  test('full jitter: uniform in 0…min(maxMs, baseMs·2^(n-1)), doubling per attempt', () => {
    assert.equal(retryDelay(policy, 1, error('network'), () => 0), 0);
    assert.equal(retryDelay(policy, 1, error('network'), () => 0.5), 50);
    assert.equal(retryDelay(policy, 1, error('timeout'), top), 99);
    assert.equal(retryDelay(policy, 2, error('server'), top), 199);
    assert.equal(retryDelay(policy, 3, error('server'), top), 399);
    // Capped by maxMs however many attempts were made.
    assert.equal(retryDelay({ ...policy, attempts: 20 }, 10, error('server'), top), 999);
  });

  test('stops once the attempts are spent', () => {
    assert.equal(retryDelay(policy, 4, error('network'), top), null);
    assert.equal(retryDelay(retryPolicy(false), 1, error('network'), top), null);
  });

  test('never retries a 4xx other than 429, nor an error that is not a KithError', () => {
    for (const code of ['unauthorized', 'forbidden', 'not_found', 'conflict', 'validation', 'invalid_response'] as const) {
      assert.equal(retryDelay(policy, 1, error(code), top), null, code);
    }
    assert.equal(retryDelay(policy, 1, new DOMException('stop', 'AbortError'), top), null);
    assert.equal(retryDelay(policy, 1, new TypeError('boom'), top), null);
  });

  test('rate_limited waits at least Retry-After, and fails at once when that exceeds maxMs', () => {
    assert.equal(retryDelay(policy, 1, error('rate_limited', 1), () => 0), 1_000);
    assert.equal(retryDelay({ ...policy, maxMs: 5_000 }, 3, error('rate_limited', 1), top), 1_000);
    assert.equal(retryDelay({ ...policy, maxMs: 5_000, baseMs: 4_000 }, 1, error('rate_limited', 1), top), 3_999);
    assert.equal(retryDelay(policy, 1, error('rate_limited', 2), () => 0), null);
    // The survey cap's "come back in 30 days".
    assert.equal(retryDelay(DEFAULT_RETRY, 1, error('rate_limited', 30 * 86_400), () => 0), null);
    // No Retry-After at all: plain backoff.
    assert.equal(retryDelay(policy, 1, error('rate_limited'), () => 0.5), 50);
  });

  test('Retry-After from the server envelope is read when there is no header', () => {
    const fromDetails = new KithError('rate_limited', 'slow down', { details: { retryAfterSeconds: 1 } });
    assert.equal(fromDetails.retryAfterSeconds, 1);
    assert.equal(retryDelay(policy, 1, fromDetails, () => 0), 1_000);
  });
});

describe('retryAfterSeconds (the header)', () => {
  test('delta-seconds or an HTTP date; null when absent or unreadable', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    assert.equal(retryAfterSeconds('7', now), 7);
    assert.equal(retryAfterSeconds('Thu, 01 Jan 2026 00:00:30 GMT', now), 30);
    assert.equal(retryAfterSeconds('Wed, 31 Dec 2025 23:00:00 GMT', now), 0);
    assert.equal(retryAfterSeconds(null, now), null);
    assert.equal(retryAfterSeconds('soon', now), null);
    assert.equal(retryAfterSeconds('-3', now), null);
  });
});

describe('withRetries', () => {
  /** A run that fails with `errors` in turn, then resolves 'done'. */
  function script(...errors: unknown[]) {
    const state = { calls: 0 };
    const run = async () => {
      const next = errors[state.calls++];
      if (next !== undefined) throw next;
      return 'done';
    };
    return { state, run };
  }

  test('retries retryable failures with the scheduled waits, then resolves', async () => {
    const waits: number[] = [];
    const { state, run } = script(error('network'), error('server'), error('rate_limited', 1));
    const result = await withRetries(run, { ...policy, maxMs: 2_000 }, { random: top, sleep: async (ms) => void waits.push(ms) });
    assert.equal(result, 'done');
    assert.equal(state.calls, 4);
    assert.deepEqual(waits, [99, 199, 1_000]);
  });

  test('rethrows the last error once the attempts are spent', async () => {
    const last = error('server');
    const { state, run } = script(error('network'), error('timeout'), error('server'), last);
    await assert.rejects(withRetries(run, policy, { random: top, sleep: async () => {} }), (e) => e === last);
    assert.equal(state.calls, 4);
  });

  test('rethrows a 4xx at once', async () => {
    const { state, run } = script(error('validation'));
    await assert.rejects(withRetries(run, policy, { sleep: async () => assert.fail('no wait') }), { code: 'validation' });
    assert.equal(state.calls, 1);
  });

  test('an abort during the wait rejects at once with the reason, and nothing more is tried', { timeout: 5_000 }, async () => {
    const controller = new AbortController();
    const reason = new Error('left the page');
    const { state, run } = script(error('server'), error('server'));
    // The real sleep with a long wait: only the abort can end it.
    const pending = withRetries(run, { ...policy, baseMs: 60_000, maxMs: 60_000 }, { signal: controller.signal, random: top });
    await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(reason);
    await assert.rejects(pending, (e) => e === reason);
    assert.equal(state.calls, 1);
  });

  test('a failure after the abort rethrows the reason, not the failure', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const run = async () => {
      controller.abort(reason);
      throw error('network');
    };
    await assert.rejects(withRetries(run, policy, { signal: controller.signal, sleep: async () => assert.fail('no wait') }), (e) => e === reason);
  });
});

describe('sleep', () => {
  test('rejects at once with the reason of a signal already aborted', async () => {
    const reason = new Error('gone');
    await assert.rejects(sleep(60_000, AbortSignal.abort(reason)), (e) => e === reason);
  });

  test('resolves after the wait', async () => {
    await sleep(1, new AbortController().signal);
  });
});
