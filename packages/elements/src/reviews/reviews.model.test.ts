import { expect } from '@open-wc/testing';
import type { PublicReview, ReviewAggregate } from '@kith/schema';
import { jsonLdText, productJsonLd } from './reviews-structured-data.js';
import { mergeReviews } from './reviews-list.model.js';
import { formatAverage, listQuery, readingLanguage, share } from './reviews.model.js';

const review = (id: string, rating = 4): PublicReview => ({
  id, productId: '3ab06973-9869-45e6-b8dc-bda2d257d6eb', rating, title: `Title ${id}`, body: 'Body', authorName: 'Ann',
  language: 'en', verifiedPurchase: false, reply: null, createdAt: '2026-11-02T10:00:00.000Z',
});
const summary: ReviewAggregate = { productId: '3ab06973-9869-45e6-b8dc-bda2d257d6eb', count: 2, average: 4.5, distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 1 } };

describe('<kith-reviews> model', () => {
  it('reads reviews in the reader\'s language first: the language alone, with the script for Chinese', () => {
    expect(['en-GB', 'fr', 'zh-CN', 'zh-TW', 'zh-HK', 'zh-Hant', 'not a tag'].map(readingLanguage)).to.deep.equal(['en', 'fr', 'zh-Hans', 'zh-Hant', 'zh-Hant', 'zh-Hant', 'en']);
  });

  it('asks for a page of 10 with the stars sorted (the same choice is the same cached read), every language without one', () => {
    expect(listQuery({ sort: 'highest', stars: [5, 3], language: 'en' })).to.deep.equal({ sort: 'highest', limit: 10, rating: [3, 5], language: 'en' });
    expect(listQuery({ sort: 'newest', stars: [], language: undefined })).to.deep.equal({ sort: 'newest', limit: 10 });
  });

  it('merges pages keeping each review once, bars and stars as shares, the average with one decimal', () => {
    expect(mergeReviews([review('a'), review('b')], [review('b'), review('c')]).map((r) => r.id)).to.deep.equal(['a', 'b', 'c']);
    expect([share(3, 12), share(5, 0), share(7, 5)]).to.deep.equal([0.25, 0, 1]);
    expect([formatAverage(4.25, 'en'), formatAverage(4, 'de')]).to.deep.equal(['4.3', '4,0']);
  });

  it('structured data: nothing without reviews; ratings within 1 and 5; "<" written \\u003c', () => {
    expect(productJsonLd({ name: 'Sneakers', aggregate: { ...summary, count: 0, average: null }, reviews: [] })).to.equal(undefined);
    const data = productJsonLd({ name: 'Sneakers', aggregate: summary, reviews: [review('a', 5)] });
    expect(data?.['aggregateRating']).to.deep.equal({ '@type': 'AggregateRating', ratingValue: 4.5, reviewCount: 2, bestRating: 5, worstRating: 1 });
    expect(jsonLdText({ name: '</script>' })).to.equal('{"name":"\\u003c/script>"}');
    expect(JSON.parse(jsonLdText({ name: '</script>' }))).to.deep.equal({ name: '</script>' });
  });
});
