import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import { WebhookSecret } from '@kith/schema';
import { JITTER, RETRY_DELAYS_MS, retryDelayMs } from './backoff.js';
import { newSecret } from './endpoints.js';
import { signatureHeader, verifyWebhook } from './signature.js';

const secret = newSecret();
const body = JSON.stringify({ id: '42', topic: 'inbox', type: 'complaint.created', at: '2026-01-01T00:00:00.000Z', data: { subject: 'Late' } });
const sentAt = new Date('2026-01-01T12:00:00.500Z');
const header = signatureHeader([secret], sentAt, body);

describe('webhook signatures', () => {
  test('a secret is whsec_ and 32 random bytes, different every time', () => {
    assert.ok(WebhookSecret.safeParse(secret).success, secret);
    assert.notEqual(newSecret(), secret);
  });

  test('the header is t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>', () => {
    const t = Math.floor(sentAt.getTime() / 1000);
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    assert.equal(header, `t=${t},v1=${expected}`);
  });

  test('verifies the genuine body within the window, from a string or the raw bytes', () => {
    const result = verifyWebhook({ secret, header, body, now: new Date(sentAt.getTime() + 60_000) });
    assert.deepEqual(result, { ok: true, timestamp: new Date(Math.floor(sentAt.getTime() / 1000) * 1000) });
    assert.equal(verifyWebhook({ secret, header, body: Buffer.from(body), now: sentAt }).ok, true);
  });

  test('refuses a tampered body, another secret, or a tampered signature', () => {
    const now = sentAt;
    assert.deepEqual(verifyWebhook({ secret, header, body: body.replace('Late', 'late'), now }), { ok: false, reason: 'bad_signature' });
    assert.deepEqual(verifyWebhook({ secret: newSecret(), header, body, now }), { ok: false, reason: 'bad_signature' });
    const flipped = header.replace(/v1=(.)/, (_, c: string) => `v1=${c === '0' ? '1' : '0'}`);
    assert.deepEqual(verifyWebhook({ secret, header: flipped, body, now }), { ok: false, reason: 'bad_signature' });
    // The timestamp is signed: moving it to pass the window breaks the signature.
    const moved = header.replace(/t=\d+/, `t=${Math.floor(sentAt.getTime() / 1000) + 1000}`);
    assert.deepEqual(verifyWebhook({ secret, header: moved, body, now: new Date(sentAt.getTime() + 1_000_000) }), { ok: false, reason: 'bad_signature' });
  });

  test('refuses a replay outside the window (default 300 s, either way), at the edge it passes', () => {
    const t = Math.floor(sentAt.getTime() / 1000) * 1000;
    assert.equal(verifyWebhook({ secret, header, body, now: new Date(t + 300_000) }).ok, true);
    assert.deepEqual(verifyWebhook({ secret, header, body, now: new Date(t + 301_000) }), { ok: false, reason: 'outside_tolerance' });
    assert.deepEqual(verifyWebhook({ secret, header, body, now: new Date(t - 301_000) }), { ok: false, reason: 'outside_tolerance' });
    assert.equal(verifyWebhook({ secret, header, body, now: new Date(t + 3_600_000), toleranceSeconds: 3_600 }).ok, true);
    assert.equal(verifyWebhook({ secret, header, body, now: new Date(t + 11_000), toleranceSeconds: 10 }).ok, false);
  });

  test('refuses a missing or malformed header', () => {
    for (const bad of [undefined, null, '', '   ']) assert.deepEqual(verifyWebhook({ secret, header: bad, body }), { ok: false, reason: 'missing_header' });
    for (const bad of ['t=1', 'v1=abc', 'nonsense', `t=x,v1=${'0'.repeat(64)}`, `t=1,v1=${'0'.repeat(63)}`, `t=1,t=2,v1=${'0'.repeat(64)}`, '=1']) {
      assert.deepEqual(verifyWebhook({ secret, header: bad, body }), { ok: false, reason: 'malformed_header' }, bad);
    }
  });

  test('during a rotation: two v1 parts, either secret verifies; unknown parts are ignored', () => {
    const next = newSecret();
    const both = signatureHeader([next, secret], sentAt, body);
    assert.equal(both.split(',').length, 3);
    assert.equal(verifyWebhook({ secret, header: both, body, now: sentAt }).ok, true);
    assert.equal(verifyWebhook({ secret: next, header: both, body, now: sentAt }).ok, true);
    assert.equal(verifyWebhook({ secret: [newSecret(), next], header: both, body, now: sentAt }).ok, true);
    assert.equal(verifyWebhook({ secret: newSecret(), header: both, body, now: sentAt }).ok, false);
    assert.equal(verifyWebhook({ secret, header: `${header},v2=future`, body, now: sentAt }).ok, true);
  });
});

describe('retry backoff', () => {
  test('30 s, 2 min, 10 min, 1 h, 6 h, 12 h, then a day; jitter adds at most 20 %', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 12].map((n) => retryDelayMs(n, 0)), [...RETRY_DELAYS_MS, 86_400_000, 86_400_000]);
    assert.equal(retryDelayMs(1, 0.999_999), Math.round(30_000 * (1 + JITTER * 0.999_999)));
    assert.ok(retryDelayMs(1, 0.5) > 30_000 && retryDelayMs(1, 0.5) < 36_000);
  });
});
