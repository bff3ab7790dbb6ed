// GET /v1/staff and /v1/staff/:id, and the demo's sales hierarchy.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { StaffMember } from '@kith/schema';
import { as, castOf, collect, type Cast } from '../customers/test-helpers.js';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

for (const variant of variants()) {
  describe(`staff directory on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    let cast: Cast;
    let all: StaffMember[];
    before(async () => {
      api = await testApi(await variant.open());
      cast = await castOf(api);
      all = (await collect<StaffMember>(api, '/v1/staff', api.headers.sk)).items;
    });

    test('the demo has a real hierarchy: an admin, managers with reps, support', () => {
      for (const member of all) assert.ok(StaffMember.safeParse(member).success, JSON.stringify(member));
      const byId = new Map(all.map((s) => [s.id, s]));
      const roles = (role: string) => all.filter((s) => s.role === role);
      assert.equal(roles('admin').length, 1);
      assert.ok(roles('manager').length >= 2);
      assert.ok(roles('support').length >= 1);
      for (const manager of roles('manager')) {
        const reps = all.filter((s) => s.managerId === manager.id && s.role === 'sales');
        assert.ok(reps.length >= 2, `${manager.name} leads reps`);
        assert.ok(reps.every((r) => r.team === manager.team && r.team !== null));
      }
      assert.ok(roles('sales').every((s) => s.managerId && byId.get(s.managerId)?.role === 'manager'), 'every rep reports to a manager');
      assert.equal(new Set(roles('manager').map((m) => m.team)).size, roles('manager').length, 'one team per manager');
      // No cycles: walking up from anyone reaches the top.
      for (const s of all) {
        const seen = new Set<string>();
        for (let at: StaffMember | undefined = s; at; at = at.managerId ? byId.get(at.managerId) : undefined) {
          assert.ok(!seen.has(at.id));
          seen.add(at.id);
        }
      }
      assert.equal(byId.get(cast.rep)?.role, 'sales', 'the sample customer is owned by a sales rep');
    });

    test('the directory is by name, filterable by team, role and manager, page by page', async () => {
      const { rows } = await api.db.query<{ n: number }>('SELECT count(*)::int AS n FROM staff');
      assert.equal(all.length, rows[0]?.n);
      const sorted = [...all].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
      assert.deepEqual(all.map((s) => s.id), sorted.map((s) => s.id));
      const paged = await collect<StaffMember>(api, '/v1/staff', await as(api, cast.rep), 2);
      assert.deepEqual(paged.items.map((s) => s.id), sorted.map((s) => s.id));
      assert.ok(paged.pages >= 4);
      const team = all.find((s) => s.id === cast.rep)?.team ?? '';
      const cases: [string, (s: StaffMember) => boolean][] = [
        [`team=${encodeURIComponent(team)}`, (s) => s.team === team],
        ['role=sales', (s) => s.role === 'sales'],
        ['role=support', (s) => s.role === 'support'],
        [`managerId=${cast.manager}`, (s) => s.managerId === cast.manager],
        [`team=${encodeURIComponent(team)}&role=manager`, (s) => s.team === team && s.role === 'manager'],
        ['team=Nobody', () => false],
      ];
      for (const [query, keep] of cases) {
        const got = await collect<StaffMember>(api, `/v1/staff?${query}`, api.headers.sk, 2);
        assert.deepEqual(got.items.map((s) => s.id), sorted.filter(keep).map((s) => s.id), query);
      }
    });

    test('one staff user; unknown 404; bad input 400', async () => {
      const response = await api.request('GET', `/v1/staff/${cast.manager}`, api.headers.staff);
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), all.find((s) => s.id === cast.manager));
      await assertError(await api.request('GET', '/v1/staff/00000000-0000-4000-8000-000000000000', api.headers.sk), 404, 'not_found');
      await assertError(await api.request('GET', '/v1/staff/abc', api.headers.sk), 400, 'validation');
      for (const query of ['role=boss', 'limit=0', 'limit=101', 'managerId=x', `team=${'t'.repeat(81)}`, 'cursor=zzz', 'name=x']) {
        await assertError(await api.request('GET', `/v1/staff?${query}`, api.headers.sk), 400, 'validation');
      }
    });
  });
}
