import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type ErrorCode, ErrorEnvelope } from './error.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('ErrorEnvelope', () => {
  it('accepts the bare shape and one with details', () => {
    accepts(ErrorEnvelope, { error: { code: 'not_found', message: 'No such customer' } });
    accepts(ErrorEnvelope, {
      error: {
        code: 'validation',
        message: 'Invalid input',
        details: { issues: [{ path: ['lines', 0, 'quantity'], message: 'Too small' }] },
      },
    });
    accepts(ErrorEnvelope, { error: { code: 'conflict', message: 'Stale', details: { current: { version: 4 } } } });
  });
  it('rejects an unknown code, a missing message and unknown fields', () => {
    rejects(ErrorEnvelope, { error: { code: 'teapot', message: 'x' } }, ['error', 'code']);
    rejects(ErrorEnvelope, { error: { code: 'server' } }, ['error', 'message']);
    rejects(ErrorEnvelope, { error: { code: 'server', message: 'x', stack: '…' } });
    rejects(ErrorEnvelope, { error: { code: 'server', message: 'x' }, status: 500 });
  });
  it('retryAfterSeconds is a whole number', () => {
    rejects(ErrorEnvelope, { error: { code: 'rate_limited', message: 'x', details: { retryAfterSeconds: 1.5 } } });
  });
  it('infers the code union and an optional details', () => {
    const code: Equal<ErrorEnvelope['error']['code'], ErrorCode> = true;
    const conflict: Equal<Extract<ErrorCode, 'conflict' | 'teapot'>, 'conflict'> = true;
    const details: Equal<undefined extends ErrorEnvelope['error']['details'] ? true : false, true> = true;
    assert.ok(code && conflict && details);
  });
});
