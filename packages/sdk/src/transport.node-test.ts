// The transport's pure helpers: query strings and idempotency keys. Node only: *.node-test.ts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { newIdempotencyKey, withQuery } from './transport.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('withQuery', () => {
  test('arrays repeat the key; null and undefined are left out; values are encoded', () => {
    assert.equal(withQuery('/v1/x', { tag: ['a b', 'ü'], q: 'x&y', n: 0, on: false, gone: null, missing: undefined }), '/v1/x?tag=a+b&tag=%C3%BC&q=x%26y&n=0&on=false');
    assert.equal(withQuery('/v1/x', { tag: [] }), '/v1/x');
    assert.equal(withQuery('/v1/x', undefined), '/v1/x');
    assert.equal(withQuery('/v1/x?a=1', { b: 2 }), '/v1/x?a=1&b=2');
  });
});

describe('newIdempotencyKey', () => {
  test('a UUID v4, different each time', () => {
    const keys = new Set(Array.from({ length: 100 }, newIdempotencyKey));
    assert.equal(keys.size, 100);
    for (const key of keys) assert.match(key, UUID_V4);
  });

  test('without crypto.randomUUID (an http page is not a secure context) still a UUID v4', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = new Set(Array.from({ length: 1000 }, newIdempotencyKey));
      assert.equal(keys.size, 1000);
      for (const key of keys) assert.match(key, UUID_V4);
    } finally {
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
    assert.equal(typeof crypto.randomUUID, 'function');
  });
});
