import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { migrate } from '../db/migrate.js';
import { closeAll, variants } from '../test-support/database.js';
import { createApiKey, revokeApiKey } from './api-keys.js';
import { KeyCache } from './key-cache.js';

after(closeAll);

async function until(check: () => Promise<boolean>, ms = 5_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > ms) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const variant of variants()) {
  describe(`the API-key cache on ${variant.name}`, { skip: variant.skip }, () => {
    test('serves keys from memory until a change is announced, then reads the change', async () => {
      const db = await variant.open();
      await migrate(db);
      const cache = new KeyCache(db, { ttlMs: 60_000 });
      await cache.start();
      try {
        const { id, key } = await createApiKey(db, { kind: 'publishable', name: 'cache test', label: 'cache' });
        const changed: string[] = [];
        cache.onChange((keyId) => changed.push(keyId));
        assert.equal((await cache.byKey(key))?.revokedAt, null);
        assert.equal((await cache.byId(id))?.revokedAt, null);

        // A change behind the cache's back (no announcement) is not seen within the TTL…
        await db.query("UPDATE api_keys SET name = 'renamed quietly' WHERE id = $1", [id]);
        assert.equal((await cache.byKey(key))?.name, 'cache test');

        // …but a revocation announces itself and is seen at once, by key and by id.
        await revokeApiKey(db, id);
        await until(async () => changed.includes(id));
        assert.notEqual((await cache.byKey(key))?.revokedAt, null);
        assert.notEqual((await cache.byId(id))?.revokedAt, null);
        assert.equal((await cache.byKey(key))?.name, 'renamed quietly');
      } finally {
        await cache.close();
      }
    });

    test('entries expire after the TTL even without an announcement; unknown keys are not kept', async () => {
      const db = await variant.open();
      await migrate(db);
      const cache = new KeyCache(db, { ttlMs: 50 });
      const { id, key } = await createApiKey(db, { kind: 'secret', name: 'ttl test', label: 'ttl' });
      assert.equal((await cache.byKey(key))?.id, id);
      await db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1', [id]);
      await new Promise((resolve) => setTimeout(resolve, 80));
      assert.notEqual((await cache.byKey(key))?.revokedAt, null);
      assert.equal(await cache.byKey('sk_unknown_00000000000000000000000000000000'), null);
    });
  });
}
