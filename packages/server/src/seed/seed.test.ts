import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrate.js';
import { hashKey } from '../keys/api-keys.js';
import { lifetimePoints, tierFor } from '../loyalty/tiers.js';
import { closeAll, variants } from '../test-support/database.js';
import { readEveryRecord } from '../test-support/records.js';
import { ensureDemo, type DemoInfo } from './demo.js';
import { generateDemo } from './generate.js';
import { must } from '../util/must.js';

after(closeAll);

test('the demo content is deterministic for a given time (only keys are random)', () => {
  const now = new Date('2026-06-01T12:00:00Z');
  const a = generateDemo(now);
  const b = generateDemo(now);
  assert.deepEqual(a, b);
  assert.equal(a.sampleCustomerId, b.sampleCustomerId);
  // The sample products are the same whenever the demo was seeded (tests name them without a query).
  const later = generateDemo(new Date('2027-01-15T08:00:00Z'));
  assert.deepEqual([later.sampleProductId, later.sampleProductSku, later.purchasedProductId], [a.sampleProductId, a.sampleProductSku, a.purchasedProductId]);
});

for (const variant of variants()) {
  describe(`demo seed on ${variant.name}`, { skip: variant.skip }, () => {
    let db: Database;
    let demo: DemoInfo;
    const count = async (sql: string, params: string[] = []) => must((await db.query<{ n: number }>(sql, params)).rows[0], 'a count').n;

    before(async () => {
      db = await variant.open();
      await migrate(db);
      const started = performance.now();
      const seeded = await ensureDemo(db, { origins: ['https://shop.example'] });
      assert.ok(seeded);
      demo = seeded;
      console.log(`${variant.name}: demo seed took ${Math.round(performance.now() - started)} ms`);
    });

    test('≥ 200 customers in English, Simplified and Traditional Chinese', async () => {
      assert.ok((await count('SELECT count(*)::int AS n FROM customers')) >= 200);
      for (const locale of ['en', 'zh-Hans', 'zh-Hant']) {
        assert.ok((await count('SELECT count(*)::int AS n FROM customers WHERE locale = $1', [locale])) >= 40, locale);
      }
      for (const name of ['王芳', '李娜', '陳志明', '黃淑芬']) {
        assert.equal(await count('SELECT count(*)::int AS n FROM customers WHERE name = $1', [name]), 1, name);
      }
      assert.equal(await count("SELECT count(*)::int AS n FROM customers WHERE name = '王芳' AND locale = 'zh-Hans'"), 1);
      assert.equal(await count("SELECT count(*)::int AS n FROM customers WHERE name = '陳志明' AND locale = 'zh-Hant'"), 1);
    });

    test('organisations have contact persons', async () => {
      assert.ok((await count("SELECT count(*)::int AS n FROM customers WHERE kind = 'organisation'")) >= 10);
      assert.ok((await count('SELECT count(DISTINCT organisation_id)::int AS n FROM customers WHERE organisation_id IS NOT NULL')) >= 10);
    });

    test('lifetime value and order count equal the sums of the counted orders', async () => {
      const mismatches = await count(`
        SELECT count(*)::int AS n FROM customers c
          LEFT JOIN (SELECT customer_id, sum(total)::int8 AS total, count(*)::int AS orders FROM orders
                      WHERE status NOT IN ('cancelled', 'returned', 'refunded') GROUP BY customer_id) o ON o.customer_id = c.id
         WHERE c.lifetime_value <> COALESCE(o.total, 0) OR c.order_count <> COALESCE(o.orders, 0)`);
      assert.equal(mismatches, 0);
      // The lines add up to the subtotal; VAT is included in the prices, so it is not added.
      assert.equal(await count('SELECT count(*)::int AS n FROM orders o WHERE o.subtotal <> (SELECT sum(total) FROM order_lines l WHERE l.order_id = o.id)'), 0);
      assert.equal(await count('SELECT count(*)::int AS n FROM orders WHERE total <> subtotal - discount + shipping'), 0);
      for (const column of ['discount', 'shipping', 'tax']) {
        assert.ok((await count(`SELECT count(*)::int AS n FROM orders WHERE ${column} > 0`)) > 0, column);
      }
    });

    test('RFM segments, key accounts (top 20 %) and churn risk come from the orders', async () => {
      assert.ok((await count('SELECT count(DISTINCT segment)::int AS n FROM customers')) >= 7);
      const total = await count('SELECT count(*)::int AS n FROM customers');
      const keys = await count('SELECT count(*)::int AS n FROM customers WHERE key_account');
      assert.ok(keys > 0 && keys <= Math.ceil(total * 0.2));
      const { rows } = await db.query<{ min_key: number; max_other: number }>(
        'SELECT (SELECT min(lifetime_value) FROM customers WHERE key_account) AS min_key, (SELECT max(lifetime_value) FROM customers WHERE NOT key_account) AS max_other',
      );
      const [row] = rows;
      assert.ok(row && row.min_key >= row.max_other);
      assert.equal(await count("SELECT count(DISTINCT churn_level)::int AS n FROM customers"), 3);
    });

    test('every channel × type pair (99) is on some timeline, in every phase', async () => {
      assert.equal(await count("SELECT count(*)::int AS n FROM (SELECT DISTINCT channel, type FROM interactions) p"), 99);
      assert.equal(await count('SELECT count(DISTINCT phase)::int AS n FROM interactions'), 3);
      assert.equal(await count('SELECT count(DISTINCT direction)::int AS n FROM interactions'), 3);
    });

    test('the fashion retailer shows: order e-mails and SMS, returns by phone, referrals', async () => {
      assert.ok((await count("SELECT count(*)::int AS n FROM interactions WHERE type = 'notification' AND channel = 'email' AND order_id IS NOT NULL")) > 100);
      assert.ok((await count("SELECT count(*)::int AS n FROM interactions WHERE type = 'notification' AND channel = 'sms' AND order_id IS NOT NULL")) > 50);
      assert.ok((await count("SELECT count(*)::int AS n FROM interactions WHERE type = 'ticket' AND channel = 'phone' AND summary LIKE '%30-day returns%'")) > 0);
      assert.ok((await count("SELECT count(*)::int AS n FROM loyalty_ledger WHERE reason = 'referral' AND referred_customer_id IS NOT NULL")) > 10);
    });

    test('a pipeline whose every stage has opportunities', async () => {
      assert.equal(await count('SELECT count(*)::int AS n FROM stages s WHERE NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.stage_id = s.id)'), 0);
      assert.equal(await count('SELECT count(*)::int AS n FROM stages'), 6);
    });

    test('≥ 3 loyalty tiers, each with members; balances come from the ledger', async () => {
      const { rows } = await db.query<{ name: string; members: number }>(
        'SELECT t.name, count(a.customer_id)::int AS members FROM loyalty_tiers t LEFT JOIN loyalty_accounts a ON a.tier_id = t.id GROUP BY t.name, t.position ORDER BY t.position',
      );
      assert.ok(rows.length >= 3);
      for (const tier of rows) assert.ok(tier.members > 0, `${tier.name} has members`);
      assert.equal(await count("SELECT count(*)::int AS n FROM (SELECT customer_id FROM loyalty_ledger GROUP BY customer_id HAVING sum(points) < 0) x"), 0);
      for (const reason of ['purchase', 'review', 'referral', 'redeem', 'expire', 'adjust']) {
        assert.ok((await count('SELECT count(*)::int AS n FROM loyalty_ledger WHERE reason = $1', [reason])) > 0, reason);
      }
    });

    test('the ledger is append-only', async () => {
      await assert.rejects(db.query('UPDATE loyalty_ledger SET points = points + 1'), /append-only/);
      await assert.rejects(db.query('DELETE FROM loyalty_ledger'), /append-only/);
    });

    test('published and pending reviews in all three languages; one overdue open complaint', async () => {
      for (const language of ['en', 'zh-Hans', 'zh-Hant']) {
        for (const status of ['published', 'pending']) {
          assert.ok((await count("SELECT count(*)::int AS n FROM feedback WHERE kind = 'review' AND language = $1 AND moderation_status = $2", [language, status])) > 0, `${language} ${status}`);
        }
      }
      assert.equal(await count("SELECT count(*)::int AS n FROM feedback WHERE kind = 'complaint' AND complaint_status = 'open' AND due_at < now()"), 1);
      assert.equal(await count("SELECT count(*)::int AS n FROM feedback WHERE kind = 'complaint' AND due_at <> created_at + interval '24 hours'"), 0);
      assert.ok((await count("SELECT count(*)::int AS n FROM feedback WHERE kind = 'survey'")) > 0);
    });

    test('every seeded row of every table reads as a valid record of its @kith/schema schema', async () => {
      const sets = await readEveryRecord(db);
      const failures: string[] = [];
      for (const { table, schema, records } of sets) {
        // The readers cover every row: none is skipped by a join or a filter.
        assert.equal(records.length, await count(`SELECT count(*)::int AS n FROM ${table}`), `${table}: every row read`);
        for (const { id, record } of records) {
          const result = schema.safeParse(record);
          if (!result.success) {
            const issues = result.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`).join('; ');
            failures.push(`${table} ${id}: ${issues}`);
          }
        }
      }
      assert.deepEqual(failures.slice(0, 5), [], `${failures.length} invalid records (the first five listed)`);
      assert.deepEqual(sets.map((set) => set.table).sort(), [
        'customers', 'feedback', 'interactions', 'loyalty_accounts', 'loyalty_ledger', 'loyalty_programs',
        'opportunities', 'orders', 'pipelines', 'products', 'staff',
      ]);
      // Nested rows come along with their parent: order lines, stages, tiers.
      const nested = (table: string, key: string) =>
        (sets.find((set) => set.table === table)?.records ?? []).reduce((sum, { record }) => sum + ((record as Record<string, unknown[] | undefined>)[key]?.length ?? 0), 0);
      assert.equal(nested('orders', 'lines'), await count('SELECT count(*)::int AS n FROM order_lines'));
      assert.equal(nested('pipelines', 'stages'), await count('SELECT count(*)::int AS n FROM stages'));
      assert.equal(nested('loyalty_programs', 'tiers'), await count('SELECT count(*)::int AS n FROM loyalty_tiers'));
    });

    test('the demo shows every shape a record can take', async () => {
      const shapes = [
        "SELECT count(*)::int AS n FROM products WHERE price IS NULL",
        "SELECT count(*)::int AS n FROM feedback WHERE rejection_reason IS NOT NULL",
        "SELECT count(*)::int AS n FROM feedback WHERE reply_body IS NOT NULL",
        "SELECT count(*)::int AS n FROM feedback WHERE kind = 'review' AND customer_id IS NULL",
        "SELECT count(*)::int AS n FROM feedback WHERE kind = 'survey' AND body IS NOT NULL",
        "SELECT count(*)::int AS n FROM feedback WHERE contact_email IS NOT NULL AND contact_phone IS NULL",
        "SELECT count(*)::int AS n FROM feedback WHERE contact_email IS NULL AND contact_phone IS NOT NULL",
        "SELECT count(*)::int AS n FROM feedback WHERE contact_email IS NOT NULL AND contact_phone IS NOT NULL",
        "SELECT count(*)::int AS n FROM interactions WHERE order_id IS NULL AND opportunity_id IS NULL AND feedback_id IS NULL",
        "SELECT count(*)::int AS n FROM order_lines WHERE external_product_id IS NOT NULL",
      ];
      for (const sql of shapes) assert.ok((await count(sql)) > 0, sql);
      // The upsert key follows the preferred e-mail channel, lower-cased.
      assert.equal(await count("SELECT count(*)::int AS n FROM customers WHERE email IS NULL OR email <> lower(email)"), 0);
    });

    test('each member is in the tier their lifetime points reach', async () => {
      const { rows: tiers } = await db.query<{ id: string; name: string; threshold: number }>('SELECT id, name, threshold FROM loyalty_tiers');
      const { rows: accounts } = await db.query<{ customer_id: string; tier_id: string }>('SELECT customer_id, tier_id FROM loyalty_accounts');
      const { rows: ledger } = await db.query<{ customer_id: string; points: number; reason: 'purchase' }>('SELECT customer_id, points, reason FROM loyalty_ledger');
      for (const account of accounts) {
        const own = ledger.filter((l) => l.customer_id === account.customer_id);
        assert.equal(account.tier_id, tierFor(tiers, lifetimePoints(own))?.id, account.customer_id);
      }
    });

    test('keys are stored only as SHA-256 hashes; the publishable key is kept retrievable', async () => {
      assert.match(demo.publishableKey, /^pk_demo_[0-9a-f]{32}$/);
      assert.match(demo.secretKey ?? '', /^sk_demo_[0-9a-f]{32}$/);
      assert.equal(await count('SELECT count(*)::int AS n FROM api_keys WHERE key_hash = $1', [hashKey(must(demo.secretKey, 'the secret key'))]), 1);
      for (const table of ['api_keys', 'settings']) {
        // Each whole row as text: the raw secret appears nowhere.
        assert.equal(await count(`SELECT count(*)::int AS n FROM ${table} t WHERE strpos(t::text, $1) > 0`, [must(demo.secretKey, 'the secret key')]), 0, table);
      }
      assert.equal(await count("SELECT count(*)::int AS n FROM api_keys WHERE strpos(api_keys::text, $1) > 0", [demo.publishableKey]), 0);
    });

    test('sample products: reviewed in two languages with a reply and a SKU; one the sample customer bought', async () => {
      const { rows } = await db.query<{ sku: string | null; languages: number; replies: number }>(
        `SELECT p.external_id AS sku, count(DISTINCT f.language)::int AS languages, count(f.reply_body)::int AS replies
           FROM products p JOIN feedback f ON f.product_id = p.id AND f.kind = 'review' AND f.moderation_status = 'published'
          WHERE p.id = $1 GROUP BY p.external_id`,
        [demo.sampleProductId],
      );
      assert.deepEqual(rows[0] && { ...rows[0], languages: rows[0].languages > 1, replies: rows[0].replies > 0 }, { sku: demo.sampleProductSku, languages: true, replies: true });
      assert.equal(
        await count(
          `SELECT count(*)::int AS n FROM orders o JOIN order_lines l ON l.order_id = o.id
            WHERE o.customer_id = $1 AND l.product_id = $2 AND o.status NOT IN ('cancelled', 'refunded')`,
          [demo.sampleCustomerId, demo.purchasedProductId ?? 'recorded at seeding'],
        ) > 0,
        true,
      );
      assert.notEqual(demo.purchasedProductId, demo.sampleProductId);
    });

    test('runs only once: a second start returns the same demo without the secret', async () => {
      const before = await count('SELECT count(*)::int AS n FROM customers');
      const again = await ensureDemo(db, { origins: ['https://other.example'] });
      assert.deepEqual(again, { ...demo, secretKey: null });
      assert.equal(await count('SELECT count(*)::int AS n FROM customers'), before);
      assert.equal(await count("SELECT count(*)::int AS n FROM api_keys WHERE 'https://other.example' = ANY (allowed_origins) AND 'https://shop.example' = ANY (allowed_origins)"), 1);
    });
  });
}
