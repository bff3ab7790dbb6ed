// GET /v1/audit: writes go through a probe route that audits like every staff/server write
// (real credentials, the app's clock, the write's transaction); then filters, paging and
// bad input are checked against direct SQL.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as z from 'zod/mini';
import type { AuditPage, AuditRecord } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { SqlValue } from '../db/database.js';
import { route } from '../http/route.js';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { routeTable } from './index.js';

after(closeAll);

const ENTITIES = ['probe_review', 'probe_deal'] as const;

/** A write that records what it is told in the audit trail, as a real write would. */
const probe = route({
  method: 'POST',
  path: '/v1/probe/audited',
  summary: 'test probe',
  tag: 'test',
  access: { secret: true, staff: 'customers:write' },
  body: z.strictObject({ entity: z.enum(ENTITIES), entityId: z.string(), action: z.string(), after: z.json() }),
  response: z.object({ ok: z.boolean() }),
  async handle({ db, credential, body, now }) {
    await audit(db, credential, { action: body.action, entity: body.entity, entityId: body.entityId, before: { was: 'before' }, after: body.after }, now);
    return { ok: true };
  },
});

for (const variant of variants()) {
  describe(`audit trail on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let staff: { a: Record<string, string>; b: Record<string, string>; aId: string; bId: string };
    // Writes 10 s apart from a whole second, within the tokens' 15 minutes.
    const start = new Date(Math.floor(Date.now() / 1000) * 1000);
    const at = (step: number) => new Date(start.getTime() + step * 10_000).toISOString();
    const list = async (query: string, headers = api.headers.sk): Promise<AuditPage> => {
      const response = await api.request('GET', `/v1/audit?${query}`, headers);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as AuditPage;
    };
    const all = async (query: string, limit: number) => {
      const items: AuditRecord[] = [];
      let next: string | null = null;
      do {
        const page: AuditPage = await list(`${query}&limit=${limit}${next ? `&cursor=${next}` : ''}`);
        assert.ok(page.items.length <= limit);
        items.push(...page.items);
        next = page.next;
      } while (next);
      return items;
    };
    const direct = async (where: string, params: SqlValue[] = []) =>
      (await api.db.query<{ id: string }>(`SELECT id FROM audit_log WHERE entity LIKE 'probe_%' AND ${where} ORDER BY at DESC, id DESC`, params)).rows.map((r) => r.id);

    before(async () => {
      api = await testApi(await variant.open(), [...routeTable, probe]);
      const { rows } = await api.db.query<{ id: string }>("SELECT id FROM staff WHERE id <> $1 ORDER BY id LIMIT 1", [api.staffId]);
      const bId = rows[0]?.id ?? '';
      staff = { a: api.headers.staff, b: await api.staffWith(['customers:write'], bId), aId: api.staffId, bId };
      const saved = api.clock.now;
      try {
        // 24 writes 10 s apart, then 4 in the same millisecond (ties broken by id).
        for (let i = 0; i < 28; i++) {
          api.clock.now = new Date(at(Math.min(i, 24)));
          const headers = i % 3 === 0 ? api.headers.sk : i % 3 === 1 ? staff.a : staff.b;
          const body = { entity: ENTITIES[i % 2], entityId: `e${i % 5}`, action: i % 4 === 0 ? 'thing.move' : 'thing.edit', after: { i, note: '说明' } };
          assert.equal((await api.request('POST', '/v1/probe/audited', headers, body)).status, 200);
        }
      } finally {
        api.clock.now = saved;
      }
      // A row written with microseconds (by SQL's own clock, as a trigger might): pages keep it.
      await api.db.query(
        `INSERT INTO audit_log (actor_kind, actor_id, action, entity, entity_id, before, after, at)
         VALUES ('system', 'migration', 'thing.edit', 'probe_deal', 'e9', NULL, NULL, $1)`,
        [at(24).replace('Z', '001Z')],
      );
    });

    test('newest first, every row once over pages, ties by id, microseconds kept', async () => {
      const items = await all('entity=probe_review', 100).then(async (r) => [...r, ...(await all('entity=probe_deal', 100))]);
      assert.equal(items.length, 29);
      for (const limit of [1, 4, 7]) {
        const paged = await all('entity=probe_deal', limit);
        assert.deepEqual(paged.map((i) => i.id), await direct("entity = 'probe_deal'"));
      }
      const first = (await list('entity=probe_deal&limit=1')).items[0];
      assert.deepEqual({ actor: first?.actor, before: first?.before, after: first?.after, at: first?.at }, {
        actor: { kind: 'system', id: 'migration' }, before: null, after: null, at: at(24),
      });
    });

    test('items say who, what, when, before and after', async () => {
      const [row] = (await list('entity=probe_review&entityId=e0&limit=1')).items;
      assert.ok(row);
      assert.equal(row.entity, 'probe_review');
      assert.equal(row.entityId, 'e0');
      assert.deepEqual(row.before, { was: 'before' });
      const i = (row.after as { i: number }).i;
      assert.deepEqual(row.after, { i, note: '说明' });
      assert.deepEqual(row.actor, i % 3 === 0 ? { kind: 'secret', id: row.actor.id } : { kind: 'staff', id: i % 3 === 1 ? staff.aId : staff.bId });
      assert.equal(row.at, at(Math.min(i, 24)));
    });

    const filters: [query: string, where: string, params: string[]][] = [
      ['entity=probe_deal&entityId=e1', "entity = 'probe_deal' AND entity_id = 'e1'", []],
      ['action=thing.move', "action = 'thing.move'", []],
      ['actorId=B', 'actor_id = $1', ['B']],
      [`since=${at(10)}&until=${at(20)}`, 'at >= $1 AND at < $2', [at(10), at(20)]],
      [`since=${at(24)}`, 'at >= $1', [at(24)]],
      [`action=thing.edit&until=${at(5)}&entity=probe_review`, "action = 'thing.edit' AND at < $1 AND entity = 'probe_review'", [at(5)]],
    ];
    for (const [query, where, params] of filters) {
      test(`filter ${query}`, async () => {
        const resolved = query.replace('actorId=B', () => `actorId=${staff.bId}`);
        const values = params.map((p) => (p === 'B' ? staff.bId : p));
        const expected = await direct(where, values);
        assert.ok(expected.length > 0, 'the filter matches something');
        assert.deepEqual((await all(resolved, 3)).filter((r) => r.entity.startsWith('probe_')).map((r) => r.id), expected);
      });
    }

    test('a filter that matches nothing is an empty page', async () => {
      assert.deepEqual(await list('entity=nothing_here'), { items: [], next: null });
    });

    test('staff need audit:read', async () => {
      const analyst = await api.staffWith(['analytics:read', 'customers:read']);
      await assertError(await api.request('GET', '/v1/audit', analyst), 403);
      assert.equal((await api.request('GET', '/v1/audit', await api.staffWith(['audit:read']))).status, 200);
    });

    const bad: [query: string, field: string][] = [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=x', 'limit'],
      ['cursor=garbage', 'cursor'],
      [`cursor=${Buffer.from('["2030-01-01",1]').toString('base64url')}`, 'cursor'],
      ['since=yesterday', 'since'],
      ['until=2030-13-01T00:00:00Z', 'until'],
      [`since=${at(5)}&until=${at(1)}`, 'since'],
      [`entity=${'x'.repeat(65)}`, 'entity'],
      [`entityId=${'x'.repeat(201)}`, 'entityId'],
      [`actorId=${'x'.repeat(201)}`, 'actorId'],
      [`action=${'x'.repeat(101)}`, 'action'],
      ['action=', 'action'],
      ['entity=a&entity=b', 'entity'],
      ['who=me', ''],
    ];
    for (const [query, field] of bad) {
      test(`bad input: ${query.slice(0, 60)} → 400 on "${field}"`, async () => {
        const envelope = await assertError(await api.request('GET', `/v1/audit?${query}`, api.headers.sk), 400, 'validation');
        const issues = (envelope.error.details?.issues ?? []) as { path: (string | number)[] }[];
        assert.ok(issues.some((i) => (field === '' ? true : i.path[0] === field)), JSON.stringify(issues));
      });
    }
  });
}
