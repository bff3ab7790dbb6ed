import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CREDENTIALS, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';
import { routeTable } from './index.js';
import { matrix } from './matrices.js';

after(closeAll);

for (const variant of variants()) {
  describe(`auth matrix on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** Private details of the customers the credentials speak for: never for a publishable key. */
    let pii: string[];
    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ value: string }>(
        `SELECT external_id AS value FROM customers WHERE id = ANY($1::uuid[]) AND external_id IS NOT NULL
         UNION SELECT ch->>'value' FROM customers, jsonb_array_elements(channels) ch WHERE id = ANY($1::uuid[])`,
        [[api.customerId, api.otherCustomerId]],
      );
      pii = rows.map((row) => row.value);
      assert.ok(pii.length > 0);
    });

    test('every route of the table has a row, and every row a route', () => {
      const routes = routeTable.map((spec) => `${spec.method} ${spec.path}`).sort();
      assert.deepEqual([...new Set(matrix.map((row) => row.route))].sort(), routes);
    });

    for (const row of matrix) {
      test(row.route, async () => {
        const failures: string[] = [];
        const [method] = row.route.split(' ') as [string];
        for (const name of CREDENTIALS) {
          const response = await api.request(method, row.path(api), api.headers[name], row.body?.(api));
          // An open stream never ends by itself: its status is the answer; release it.
          const text = row.stream && response.status === 200 ? (await response.body?.cancel(), '') : await response.text();
          if (response.status !== row.expect[name]) failures.push(`${name}: expected ${row.expect[name]}, got ${response.status} ${text.slice(0, 160)}`);
          // No customer data may ever reach a publishable key.
          if (name.startsWith('pk') && pii.some((value) => text.includes(value))) {
            failures.push(`${name}: customer data reached a publishable key`);
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  });
}
