// Issue #8's hostile-input check through the API alone: every string of the
// big-list-of-naughty-strings package goes into a review's title, body and name with a
// publishable key from the shop's origin, is published with the secret key and read back
// from the public list. What is stored comes back byte-identical; what the schema refuses is
// a typed 400 naming the field, for a documented reason; nothing is ever a 5xx.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { after, before, describe, test } from 'node:test';
import { ErrorEnvelope, FeedbackReceipt, PublicReviewPage, type PublicReview } from '@kith/schema';
import { testApi, type TestApi } from '../test-support/api.js';
import { closeAll, variants } from '../test-support/database.js';

after(closeAll);

// The package is a JSON array and nothing else (no module entry to import as ESM).
const NAUGHTY: readonly string[] = createRequire(import.meta.url)('big-list-of-naughty-strings') as string[];

type Field = 'title' | 'body' | 'authorName';
const FIELDS: readonly Field[] = ['title', 'body', 'authorName'];
/** The documented limits of a review's fields (UTF-16 code units), written here, not read from the schema under test. */
const LIMITS: Record<Field, number> = { title: 150, body: 5000, authorName: 80 };

/**
 * Why the schema (`verbatimText`) refuses a string in a field, decided here independently
 * of it: only whitespace (JavaScript's `trim`), longer than the field's limit in UTF-16 code
 * units, or holding U+0000 / half of a surrogate pair (which Postgres text cannot keep as sent).
 */
function refusal(text: string, field: Field): string | null {
  if (text.length === 0 || text.trim().length === 0) return 'blank';
  if (text.length > LIMITS[field]) return 'too long';
  if (/[\p{Cs}\0]/u.test(text)) return 'not storable';
  return null;
}

/** A shop's product of this suite's own (setup, not under test), named by its SKU throughout. */
const SKU = 'NAUGHTY-STRINGS-1';

for (const variant of variants()) {
  describe(`big-list-of-naughty-strings through the API on ${variant.name}`, { skip: variant.skip }, () => {
    let api: TestApi;
    /** Every answer's status: none may be 5xx. */
    const statuses: number[] = [];

    const call = async (method: string, path: string, headers: Record<string, string>, body?: unknown) => {
      const response = await api.request(method, path, headers, body);
      statuses.push(response.status);
      return { status: response.status, json: JSON.parse(await response.text()) as unknown };
    };

    before(async () => {
      api = await testApi(await variant.open(), undefined, { settings: { rateLimits: null } });
      await api.db.query(`INSERT INTO products (external_id, name) VALUES ($1, 'Naughty strings test product')`, [SKU]);
    });

    test('every string stored and returned byte-identical, or refused with a typed 400; never 5xx', async (t) => {
      assert.ok(NAUGHTY.length > 400, `the whole list (${NAUGHTY.length} strings)`);
      /** What each created review must read back as, by id. */
      const expected = new Map<string, Record<Field, string>>();
      const refused = { blank: 0, 'too long': 0, 'not storable': 0 } as Record<string, number>;

      const submit = async (words: Record<Field, string>) => {
        const { status, json } = await call('POST', '/v1/feedback', api.headers.pk, { kind: 'review', productId: SKU, rating: 3, language: 'en', ...words });
        const reasons = FIELDS.flatMap((field) => {
          const reason = refusal(words[field], field);
          return reason === null ? [] : [[field, reason] as const];
        });
        if (reasons.length === 0) {
          assert.equal(status, 201, JSON.stringify({ words, json }));
          const receipt = FeedbackReceipt.parse(json);
          assert.ok(receipt.kind === 'review');
          expected.set(receipt.id, words);
          return;
        }
        assert.equal(status, 400, JSON.stringify({ words, json }));
        const error = ErrorEnvelope.parse(json).error;
        assert.equal(error.code, 'validation');
        const named = new Set(error.details?.issues?.map((issue) => issue.path[0]));
        for (const [field, reason] of reasons) {
          assert.ok(named.has(field), `${field} (${reason}) is named: ${JSON.stringify({ words, json })}`);
          refused[reason] = (refused[reason] ?? 0) + 1;
        }
      };

      for (const text of NAUGHTY) {
        // The string in every field at once, then where it fits: a string too long for the
        // name still goes into the body (and the title when it fits there).
        await submit({ title: text, body: text, authorName: text });
        if (refusal(text, 'authorName') === 'too long') {
          await submit({ title: refusal(text, 'title') === null ? text : 'Long naughty string', body: text, authorName: 'Naughty' });
        }
      }

      for (const id of expected.keys()) {
        const { status, json } = await call('POST', `/v1/feedback/${id}/moderate`, api.headers.sk, { action: 'publish' });
        assert.equal(status, 200, JSON.stringify(json));
      }

      const shown = new Map<string, PublicReview>();
      let cursor: string | null = null;
      do {
        const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const { status, json } = await call('GET', `/v1/products/${SKU}/reviews?limit=100${query}`, api.headers.pk);
        assert.equal(status, 200, JSON.stringify(json));
        const page = PublicReviewPage.parse(json);
        for (const review of page.items) shown.set(review.id, review);
        cursor = page.next;
      } while (cursor !== null);

      assert.equal(shown.size, expected.size, 'every stored review is listed');
      for (const [id, words] of expected) {
        const review = shown.get(id) ?? assert.fail(`review ${id} is listed`);
        // strictEqual on strings: the same UTF-16 code units, nothing trimmed or normalised.
        for (const field of FIELDS) assert.equal(review[field], words[field], `${field} of ${JSON.stringify(words)}`);
      }
      const storedStrings = new Set([...expected.values()].flatMap((words) => FIELDS.map((field) => words[field])));
      const listed = NAUGHTY.filter((text) => storedStrings.has(text)).length;
      assert.deepEqual(statuses.filter((status) => status >= 500), [], 'no answer was a 5xx');
      t.diagnostic(
        `${NAUGHTY.length} strings: ${listed} stored and read back byte-identical in ${expected.size} reviews; ` +
          `refusals by field: ${Object.entries(refused).map(([reason, n]) => `${n} ${reason}`).join(', ')}; ${statuses.length} requests, none 5xx`,
      );
    });
  });
}
