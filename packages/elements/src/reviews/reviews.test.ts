import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { PublicReview, ReviewAggregate, ReviewListQuery } from '@kith/schema';
import type { KithClient } from '@kith/sdk';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithLoadEvent } from '../events/kith-load.js';
import type { KithReviews } from './reviews.js';
import { bar, clientFor, part, parts, SNEAKERS, SUIT, text, texts, until } from './reviews.test-support.js';

let server: KithServerInfo;
/** Reads what the element should show, straight through the SDK. */
let reader: KithClient;
let summary: ReviewAggregate;

const titles = (reviews: readonly PublicReview[]) => reviews.map((review) => review.title);
const expected = async (query: ReviewListQuery) => titles((await reader.reviews.list(SNEAKERS, { limit: 10, ...query })).items);

async function reviewsOf(product: string, locale = 'en-US', attributes: { href?: string } = {}): Promise<KithReviews> {
  const el = await fixture<KithReviews>(html`<kith-reviews .client=${clientFor(server)} product=${product} locale=${locale}
    href=${attributes.href ?? ''} style="width: 360px"></kith-reviews>`);
  await until(el, product === SUIT ? 'empty' : 'ready');
  return el;
}

/** Every review box and the element itself fit their width (nothing scrolls sideways). */
function expectNoSidewaysScroll(el: KithReviews): void {
  const boxes = [el, ...parts(el, 'review')];
  expect(boxes.filter((box) => box.scrollWidth > box.clientWidth).length, 'boxes wider than their width').to.equal(0);
}

describe('<kith-reviews> against the real server', () => {
  before(async function () {
    this.timeout(60_000);
    // A server of this file's own: other files publish reviews on the shared one.
    server = await serverInfo({ isolated: true });
    reader = clientFor(server, { cache: false });
    summary = await reader.reviews.aggregate(SNEAKERS);
  });

  it('shows the average, the count, a bar per star with its count, and the reviews in the reader\'s language; fires kith-load', async () => {
    const el = document.createElement('kith-reviews');
    el.client = clientFor(server);
    el.locale = 'en-US';
    const loaded = oneEvent(el, 'kith-load') as Promise<KithLoadEvent>;
    el.product = SNEAKERS;
    (await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`)).append(el);
    const { detail } = await loaded;
    await until(el, 'ready');
    expect('product' in detail && detail.product === SNEAKERS && detail.aggregate.count === summary.count).to.equal(true);
    expect(summary.count, 'the seed has reviews of this product').to.be.greaterThan(2);
    expect(text(el, 'heading')).to.equal('Customer reviews');
    expect(text(el, 'count')).to.equal(`${summary.count} reviews`);
    expect(part(el, 'stars')?.getAttribute('aria-label')).to.equal(`Rated ${(summary.average ?? 0).toFixed(1)} out of 5`);
    expect(parts(el, 'bar').map((button) => button.getAttribute('aria-label'))).to.deep.equal(
      [5, 4, 3, 2, 1].map((star) => `${star} ${star === 1 ? 'star' : 'stars'}, ${summary.distribution[star as 1]} ${summary.distribution[star as 1] === 1 ? 'review' : 'reviews'}`),
    );
    expect(parts(el, 'bar').every((button) => button.getAttribute('aria-pressed') === 'false')).to.equal(true);
    expect(text(el, 'language-note')).to.equal('Reviews in English');
    expect(texts(el, 'review-title')).to.deep.equal(await expected({ sort: 'newest', language: 'en' }));
    expectNoSidewaysScroll(el);
    await expectAccessible(el);
  });

  it('a star bar is a toggle button that filters the list (by keyboard); two combine; pressing again shows all', async () => {
    const el = await reviewsOf(SNEAKERS);
    part(el, 'language-toggle')?.click(); // every language: more reviews to filter
    await until(el, 'ready');
    const star = ([5, 4, 3, 2, 1] as const).find((stars) => summary.distribution[stars] > 0) ?? 5;
    bar(el, star).focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => bar(el, star).getAttribute('aria-pressed') === 'true', 'the bar was not pressed');
    await until(el, 'ready');
    const only = await expected({ sort: 'newest', rating: [star] });
    await waitUntil(() => JSON.stringify(texts(el, 'review-title')) === JSON.stringify(only), `the list shows ${JSON.stringify(texts(el, 'review-title'))}`);
    expect(only.length).to.equal(Math.min(10, summary.distribution[star]));

    const other = star === 1 ? 2 : 1;
    bar(el, other).click();
    const both = await expected({ sort: 'newest', rating: [other, star].sort() });
    await waitUntil(() => JSON.stringify(texts(el, 'review-title')) === JSON.stringify(both), 'two stars combine');

    bar(el, star).click();
    bar(el, other).click();
    const all = await expected({ sort: 'newest' });
    await waitUntil(() => JSON.stringify(texts(el, 'review-title')) === JSON.stringify(all), 'pressing again shows every review');
    expect(parts(el, 'bar').some((button) => button.getAttribute('aria-pressed') === 'true')).to.equal(false);
  });

  it('sorts by newest, highest and lowest rating', async () => {
    const el = await reviewsOf(SNEAKERS);
    part(el, 'language-toggle')?.click();
    const select = part(el, 'sort') as HTMLSelectElement;
    expect([...select.options].map((option) => option.text)).to.deep.equal(['Newest', 'Highest rating', 'Lowest rating']);
    for (const sort of ['highest', 'lowest', 'newest'] as const) {
      select.value = sort;
      select.dispatchEvent(new Event('change'));
      const want = await expected({ sort });
      await waitUntil(() => JSON.stringify(texts(el, 'review-title')) === JSON.stringify(want), `sorted by ${sort}: ${JSON.stringify(texts(el, 'review-title'))}`);
    }
  });

  it('"All languages" shows every review; a reader whose language has none sees all at once, with a note', async () => {
    const el = await reviewsOf(SNEAKERS);
    const toggle = part(el, 'language-toggle') as HTMLButtonElement;
    expect([text(el, 'language-toggle'), toggle.getAttribute('aria-pressed')]).to.deep.equal(['All languages', 'false']);
    toggle.click();
    await waitUntil(() => toggle.getAttribute('aria-pressed') === 'true');
    const all = await expected({ sort: 'newest' });
    await waitUntil(() => JSON.stringify(texts(el, 'review-title')) === JSON.stringify(all), 'every language');
    expect(text(el, 'language-note')).to.equal('Reviews in all languages');
    expect(all.length, 'more reviews than in English alone').to.be.greaterThan((await expected({ sort: 'newest', language: 'en' })).length);
    el.remove(); // the next one reads only once near the viewport

    const french = await reviewsOf(SNEAKERS, 'fr-FR');
    await waitUntil(() => texts(french, 'review-title').length === all.length, 'a French reader sees every language');
    expect(texts(french, 'review-title')).to.deep.equal(all);
    // Texts in English (Kith ships en, zh-Hans, zh-Hant); the language named in the reader's own.
    expect(text(french, 'language-note')).to.equal('No reviews in français yet: showing all languages');
    expect(part(french, 'language-toggle')).to.equal(null);
  });

  it('shows the shop\'s reply under its review and the verified-buyer badge; each review is an article with the contract\'s parts', async () => {
    const all = (await reader.reviews.list(SNEAKERS, { limit: 10 })).items;
    const replied = all.find((review) => review.reply !== null);
    const verified = all.find((review) => review.verifiedPurchase);
    const guest = all.find((review) => !review.verifiedPurchase);
    expect(replied && verified, 'the seed has a reply and a verified purchase on this product').to.not.equal(undefined);
    const el = await reviewsOf(SNEAKERS);
    part(el, 'language-toggle')?.click();
    await waitUntil(() => parts(el, 'review').length === all.length, 'every review shown');
    const articleOf = (review: PublicReview) => parts(el, 'review')[all.indexOf(review)] as HTMLElement;
    const withReply = articleOf(replied as PublicReview);
    expect(withReply.localName).to.equal('article');
    expect(withReply.querySelector('[part~="review-reply"] .reply-body')?.textContent).to.equal(replied?.reply?.body);
    expect(withReply.querySelector('[part~="review-title"]')?.textContent).to.equal(replied?.title);
    expect(withReply.querySelector('[part~="review-body"]')?.textContent).to.equal(replied?.body);
    expect(withReply.querySelector('[part~="review-author"]')?.textContent).to.equal(replied?.authorName);
    expect(articleOf(verified as PublicReview).querySelector('[part~="verified-badge"]')?.textContent).to.equal('Verified buyer');
    if (guest) expect(articleOf(guest).querySelector('[part~="verified-badge"]')).to.equal(null);
    // Reviewers' words are laid out in their own direction, isolated from the page's.
    expect(withReply.querySelector('[part~="review-title"]')?.getAttribute('dir')).to.equal('auto');
    expect(withReply.querySelector('[part~="review-author"]')?.localName).to.equal('bdi');
    expect(withReply.querySelector('[part~="review-body"]')?.getAttribute('lang')).to.equal(replied?.language);
  });

  it('in Chinese: texts, counts and dates of the reader\'s locale (zh-Hans, zh-Hant)', async () => {
    for (const [locale, heading, count] of [['zh-CN', '顾客评价', '条评价'], ['zh-TW', '顧客評價', '則評價']] as const) {
      const el = await reviewsOf(SNEAKERS, locale);
      await waitUntil(() => text(el, 'heading') === heading, `${locale}: the heading is "${text(el, 'heading')}"`);
      expect(text(el, 'count')).to.equal(`${summary.count} ${count}`);
      const first = parts(el, 'review')[0]?.querySelector('time');
      if (first) expect(first.textContent).to.equal(new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(first.dateTime)));
      await expectAccessible(el);
      el.remove(); // the next one reads only once near the viewport
    }
  });

  it('renders its own "See all reviews" link from href (never a javascript: one); the page\'s fallback child is hidden once upgraded', async () => {
    const el = await fixture<KithReviews>(html`<kith-reviews .client=${clientFor(server)} product=${SNEAKERS} locale="en-US" href="/reviews/sneakers"><a href="/reviews/sneakers">Reviews</a></kith-reviews>`);
    await until(el, 'ready');
    const link = part(el, 'all-link') as HTMLAnchorElement;
    expect([link.textContent, link.getAttribute('href')]).to.deep.equal(['See all reviews', '/reviews/sneakers']);
    expect((el.querySelector('a') as HTMLElement).getClientRects().length, 'the fallback link is not rendered').to.equal(0);
    el.href = 'javascript:alert(1)';
    await el.updateComplete;
    expect(part(el, 'all-link')).to.equal(null);
  });

  it('empty: a product without reviews says so, with no bars or controls', async () => {
    const el = await reviewsOf(SUIT);
    expect(text(el, 'empty')).to.equal('No reviews yet.');
    expect(parts(el, 'bar').length + parts(el, 'sort').length).to.equal(0);
    await expectAccessible(el);
  });
});
