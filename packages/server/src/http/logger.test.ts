// Structured request logs: one JSON line per request with its id, status and credential
// kind — never a key, a token, the Authorization header, a query string or a body.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApp } from '../app.js';
import { SHOP, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { acceptRequestId, jsonLog } from './logger.js';

after(closeAll);

describe('acceptRequestId', () => {
  test('keeps plain ids, replaces anything that could carry a secret or forge a line', () => {
    for (const id of ['abc-123', '7f0c0b6e-5d1b-4c8e-9b1a-2f8d3c4e5a6b', 'lb:1700000000.123']) assert.equal(acceptRequestId(id), id);
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    for (const id of [undefined, '', 'a b', 'x'.repeat(129), 'sk_live_0123456789abcdef', 'pk_demo_ab12', jwt, 'id\n{"level":"error"}', '"quoted"']) {
      assert.equal(acceptRequestId(id), null, String(id));
    }
  });
});

for (const variant of variants()) {
  describe(`request logs on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open());
    });

    /** An app on the test database writing JSON lines, like `startServer` off a terminal. */
    const jsonApp = () => {
      const lines: string[] = [];
      const app = createApp({
        db: api.db,
        log: jsonLog((line) => lines.push(line)),
        clock: () => api.clock.now,
        services: api.services,
        mount(a) {
          a.get('/test/boom', () => {
            throw new Error('boom');
          });
        },
      });
      return { app, lines };
    };

    test('one JSON line per request: fields, request id echoed, credential kind and key prefix, nothing secret', async () => {
      const { app, lines } = jsonApp();
      const staffToken = (api.headers.staff.authorization ?? '').replace('Bearer ', '');
      const body = JSON.stringify({ kind: 'survey', metric: 'nps', score: 9, comment: 'a private comment' });
      const requests: [string, RequestInit][] = [
        [`/v1/customers/${api.customerId}?q=private-query&token=${staffToken}`, { headers: { ...api.headers.sk, 'x-request-id': 'trace-42' } }],
        [`/v1/customers/${api.customerId}`, { headers: api.headers.staff }],
        ['/v1/feedback', { method: 'POST', headers: { ...api.headers.pk, 'content-type': 'application/json' }, body }],
        ['/v1/customers', { headers: { authorization: 'Bearer sk_live_00000000000000000000000000000000' } }],
        ['/v1/health', { headers: { 'x-request-id': api.demo.secretKey } }],
        ['/test/boom', {}],
      ];
      const responses: Response[] = [];
      for (const [path, init] of requests) responses.push(await app.request(path, init));
      assert.deepEqual(responses.map((r) => r.status), [200, 200, 201, 401, 200, 500]);

      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const requestRecords = records.filter((r) => r.msg === 'request');
      assert.equal(requestRecords.length, requests.length);
      for (const [i, record] of requestRecords.entries()) {
        assert.equal(typeof record.time, 'string');
        assert.equal(typeof record.ms, 'number');
        assert.equal(record.requestId, responses[i]?.headers.get('x-request-id'), 'the id is echoed');
        assert.doesNotMatch(String(record.path), /\?/, 'no query string');
      }
      const [sk, staff, pk, bad, health, boom] = requestRecords;
      assert.deepEqual(
        { ...sk, time: 0, ms: 0 },
        {
          time: 0, ms: 0, level: 'info', msg: 'request', method: 'GET', path: `/v1/customers/${api.customerId}`, status: 200,
          requestId: 'trace-42', credential: 'secret', keyId: sk?.keyId, keyPrefix: api.demo.secretKey.slice(0, 'sk_demo_'.length + 4),
        },
      );
      assert.equal(staff?.credential, 'staff');
      assert.equal(staff?.keyPrefix, undefined, "a token's own value is never logged");
      assert.equal(pk?.credential, 'publishable');
      assert.equal(bad?.credential, undefined, 'a refused key is not named');
      assert.notEqual(health?.requestId, api.demo.secretKey, 'a key sent as a request id is replaced');
      assert.equal(boom?.level, 'error');
      assert.ok(records.some((r) => r.level === 'error' && String(r.msg).includes('boom')), 'the error line is JSON too');

      const all = lines.join('\n');
      for (const secret of [api.demo.secretKey, api.demo.publishableKey, staffToken, 'private-query', 'a private comment', 'sk_live_0000', 'Bearer', SHOP]) {
        assert.ok(!all.includes(secret), `the log holds no ${secret.slice(0, 12)}…`);
      }
    });

    test('text lines for people by default: method and path first', async () => {
      const lines: string[] = [];
      const app = createApp({ db: api.db, log: (line) => lines.push(line), clock: () => api.clock.now, services: api.services });
      const response = await app.request('/v1/health?x=1', { headers: { 'x-request-id': 'abc' } });
      assert.equal(response.headers.get('x-request-id'), 'abc');
      assert.match(lines.at(-1) ?? '', /^GET \/v1\/health 200 [\d.]+ms id=abc$/);
    });
  });
}
