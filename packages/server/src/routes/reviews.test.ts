import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PublicReviewPage, ReviewAggregate, ReviewAggregates, type PublicReview } from '@kith/schema';
import { assertError, testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

for (const variant of variants()) {
  describe(`reviews on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** The product with the most published reviews, and products by review count. */
    let product: string;
    let products: string[];
    before(async () => {
      api = await testApi(await variant.open());
      const { rows } = await api.db.query<{ id: string }>(
        `SELECT p.id FROM products p LEFT JOIN feedback f ON f.product_id = p.id AND f.kind = 'review' AND f.moderation_status = 'published'
          GROUP BY p.id ORDER BY count(f.id) DESC, p.id`,
      );
      products = rows.map((r) => r.id);
      product = products[0] ?? assert.fail('a reviewed product');
      // Enough variety on one product for the sorts and filters: extra published reviews in
      // every star and language, some at the same instant (the id breaks the tie).
      const at = new Date(api.clock.now.getTime() - 86_400_000);
      for (const [i, language] of ['en', 'zh-Hans', 'zh-Hant', 'en-GB'].entries()) {
        for (const rating of [1, 2, 3, 4, 5]) {
          await api.db.query(
            `INSERT INTO feedback (kind, product_id, rating, title, body, author_name, language, verified_purchase, moderation_status, created_at, updated_at)
             VALUES ('review', $1, $2, 'Title', 'Body', 'Guest', $3, false, 'published', $4, $4)`,
            [product, rating, language, i % 2 === 0 ? at : new Date(at.getTime() + i * 1000 + rating)],
          );
        }
      }
    });

    const all = async (query: string, limit = 6): Promise<PublicReview[]> => {
      const items: PublicReview[] = [];
      let cursor: string | null = null;
      do {
        const path: string = `/v1/products/${product}/reviews?${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const response = await api.request('GET', path, api.headers.pk);
        const text = await response.text();
        assert.equal(response.status, 200, text);
        assert.ok(!text.includes('customerId') && !text.includes('staffId') && !text.includes('@'), 'nothing private');
        const page = PublicReviewPage.parse(JSON.parse(text));
        items.push(...page.items);
        cursor = page.next;
      } while (cursor);
      return items;
    };
    /** The same list straight from SQL, in the documented order. */
    const expected = async (where: string, order: string, params: unknown[] = []) =>
      (await api.db.query<{ id: string }>(
        `SELECT id FROM feedback WHERE kind = 'review' AND moderation_status = 'published' AND product_id = $1 AND ${where} ORDER BY ${order}`,
        [product, ...params] as string[],
      )).rows.map((r) => r.id);

    test('sorts over all rows with paging; ties newest first, then by id', async () => {
      const newest = 'created_at DESC, id';
      assert.deepEqual((await all('sort=newest')).map((r) => r.id), await expected('TRUE', newest));
      assert.deepEqual((await all('')).map((r) => r.id), await expected('TRUE', newest), 'newest is the default');
      assert.deepEqual((await all('sort=highest', 4)).map((r) => r.id), await expected('TRUE', `rating DESC, ${newest}`));
      assert.deepEqual((await all('sort=lowest', 100)).map((r) => r.id), await expected('TRUE', `rating, ${newest}`));
    });

    test('star and language filters', async () => {
      const newest = 'created_at DESC, id';
      assert.deepEqual((await all('rating=5')).map((r) => r.id), await expected('rating = 5', newest));
      const twoStars = await all('rating=1&rating=2&sort=highest');
      assert.deepEqual(twoStars.map((r) => r.id), await expected('rating IN (1, 2)', `rating DESC, ${newest}`));
      assert.deepEqual((await all('language=zh-hans')).map((r) => r.id), await expected(`language = 'zh-Hans'`, newest), 'tags ignore case');
      assert.deepEqual((await all('language=en')).map((r) => r.id), await expected(`language IN ('en', 'en-GB')`, newest), 'a tag matches its subtags');
      assert.deepEqual(await all('language=fr'), []);
    });

    test('only published reviews, public fields only', async () => {
      const shown = new Set((await all('', 100)).map((r) => r.id));
      const { rows } = await api.db.query<{ id: string }>(`SELECT id FROM feedback WHERE product_id = $1 AND moderation_status <> 'published'`, [product]);
      for (const row of rows) assert.ok(!shown.has(row.id));
      const [first] = await all('', 1);
      assert.deepEqual(Object.keys(first ?? {}).sort(), ['authorName', 'body', 'createdAt', 'id', 'language', 'productId', 'rating', 'reply', 'title', 'verifiedPurchase']);
    });

    /** Count, average (rounded half up to 2 decimals) and distribution computed directly in SQL. */
    const direct = async (id: string) => {
      const { rows } = await api.db.query<{ count: number; average: number | null; rating: number | null; n: number }>(
        `SELECT (SELECT count(*)::int FROM feedback WHERE product_id = $1 AND kind = 'review' AND moderation_status = 'published') AS count,
                (SELECT round(avg(rating)::numeric, 2)::float8 FROM feedback WHERE product_id = $1 AND kind = 'review' AND moderation_status = 'published') AS average,
                s.rating, (SELECT count(*)::int FROM feedback WHERE product_id = $1 AND kind = 'review' AND moderation_status = 'published' AND rating = s.rating) AS n
           FROM generate_series(1, 5) AS s(rating)`,
        [id],
      );
      const first = rows[0] ?? assert.fail('five rows');
      return {
        productId: id, count: first.count, average: first.average,
        distribution: Object.fromEntries(rows.map((r) => [String(r.rating), r.n])),
      };
    };

    test('the aggregate equals a direct SQL computation', async () => {
      for (const id of [product, ...products.slice(1, 4), products.at(-1) ?? product]) {
        const response = await api.request('GET', `/v1/products/${id}/reviews/aggregate`, api.headers.pk);
        assert.equal(response.status, 200);
        const aggregate = ReviewAggregate.parse(await response.json());
        assert.deepEqual(aggregate, await direct(id));
      }
      await assertError(await api.request('GET', `/v1/products/${crypto.randomUUID()}/reviews/aggregate`, api.headers.pk), 404, 'not_found');
      await assertError(await api.request('GET', `/v1/products/${crypto.randomUUID()}/reviews`, api.headers.pk), 404, 'not_found');
    });

    const none = { count: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } };

    test('batch aggregates: several products in one call, in request order, duplicates once', async () => {
      const unknown = crypto.randomUUID();
      const asked = [...products.slice(0, 20).reverse(), unknown, products[0] ?? product];
      const response = await api.request('GET', `/v1/reviews/aggregates?${asked.map((id) => `productId=${id}`).join('&')}`, api.headers.pk);
      assert.equal(response.status, 200);
      const { items } = ReviewAggregates.parse(await response.json());
      assert.deepEqual(items.map((a) => a.ref), [...new Set(asked)]);
      for (const item of items.slice(0, 20)) assert.deepEqual(item, { ref: item.ref, ...(await direct(item.ref)) });
      assert.deepEqual(items.find((a) => a.ref === unknown), { ref: unknown, productId: null, ...none });
      const one = await api.request('GET', `/v1/reviews/aggregates?productId=${product}`, api.headers.none);
      assert.deepEqual(((await one.json()) as { items: unknown[] }).items, [{ ref: product, ...(await direct(product)) }]);
    });

    test('a product is named by Kith\'s id or the shop\'s own id (SKU), mixed in a batch', async () => {
      // Shop ids as shops write them: a slash, spaces inside, non-Latin text, and one in UUID form.
      const skus = ['SKU-42/blue', 'Teapot 12 oz', '茶壶-青花', crypto.randomUUID()];
      const { rows: saved } = await api.db.query<{ id: string; external_id: string | null }>(
        '(SELECT id, external_id FROM products WHERE id <> $1 ORDER BY id LIMIT 4) UNION ALL SELECT id, external_id FROM products WHERE id = $1',
        [product],
      );
      const targets = saved.slice(0, 4).map((r) => r.id);
      for (const [i, sku] of skus.entries()) await api.db.query('UPDATE products SET external_id = $1 WHERE id = $2', [sku, targets[i] ?? assert.fail('a product')]);
      await api.db.query(`UPDATE products SET external_id = 'SKU-MAIN' WHERE id = $1`, [product]);
      const path = (ref: string) => `/v1/products/${encodeURIComponent(ref)}/reviews`;
      const page = async (ref: string) => {
        const response = await api.request('GET', `${path(ref)}?limit=100`, api.headers.pk);
        assert.equal(response.status, 200, ref);
        return PublicReviewPage.parse(await response.json()).items.map((r) => r.id);
      };
      assert.deepEqual(await page('SKU-MAIN'), await page(product));
      assert.deepEqual(await page(product.toUpperCase()), await page(product), 'a UUID in capitals is the same id');
      const aggregate = await api.request('GET', `${path('SKU-MAIN')}/aggregate`, api.headers.pk);
      assert.deepEqual(ReviewAggregate.parse(await aggregate.json()), await direct(product), 'answers carry Kith\'s id');
      for (const [i, sku] of skus.entries()) {
        const response = await api.request('GET', `${path(sku)}/aggregate`, api.headers.pk);
        assert.equal(response.status, 200, sku);
        assert.equal(ReviewAggregate.parse(await response.json()).productId, targets[i], sku);
      }
      // A UUID that is another product's id wins over a shop id equal to it.
      await api.db.query('UPDATE products SET external_id = $1 WHERE id = $2', [product, targets[0] ?? '']);
      assert.equal(ReviewAggregate.parse(await (await api.request('GET', `${path(product)}/aggregate`, api.headers.pk)).json()).productId, product);
      await api.db.query('UPDATE products SET external_id = $1 WHERE id = $2', [skus[0] ?? '', targets[0] ?? '']);

      const asked = ['SKU-MAIN', product, ...skus, 'no-such-sku', 'SKU-MAIN'];
      const query = asked.map((ref) => `productId=${encodeURIComponent(ref)}`).join('&');
      const { items } = ReviewAggregates.parse(await (await api.request('GET', `/v1/reviews/aggregates?${query}`, api.headers.pk)).json());
      assert.deepEqual(items.map((a) => [a.ref, a.productId]), [
        ['SKU-MAIN', product], [product, product], ...skus.map((sku, i) => [sku, targets[i]]), ['no-such-sku', null],
      ]);
      const { ref: _ref, ...main } = items[0] ?? assert.fail('SKU-MAIN');
      assert.deepEqual(main, await direct(product));
      assert.deepEqual(items.at(-1), { ref: 'no-such-sku', productId: null, ...none });

      await assertError(await api.request('GET', path('no-such-sku'), api.headers.pk), 404, 'not_found');
      await assertError(await api.request('GET', `${path("x' OR '1'='1")}/aggregate`, api.headers.pk), 404, 'not_found');
      for (const row of saved) await api.db.query('UPDATE products SET external_id = $1 WHERE id = $2', [row.external_id, row.id]);
    });

    test('bad queries → 400 with the field', async () => {
      const base = `/v1/products/${product}/reviews`;
      const cases: [string, string][] = [
        [`${base}?rating=0`, 'rating'],
        [`${base}?rating=6`, 'rating'],
        [`${base}?rating=4.5`, 'rating'],
        [`${base}?rating=five`, 'rating'],
        [`${base}?rating=1&rating=2&rating=3&rating=4&rating=5&rating=5`, 'rating'],
        [`${base}?sort=best`, 'sort'],
        [`${base}?language=English`, 'language'],
        [`${base}?limit=1000`, 'limit'],
        [`${base}?cursor=${'x'.repeat(600)}`, 'cursor'],
        [`${base}?cursor=eyJyYW5rIjoxfQ`, 'cursor'],
        [`${base}?customerId=${api.customerId}`, ''],
        [`/v1/products/${'x'.repeat(129)}/reviews`, 'id'],
        ['/v1/products/%20/reviews/aggregate', 'id'],
        ['/v1/reviews/aggregates', 'productId'],
        ['/v1/reviews/aggregates?productId=%20', 'productId'],
        [`/v1/reviews/aggregates?productId=${'x'.repeat(129)}`, 'productId'],
        [`/v1/reviews/aggregates?${Array.from({ length: 51 }, () => `productId=${product}`).join('&')}`, 'productId'],
      ];
      for (const [path, field] of cases) {
        const error = await assertError(await api.request('GET', path, api.headers.pk), 400, 'validation');
        if (field) assert.ok(error.error.details?.issues?.some((i) => i.path[0] === field), `${path}: ${JSON.stringify(error)}`);
      }
    });
  });
}
