import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import type { KithClient } from '@kith/sdk';
import { serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithReviews } from './reviews.js';
import { clientFor, moderatorFor, part, parts, publishReview, SNEAKERS, SUIT, text, texts, until } from './reviews.test-support.js';

let server: KithServerInfo;
let moderator: KithClient;
let reader: KithClient;
const tag = () => crypto.randomUUID().slice(0, 8);

async function shown(product: string, client: KithClient = clientFor(server)): Promise<KithReviews> {
  const el = await fixture<KithReviews>(html`<kith-reviews .client=${client} product=${product} locale="en-US" style="width: 360px"></kith-reviews>`);
  await until(el, 'ready');
  return el;
}

describe('<kith-reviews> writes seen through the real API: paging, live updates, hostile text', () => {
  before(async function () {
    this.timeout(60_000);
    // A server of this file's own: the reviews written here change counts other files read.
    server = await serverInfo({ isolated: true });
    moderator = await moderatorFor(server);
    reader = clientFor(server, { cache: false });
  });

  it('"Show more" reads the next page with the cursor and adds it under the first; gone on the last page', async function () {
    this.timeout(60_000);
    for (let i = 0; i < 11; i++) await publishReview(server, moderator, SUIT, { title: `Paging ${i}`, body: 'Fits well.', authorName: 'Pager' });
    const want = (await reader.reviews.list(SUIT, { sort: 'newest', language: 'en', limit: 100 })).items.map((review) => review.title);
    expect(want.length).to.be.greaterThan(10);
    const el = await shown(SUIT);
    expect(texts(el, 'review-title')).to.deep.equal(want.slice(0, 10));
    const more = part(el, 'more-button') as HTMLButtonElement;
    expect(more.textContent).to.equal('Show more reviews');
    more.focus();
    more.click();
    await waitUntil(() => parts(el, 'review').length === want.length, `${parts(el, 'review').length} reviews shown`);
    expect(texts(el, 'review-title')).to.deep.equal(want);
    expect(part(el, 'more-button')).to.equal(null);
    await expectAccessible(el);
  });

  it('a review published through the API appears live, announced politely', async function () {
    this.timeout(30_000);
    const client = clientFor(server);
    const el = await shown(SNEAKERS, client);
    await waitUntil(() => client.live.status === 'open', 'the live stream never opened');
    const title = `Live review ${tag()}`;
    await publishReview(server, moderator, SNEAKERS, { title, body: 'Arrived today.', authorName: 'Live tester' });
    await waitUntil(() => texts(el, 'review-title')[0] === title, `the list shows ${JSON.stringify(texts(el, 'review-title'))}`);
    await waitUntil(() => text(el, 'status') === '1 new review.', `the status says "${text(el, 'status')}"`);
    expect(part(el, 'status')?.getAttribute('role')).to.equal('status');
  });

  it('a product named by the shop\'s own id (SKU) reads and follows live updates', async function () {
    this.timeout(30_000);
    const { sampleProductId: id, sampleProductSku: sku } = server;
    const client = clientFor(server);
    const el = await shown(sku, client);
    expect(el.summary?.productId).to.equal(id);
    await waitUntil(() => client.live.status === 'open', 'the live stream never opened');
    const title = `Live by SKU ${tag()}`;
    await publishReview(server, moderator, id, { title, body: 'Nice.', authorName: 'Sku tester' });
    await waitUntil(() => texts(el, 'review-title')[0] === title, `the list shows ${JSON.stringify(texts(el, 'review-title'))}`);
  });

  it('hostile text is shown as text: no script runs, no element is made, long words wrap inside their box', async function () {
    this.timeout(30_000);
    const flag = `__kithPwned${tag()}`;
    const run = `window.${flag}=1`;
    const hostile = {
      title: `<img src=x onerror="${run}"> \${${run}} {{constructor.constructor('${run}')()}}`,
      body: [
        `<script>${run}</script>`,
        `<svg onload="${run}"><animate onbegin="${run}"/></svg>`,
        `<math><mtext><table><mglyph><style><img src=x onerror="${run}">`,
        `<a href="javascript:${run}">click</a> <a href="data:text/html,<script>${run}</script>">data</a>`,
        `<iframe srcdoc="<script>${run}</script>"></iframe> <template><img src=x onerror="${run}"></template>`,
        `\u202Eevil\u202C zero\u200Bwidth\u200Djoin \u2066isolate\u2069 <!-- ${run} -->`,
      ].join('\n'),
      authorName: `\u202Egnp.exe\u202C <b onmouseover="${run}">x</b>`,
    };
    const long = { title: 'T'.repeat(150), body: 'W'.repeat(5000), authorName: 'A'.repeat(80) };
    for (const fields of [hostile, long]) await publishReview(server, moderator, SUIT, fields);
    const el = await shown(SUIT);
    part(el, 'language-toggle')?.click();
    await waitUntil(() => texts(el, 'review-title').includes(hostile.title), 'the hostile review is shown');
    await waitUntil(() => texts(el, 'review-title').includes(long.title), 'the long review is shown');
    const articles = parts(el, 'review');
    const byTitle = (title: string) => articles.find((article) => article.querySelector('[part~="review-title"]')?.textContent === title) as HTMLElement;
    const article = byTitle(hostile.title);
    // Exactly as written, as text.
    expect(article.querySelector('[part~="review-body"]')?.textContent).to.equal(hostile.body);
    expect(article.querySelector('[part~="review-author"]')?.textContent).to.equal(hostile.authorName);
    // Only the elements of the element's own template.
    const made = new Set([...article.querySelectorAll('*')].map((node) => node.localName));
    expect([...made].filter((name) => !['div', 'span', 'h3', 'p', 'bdi', 'time'].includes(name))).to.deep.equal([]);
    expect(el.shadowRoot?.querySelectorAll('script, img, svg, math, iframe, a:not([part~="all-link"]), template, b').length).to.equal(0);
    expect((window as unknown as Record<string, unknown>)[flag]).to.equal(undefined);
    // 360 px wide: no box scrolls sideways, even with a 5,000-character word (the longest body the API stores).
    for (const box of [el, ...articles]) expect(box.scrollWidth <= box.clientWidth, `a box ${box.scrollWidth} px wide in ${box.clientWidth} px`).to.equal(true);
    expect(byTitle(long.title).clientWidth).to.be.at.most(360);
  });
});
