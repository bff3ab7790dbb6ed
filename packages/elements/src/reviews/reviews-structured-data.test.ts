import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import type { KithClient } from '@kith/sdk';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { SnippetProduct } from '../../../../test/support/review-snippets.js';
import type { KithReviews } from './reviews.js';
import { clientFor, moderatorFor, part, parts, publishReview, SNEAKERS, SUIT, texts, until } from './reviews.test-support.js';

/** A seeded product with one review: this file adds a hostile one to it. */
const WRAP_DRESS = 'b0b74b9a-1d1f-4c7c-b1ea-38647f9db7e9';

let server: KithServerInfo;
let reader: KithClient;

/** The element's JSON-LD children (light DOM, where crawlers read them). */
const scripts = (el: Element) => [...el.querySelectorAll(':scope > script[type="application/ld+json"]')] as HTMLScriptElement[];
const jsonLd = (el: Element): SnippetProduct => SnippetProduct.parse(JSON.parse(scripts(el)[0]?.textContent ?? 'null'));

async function withData(product: string, name = 'Canvas sneakers'): Promise<KithReviews> {
  const el = await fixture<KithReviews>(html`<kith-reviews structured-data .client=${clientFor(server)} product=${product}
    product-name=${name} locale="en-US"><a href="/reviews">Reviews</a></kith-reviews>`);
  await until(el, product === SUIT ? 'empty' : 'ready');
  return el;
}

describe('<kith-reviews structured-data>: JSON-LD for search engines', () => {
  before(async function () {
    this.timeout(60_000);
    server = await serverInfo({ isolated: true });
    reader = clientFor(server, { cache: false });
  });

  it('writes one Product with its AggregateRating and the shown Reviews, valid for review snippets', async () => {
    const summary = await reader.reviews.aggregate(SNEAKERS);
    const el = await withData(SNEAKERS);
    await waitUntil(() => scripts(el).length === 1, 'no JSON-LD was written');
    const data = jsonLd(el);
    expect(data.name).to.equal('Canvas sneakers');
    expect(data.aggregateRating).to.deep.equal({
      '@type': 'AggregateRating', ratingValue: summary.average, reviewCount: summary.count, bestRating: 5, worstRating: 1,
    });
    expect(data.review?.map((review) => review.name)).to.deep.equal(texts(el, 'review-title'));
    expect(data.review?.map((review) => review.author.name)).to.deep.equal(texts(el, 'review-author'));
    expect(el.querySelector('a')?.getAttribute('href'), 'the page\'s own fallback stays').to.equal('/reviews');

    // Updated with what is shown: every language now.
    part(el, 'language-toggle')?.click();
    const all = (await reader.reviews.list(SNEAKERS, { limit: 10 })).items;
    await waitUntil(() => jsonLd(el).review?.length === all.length, 'the JSON-LD follows the shown reviews');
    expect(scripts(el).length).to.equal(1);

    el.structuredData = false;
    await waitUntil(() => scripts(el).length === 0, 'removed with the attribute');
    el.structuredData = true;
    await waitUntil(() => scripts(el).length === 1, 'written again');
    const parent = el.parentElement as HTMLElement;
    el.remove();
    expect(scripts(el).length, 'removed on disconnect').to.equal(0);
    parent.append(el);
    await waitUntil(() => scripts(el).length === 1, 'written again when added back');
  });

  it('escapes "<" so review text cannot end the script; the JSON still reads back exactly', async function () {
    this.timeout(30_000);
    const title = '</script><script>window.__kithLd=1</script><!--';
    await publishReview(server, await moderatorFor(server), WRAP_DRESS, { title, body: 'Closing tags </SCRIPT > are text.', authorName: '<b>Eve</b>' });
    const el = await withData(WRAP_DRESS, 'Wrap dress');
    await waitUntil(() => jsonLd(el).review?.some((review) => review.name === title), 'the hostile review is in the JSON-LD');
    const text = scripts(el)[0]?.textContent ?? '';
    expect(text.includes('<')).to.equal(false);
    expect(text).to.contain('\\u003c/script>');
    expect(jsonLd(el).review?.find((review) => review.name === title)?.author.name).to.equal('<b>Eve</b>');
    expect((window as unknown as { __kithLd?: number }).__kithLd).to.equal(undefined);
  });

  it('writes nothing without reviews, nor without a product name (said on the console)', async () => {
    const empty = await withData(SUIT);
    // The writer's chunk has loaded (the element asked first: its import settles first) and has run.
    await import('./reviews-structured-data.js');
    await empty.updateComplete;
    expect(scripts(empty).length).to.equal(0);
    expect(parts(empty, 'review').length).to.equal(0);

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const unnamed = await withData(SNEAKERS, '');
      await waitUntil(() => warnings.some((warning) => warning.includes('product-name')), 'no warning about the missing name');
      part(unnamed, 'language-toggle')?.click(); // another update: said once only
      await until(unnamed, 'ready');
      expect(scripts(unnamed).length).to.equal(0);
      expect(warnings.filter((warning) => warning.includes('product-name')).length).to.equal(1);
    } finally {
      console.warn = warn;
    }
  });
});
