import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import { audit } from '../audit/audit.js';
import { routeTable } from '../routes/index.js';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { ApiError } from './errors.js';
import { IDEMPOTENCY_KEY_DAYS } from './idempotency.js';
import { route } from './route.js';

after(closeAll);

/** A write that leaves one audit row per execution, so executions can be counted. */
const probe = route({
  method: 'POST',
  path: '/v1/probe/notes',
  summary: 'test probe',
  tag: 'test',
  access: { secret: true, staff: 'customers:write' },
  body: z.strictObject({ text: z.string() }),
  response: z.object({ id: z.string(), text: z.string() }),
  status: 201,
  async handle({ db, credential, body, now }) {
    if (body.text === 'fail') throw new ApiError(409, 'conflict', 'the probe refuses this text');
    const id = crypto.randomUUID();
    await audit(db, credential, { action: 'probe.create', entity: 'probe', entityId: id, before: null, after: body }, now);
    return { id, text: body.text };
  },
});

for (const variant of variants()) {
  describe(`idempotency on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    before(async () => {
      api = await testApi(await variant.open(), [...routeTable, probe]);
    });
    let n = 0;
    const freshKey = () => `key-${variant.name}-${++n}-${Date.now()}`;
    const post = (key: string | null, text: string, headers = api.headers.sk) =>
      api.request('POST', '/v1/probe/notes', key ? { ...headers, 'idempotency-key': key } : headers, { text });
    const executions = async (text: string) =>
      Number((await api.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = 'probe.create' AND after->>'text' = $1", [text])).rows[0]?.n);

    test('a retried write is applied once and answers the same', async () => {
      const key = freshKey();
      const first = await post(key, 'hello-once');
      assert.equal(first.status, 201);
      const second = await post(key, 'hello-once');
      assert.equal(second.status, 201);
      assert.equal(second.headers.get('idempotent-replayed'), 'true');
      assert.deepEqual(await second.json(), await first.json());
      assert.equal(await executions('hello-once'), 1);
    });

    test('the same key with a different body → 422', async () => {
      const key = freshKey();
      assert.equal((await post(key, 'body-a')).status, 201);
      await assertError(await post(key, 'body-b'), 422, 'idempotency_mismatch');
      assert.equal(await executions('body-b'), 0);
    });

    test('keys are scoped to the subject: another credential with the same key writes anew', async () => {
      const key = freshKey();
      assert.equal((await post(key, 'scoped')).status, 201);
      assert.equal((await post(key, 'scoped', api.headers.staff)).status, 201);
      assert.equal(await executions('scoped'), 2);
    });

    test('a failed write keeps no claim: the retry runs again', async () => {
      const key = freshKey();
      await assertError(await post(key, 'fail'), 409, 'conflict');
      await assertError(await post(key, 'fail'), 409, 'conflict');
    });

    test(`keys are forgotten after ${IDEMPOTENCY_KEY_DAYS} days (by the clock)`, async () => {
      const key = freshKey();
      assert.equal((await post(key, 'week')).status, 201);
      const saved = api.clock.now;
      api.clock.now = new Date(saved.getTime() + (IDEMPOTENCY_KEY_DAYS * 86_400 + 60) * 1000);
      try {
        // Tokens minted before would be expired by now; the secret key is timeless.
        assert.equal((await post(key, 'week')).headers.get('idempotent-replayed'), null);
      } finally {
        api.clock.now = saved;
      }
      assert.equal(await executions('week'), 2);
    });

    test('a malformed key is refused', async () => {
      await assertError(await post('has spaces in it', 'x'), 400, 'bad_request');
      await assertError(await post('k'.repeat(256), 'x'), 400, 'bad_request');
    });

    test('without a key every request writes', async () => {
      await post(null, 'no-key');
      await post(null, 'no-key');
      assert.equal(await executions('no-key'), 2);
    });

    test('concurrent duplicates → one write', { skip: variant.name === 'PGlite' ? 'PGlite is one connection: requests cannot race on it (runs on PostgreSQL)' : false }, async () => {
      const key = freshKey();
      const responses = await Promise.all(Array.from({ length: 12 }, () => post(key, 'race')));
      const bodies = await Promise.all(responses.map((r) => r.text()));
      assert.deepEqual(responses.map((r) => r.status), Array(12).fill(201));
      assert.equal(new Set(bodies).size, 1);
      assert.equal(await executions('race'), 1);
    });

    test('writes are audited with their actor', async () => {
      await post(null, 'audited', api.headers.staff);
      const { rows } = await api.db.query<{ actor_kind: string; actor_id: string }>(
        "SELECT actor_kind, actor_id FROM audit_log WHERE after->>'text' = 'audited'",
      );
      assert.deepEqual(rows, [{ actor_kind: 'staff', actor_id: api.staffId }]);
    });
  });
}
