import { expect } from '@open-wc/testing';
import type { PublicReviewPage, ReviewAggregate, ReviewListQuery } from '@kith/schema';
import { serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import type { Read, ReadState } from '../reads/types.js';
import { kithError } from '../test-support/expect-errors.js';
import { clientOf, sent } from './fixtures.js';
import type { ReviewsResource } from './reviews.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _list: Equal<Parameters<ReviewsResource['list']>[1], ReviewListQuery | undefined> = true;
const _listRead: Equal<ReturnType<ReviewsResource['list']>, Read<PublicReviewPage>> = true;

describe('reviews resource against the real server (publishable key)', () => {
  let server: KithServerInfo;
  /** Two products with published reviews. */
  let products: string[];

  before(async () => {
    server = await serverInfo();
    const inbox = clientOf(server, { kind: 'staff', scopes: ['feedback:read'] });
    const published = await inbox.feedback.list({ kind: 'review', status: 'published', limit: 100 });
    products = [...new Set(published.items.flatMap((item) => (item.kind === 'review' ? [item.productId] : [])))].slice(0, 2);
    expect(products).to.have.length(2);
  });

  it('list: published reviews of one product, sorted and filtered by stars, no customer named', async () => {
    const shop = clientOf(server);
    const [productId = ''] = products;
    // Read until the list is the same before and after the filtered one (other suites publish reviews).
    let highest = await shop.reviews.list(productId, { sort: 'highest', limit: 100 });
    let top = await shop.reviews.list(productId, { rating: [5], limit: 100 });
    for (let attempt = 0; attempt < 5; attempt++) {
      const again = await shop.reviews.list(productId, { sort: 'highest', limit: 100 });
      if (JSON.stringify(again) === JSON.stringify(highest)) break;
      highest = again;
      top = await shop.reviews.list(productId, { rating: [5], limit: 100 });
    }
    expect(highest.items.length).to.be.greaterThan(0);
    expect(highest.items.every((review) => review.productId === productId)).to.equal(true);
    const ratings = highest.items.map((review) => review.rating);
    expect(ratings).to.deep.equal([...ratings].sort((a, b) => b - a));
    expect(highest.items[0]).to.not.have.property('customerId');
    expect(top.items.every((review) => review.rating === 5)).to.equal(true);
    expect(top.items.length).to.equal(ratings.filter((rating) => rating === 5).length);
  });

  it('aggregate and aggregates agree with each other and with the list', async () => {
    const shop = clientOf(server);
    const [first = '', second = ''] = products;
    // Other suites (the other browser's, at the same time) publish reviews on the shared server: read
    // until the aggregate is the same before and after the list and the batch.
    const settled = async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const one = await shop.reviews.aggregate(first);
        const all = await shop.reviews.list(first, { limit: 100 });
        const batch = await shop.reviews.aggregates({ productId: [first, second, UNKNOWN_ID] });
        const again = await shop.reviews.aggregate(first);
        if (JSON.stringify(again) === JSON.stringify(one)) return { one, all, batch };
      }
      throw new Error("the product's reviews kept changing while they were read");
    };
    const { one, all, batch } = await settled();
    expect(one.productId).to.equal(first);
    if (all.next === null) expect(one.count).to.equal(all.items.length);
    expect(Object.values(one.distribution).reduce((sum, n) => sum + n, 0)).to.equal(one.count);
    expect(batch.items.map((item) => item.ref)).to.deep.equal([first, second, UNKNOWN_ID]);
    expect(batch.items[0]).to.deep.equal({ ref: first, ...one });
    expect(batch.items[2]).to.deep.include({ productId: null, count: 0, average: null });
  });

  it('an observed aggregate fetches again when a review is published (live `product:<id>`)', async () => {
    const shop = clientOf(server);
    const [productId = ''] = products;
    const states: ReadState<ReviewAggregate>[] = [];
    const stop = shop.reviews.aggregate(productId).subscribe((state) => states.push(state));
    try {
      const fresh = () => states.filter((state) => state.status === 'fresh');
      for (let i = 0; i < 400 && (fresh().length === 0 || shop.live.status !== 'open'); i++) await new Promise((r) => setTimeout(r, 25));
      const before = fresh()[0]?.data?.count ?? -1;
      expect(before).to.be.at.least(0);
      const receipt = sent(
        await shop.feedback.create({ kind: 'review', productId, rating: 5, title: 'Live review', body: 'Lovely.', authorName: 'SDK', language: 'en' }),
      );
      const moderator = clientOf(server, { kind: 'staff', scopes: ['feedback:moderate'] });
      await moderator.feedback.moderate(receipt.id, { action: 'publish' });
      for (let i = 0; i < 400 && !fresh().some((state) => (state.data?.count ?? 0) > before); i++) await new Promise((r) => setTimeout(r, 25));
      const last = fresh().at(-1);
      expect(last?.source).to.equal('live');
      expect(last?.data?.count).to.be.greaterThan(before);
    } finally {
      stop();
      shop.close();
    }
  });

  it('refusals: an unknown product (not_found); six stars (validation on `rating`)', async () => {
    const shop = clientOf(server);
    expect((await kithError(shop.reviews.list(UNKNOWN_ID))).code).to.equal('not_found');
    const error = await kithError(shop.reviews.list(products[0] ?? '', { rating: [6] }));
    expect(error.code).to.equal('validation');
    expect(error.issues.map((issue) => issue.path[0])).to.include('rating');
  });

  it('a product named by the shop\'s own id (SKU) reads like its Kith id; the answer carries Kith\'s id', async () => {
    const shop = clientOf(server);
    const { sampleProductId: id, sampleProductSku: sku } = server;
    const [bySku, byId] = [await shop.reviews.aggregate(sku), await shop.reviews.aggregate(id)];
    expect(bySku).to.deep.equal(byId);
    expect(bySku.productId).to.equal(id);
    const page = await shop.reviews.list(sku, { limit: 100 });
    expect(page.items.length).to.be.greaterThan(0);
    expect(page.items.every((review) => review.productId === id)).to.equal(true);
    expect(new Set(page.items.map((review) => review.language)).size).to.be.greaterThan(1);
    expect(page.items.some((review) => review.reply !== null)).to.equal(true);
    const batch = await shop.reviews.aggregates({ productId: [sku, id, 'NO-SUCH-SKU'] });
    expect(batch.items.map((item) => [item.ref, item.productId])).to.deep.equal([[sku, id], [id, id], ['NO-SUCH-SKU', null]]);
    expect((await kithError(shop.reviews.list('NO-SUCH-SKU'))).code).to.equal('not_found');
    shop.close();
  });
});
