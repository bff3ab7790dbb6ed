// Hostile review texts through the real server and back into <kith-reviews>: about 60 curated
// vectors (test/support/hostile-vectors.ts) are written with the publishable key, published by a
// moderator through the API, and rendered. Nothing may run, no element may appear that a clean
// review does not have, every text must read back exactly as written, and no review box may grow
// wider than the list (scrollWidth ≤ clientWidth).
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import type { NewReview } from '@kith/schema';
import { createClient, type KithClient } from '@kith/sdk';
import '../packages/elements/src/reviews/reviews.js';
import type { KithReviews } from '../packages/elements/src/reviews/reviews.js';
import { SUIT } from '../packages/elements/src/reviews/reviews.test-support.js';
import { HOSTILE_VECTORS, PWNED_FLAG, PWNED_MARKER, type HostileVector } from './support/hostile-vectors.js';
import { mintToken, serverInfo, type KithServerInfo } from './support/server-commands.js';

type Fields = Pick<NewReview, 'title' | 'body' | 'authorName'>;
/** A review to write, and which vector sits in which field (for the failure messages). */
interface Planned {
  fields: Fields;
  names: string;
}

const LIMITS = { title: 150, authorName: 80 } as const;
const CLEAN: Fields = { title: 'A clean review', body: 'Nothing odd here.', authorName: 'Clean Reviewer' };
/** Elements a review's text could smuggle in; a clean review may have some of them itself (its stars). */
const SMUGGLED = 'script, iframe, frame, object, embed, img, svg, math, template, form, input, button, a, meta, base, link, style, video, audio, source, details, body, noscript, textarea, i, marquee';

/**
 * Three vectors per review (title, body, author): the longest left goes in the body, the longest
 * that fits in the title, then in the author. Fewer writes: the server lets an address make 30
 * public writes a minute.
 */
function plan(vectors: readonly HostileVector[]): Planned[] {
  const pool = [...vectors].sort((a, b) => b.text.length - a.text.length);
  const take = (max: number) => {
    const i = pool.findIndex((vector) => vector.text.length <= max);
    return i < 0 ? undefined : pool.splice(i, 1)[0];
  };
  const planned: Planned[] = [];
  while (pool.length > 0) {
    const body = pool.shift() as HostileVector;
    const title = take(LIMITS.title);
    const author = take(LIMITS.authorName);
    planned.push({
      fields: { body: body.text, title: title?.text ?? `Title ${planned.length}`, authorName: author?.text ?? `Author ${planned.length}` },
      names: `body: ${body.name}; title: ${title?.name ?? '-'}; author: ${author?.name ?? '-'}`,
    });
  }
  return planned;
}

const parts = (root: ParentNode, name: string) => [...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
const fieldsOf = (article: HTMLElement): Fields => ({
  title: article.querySelector('[part~="review-title"]')?.textContent ?? '',
  body: article.querySelector('[part~="review-body"]')?.textContent ?? '',
  authorName: article.querySelector('[part~="review-author"]')?.textContent ?? '',
});
const same = (a: Fields, b: Fields) => a.title === b.title && a.body === b.body && a.authorName === b.authorName;
/** An article's elements in tree order, by tag and part: the same for every review with the same stars, badge and reply. */
const shape = (article: HTMLElement) => [...article.querySelectorAll('*')].map((el) => `${el.localName}[${el.getAttribute('part') ?? ''}]`).join(' ');

/** Every element under `root`, shadow trees included. */
function deepElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? deepElements(el.shadowRoot) : [])]);
}

/** Waits until an image that fails to load has fired its error: a payload's `<img onerror>` would have fired by then too. */
async function imageErrorFence(): Promise<void> {
  const img = document.createElement('img');
  const failed = new Promise((resolve) => img.addEventListener('error', resolve, { once: true }));
  img.src = 'x';
  document.body.append(img);
  await failed;
  img.remove();
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

describe('hostile review texts render as text in <kith-reviews> (real server)', function () {
  // About 25 writes, 20 moderations and a few pages read on a server of this file's own.
  this.timeout(90_000);

  let server: KithServerInfo;
  let shopper: KithClient;
  let moderator: KithClient;
  const published: Planned[] = [];

  before(async () => {
    // A server of this file's own: its reviews disturb no other file, its write limit is ours.
    server = await serverInfo({ isolated: true });
    const name = `kith-hostile-${crypto.randomUUID()}`;
    shopper = createClient({ baseUrl: server.url, key: server.publishableKey, cache: false, outbox: { name } });
    const token = (await mintToken({ kind: 'staff', scopes: ['feedback:read', 'feedback:moderate'] })).token;
    moderator = createClient({ baseUrl: server.url, key: server.publishableKey, token: () => token, cache: false });
  });

  it('refuses the texts the schema forbids with a 400, storing nothing', async () => {
    for (const vector of HOSTILE_VECTORS.filter((candidate) => candidate.refused)) {
      const result = await shopper.feedback.create({ kind: 'review', productId: SUIT, rating: 4, language: 'en', ...CLEAN, body: vector.text });
      expect(result.status, vector.name).to.equal('failed');
      if (result.status !== 'failed') continue;
      expect([result.error.code, result.error.status], vector.name).to.deep.equal(['validation', 400]);
      await shopper.outbox.discard(result.entry.id);
    }
  });

  it('stores, publishes and renders every other vector as text: nothing runs, nothing is added, nothing overflows', async () => {
    const planned = [{ fields: CLEAN, names: 'clean' }, ...plan(HOSTILE_VECTORS.filter((vector) => !vector.refused))];
    for (const review of planned) {
      const result = await shopper.feedback.create({ kind: 'review', productId: SUIT, rating: 4, language: 'en', ...review.fields });
      if (result.status !== 'sent') throw new Error(`${review.names}: the review was ${result.status}${result.status === 'failed' ? ` (${result.error.code}: ${result.error.message})` : ''}`);
      expect(result.data.kind).to.equal('review');
      await moderator.feedback.moderate(result.data.id, { action: 'publish' });
      published.push(review);
    }

    const box = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
    const el = document.createElement('kith-reviews') as KithReviews;
    el.client = createClient({ baseUrl: server.url, key: server.publishableKey, cache: false });
    el.product = SUIT;
    el.locale = 'en';
    box.append(el);
    await waitUntil(() => el.status === 'ready', `the reviews never showed (they are "${el.status}")`, { timeout: 15_000 });
    const root = el.shadowRoot as ShadowRoot;
    // Page through with the "Show more" button, as a shopper would.
    for (let shown = parts(root, 'review').length; parts(root, 'more-button').length > 0; shown = parts(root, 'review').length) {
      (parts(root, 'more-button')[0] as HTMLButtonElement).click();
      await waitUntil(() => parts(root, 'review').length > shown || parts(root, 'more-button').length === 0, 'Show more never added reviews', { timeout: 10_000 });
    }
    await el.updateComplete;
    await imageErrorFence();

    // Nothing ran, and no marker element exists anywhere (light DOM, every shadow tree).
    expect((window as unknown as Record<string, unknown>)[PWNED_FLAG], 'a payload ran').to.equal(undefined);
    expect(deepElements(document).filter((found) => found.hasAttribute(PWNED_MARKER)).length, 'a marker element was created').to.equal(0);
    expect(el.children.length, 'nothing written into the light DOM').to.equal(0);

    // Each review once, its text exactly as written.
    const articles = parts(root, 'review');
    expect(articles.length, 'every published review is shown').to.equal(published.length);
    const shown = articles.map(fieldsOf);
    const missing = published.filter((review) => shown.filter((fields) => same(fields, review.fields)).length !== 1).map((review) => review.names);
    expect(missing, 'reviews whose text did not read back exactly').to.deep.equal([]);

    // Every review has the clean review's elements, no more; the smuggled kinds appear only as a clean review has them.
    const clean = articles[shown.findIndex((fields) => same(fields, CLEAN))] as HTMLElement;
    const cleanShape = shape(clean);
    const odd = articles.filter((article) => shape(article) !== cleanShape).map((article) => published.find((review) => same(review.fields, fieldsOf(article)))?.names);
    expect(odd, 'reviews with elements a clean review does not have').to.deep.equal([]);
    const outside = [...root.querySelectorAll(SMUGGLED)].filter((found) => !found.closest('[part~="review"]'));
    const expected = outside.length + articles.length * clean.querySelectorAll(SMUGGLED).length;
    expect(root.querySelectorAll(SMUGGLED).length, 'smuggled elements in the shadow root').to.equal(expected);

    // No review box is wider than the list (a 5,000-character word, a 3,000-character URL).
    const wide = articles.filter((article) => article.scrollWidth > article.clientWidth).map((article) => published.find((review) => same(review.fields, fieldsOf(article)))?.names);
    expect(wide, 'reviews wider than their box').to.deep.equal([]);
    expect(el.getBoundingClientRect().width).to.be.at.most(360);
  });
});
