import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { MAX_AGGREGATE_PRODUCTS } from '@kith/schema';
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import { closedUrl, faultProxy, serverInfo, tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithErrorEvent } from '../events/kith-error.js';
import type { ResourceStatus } from '../internal/resource-controller.js';
import './rating.js';
import type { KithRating } from './rating.js';

let server: KithServerInfo;
/** A product of the demo with published reviews, and its summary as the server gives it. */
let reviewed: { id: string; count: number; average: number };

const part = (el: Element, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const label = (el: Element) => part(el, 'base')?.getAttribute('aria-label') ?? '';
const shownText = (el: Element) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** A client of one test alone: its own cache, so no saved answer of another test is reused. */
function clientOf(options: Partial<ClientOptions> = {}): KithClient {
  const name = `kith-rating-test-${crypto.randomUUID()}`;
  return createClient({ baseUrl: server.url, key: server.publishableKey, cache: { name }, outbox: { name: `${name}-outbox` }, ...options });
}

/** Product ids no product has: each counts 0 reviews, and each test's URLs are its own. */
const unknownIds = (n: number) => Array.from({ length: n }, () => crypto.randomUUID());

/** The batch requests the browser really made (resource timing) that name one of `ids`. */
function aggregateRequests(ids: readonly string[]): URL[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name))
    .filter((url) => url.pathname === '/v1/reviews/aggregates' && url.searchParams.getAll('productId').some((id) => ids.includes(id)));
}

/** Tiles in one container, all connected in the same task (as a listing page renders them). */
async function tiles(client: KithClient, products: readonly string[], locale = 'en'): Promise<KithRating[]> {
  const box = await fixture<HTMLDivElement>(html`<div style="display: flex; flex-wrap: wrap; gap: 4px; width: 360px"></div>`);
  const made = products.map((product) => {
    const el = document.createElement('kith-rating');
    el.client = client;
    el.product = product;
    el.locale = locale;
    return el;
  });
  box.append(...made);
  return made;
}

async function settled(els: readonly KithRating[], status?: ResourceStatus): Promise<void> {
  await waitUntil(() => els.every((el) => el.status !== 'loading' && el.status !== 'idle'), 'a tile kept loading');
  await Promise.all(els.map(async (el) => (await el.localeReady(), el.updateComplete)));
  if (status) expect(els.map((el) => el.status)).to.deep.equal(els.map(() => status));
}

describe('<kith-rating> against the real server', () => {
  before(async () => {
    // Resource timing keeps 250 entries by default: this file counts requests across many tests.
    performance.setResourceTimingBufferSize(5000);
    server = await serverInfo();
    const staff = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff', scopes: ['feedback:read'] }), cache: false });
    const page = await staff.feedback.list({ kind: 'review', status: 'published', limit: 20 });
    const id = page.items.find((item) => item.kind === 'review')?.productId;
    if (!id) throw new Error('the demo has no published review');
    const aggregate = await staff.reviews.aggregate(id);
    if (aggregate.average === null) throw new Error('the reviewed product has no average');
    reviewed = { id, count: aggregate.count, average: aggregate.average };
  });

  it('with value and count makes no request, and labels the stars ("Rated 4.3 out of 5, 128 reviews")', async () => {
    const client = clientOf();
    const [quiet, fence] = unknownIds(2) as [string, string];
    const box = await fixture<HTMLDivElement>(html`<div>
      <kith-rating .client=${client} product=${quiet} value="4.3" count="128" locale="en"></kith-rating>
      <kith-rating .client=${client} product=${fence} locale="en"></kith-rating>
    </div>`);
    const [given, fetched] = [...box.querySelectorAll('kith-rating')] as [KithRating, KithRating];
    await settled([given, fetched]);
    expect(given.status).to.equal('ready');
    expect(label(given)).to.equal('Rated 4.3 out of 5, 128 reviews');
    expect(part(given, 'base')?.getAttribute('role')).to.equal('img');
    expect(part(given, 'count')?.textContent).to.equal('(128)');
    // The fence: the other tile's request has come back, and it was the only one.
    const requests = aggregateRequests([quiet, fence]);
    expect(requests.map((url) => url.searchParams.getAll('productId'))).to.deep.equal([[fence]]);
    // 4.3 of 5 stars: 86 % of the row is filled.
    const stars = part(given, 'stars') as HTMLElement;
    expect(getComputedStyle(stars).getPropertyValue('--_kith-rating-fill').trim()).to.equal(String(4.3 / 5));
    expect(given.shadowRoot?.querySelectorAll('img, svg').length).to.equal(0);
    await expectAccessible(given);
  });

  it('one review is singular; value alone has no count; value 0 and 5 are valid', async () => {
    const box = await fixture<HTMLDivElement>(html`<div>
      <kith-rating value="5" count="1" locale="en-US"></kith-rating>
      <kith-rating value="3.75" locale="en-US"></kith-rating>
      <kith-rating value="0" count="2" locale="en-US"></kith-rating>
    </div>`);
    const els = [...box.querySelectorAll('kith-rating')];
    await Promise.all(els.map((el) => el.updateComplete));
    expect(els.map(label)).to.deep.equal(['Rated 5 out of 5, 1 review', 'Rated 3.8 out of 5', 'Rated 0 out of 5, 2 reviews']);
    expect(part(els[1] as KithRating, 'count')).to.equal(null);
  });

  it('12 tiles of a listing make exactly one request (duplicates asked once)', async () => {
    const ids = unknownIds(8);
    const products = [...ids, ...ids.slice(0, 3), reviewed.id];
    const els = await tiles(clientOf(), products);
    await settled(els);
    const requests = aggregateRequests([...ids, reviewed.id]);
    expect(requests).to.have.length(1);
    const asked = (requests[0] as URL).searchParams.getAll('productId');
    expect(asked, 'each product once, in the page’s order').to.deep.equal([...new Set(products)]);
    expect(els.slice(0, 11).map((el) => el.status)).to.deep.equal(Array(11).fill('empty'));
    expect((els[11] as KithRating).status).to.equal('ready');
  });

  it('takes the shop’s own ids (SKU) in the same batch; a reference the server would refuse fails its tile alone', async () => {
    const [id] = unknownIds(1) as [string];
    const sku = `SKU-TEST-${crypto.randomUUID()}`;
    const tooLong = 'x'.repeat(200);
    const errors: KithErrorEvent[] = [];
    const els = await tiles(clientOf(), [id, ` ${sku} `, tooLong]);
    for (const el of els) el.addEventListener('kith-error', (event) => errors.push(event));
    await settled(els);
    expect(els.map((el) => el.status)).to.deep.equal(['empty', 'empty', 'error']);
    const requests = aggregateRequests([id]);
    expect(requests.map((url) => url.searchParams.getAll('productId'))).to.deep.equal([[id, sku]]);
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['validation']);
  });

  it('more than 50 tiles make two requests, none with more than 50 products', async () => {
    const ids = unknownIds(MAX_AGGREGATE_PRODUCTS + 10);
    const els = await tiles(clientOf(), ids);
    await settled(els, 'empty');
    const requests = aggregateRequests(ids);
    expect(requests).to.have.length(2);
    const sizes = requests.map((url) => url.searchParams.getAll('productId').length).sort((a, b) => a - b);
    expect(sizes).to.deep.equal([10, MAX_AGGREGATE_PRODUCTS]);
    expect(new Set(requests.flatMap((url) => url.searchParams.getAll('productId'))).size).to.equal(ids.length);
  });

  it('shows the server’s average and count of a reviewed product, in three locales', async () => {
    const client = clientOf();
    const [en, hans, hant] = await Promise.all(['en-US', 'zh-CN', 'zh-TW'].map(async (locale) => (await tiles(client, [reviewed.id], locale))[0] as KithRating));
    const els = [en, hans, hant] as KithRating[];
    await settled(els, 'ready');
    const average = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(reviewed.average);
    const count = new Intl.NumberFormat('en-US').format(reviewed.count);
    const reviewsWord = reviewed.count === 1 ? 'review' : 'reviews';
    expect(label(en as KithRating)).to.equal(`Rated ${average} out of 5, ${count} ${reviewsWord}`);
    expect(label(hans as KithRating)).to.equal(`评分 ${average}（满分 5），${count} 条评价`);
    expect(label(hant as KithRating)).to.equal(`評分 ${average}（滿分 5），${count} 則評論`);
    expect(part(hans as KithRating, 'base')?.getAttribute('lang')).to.equal('zh-Hans');
    expect(part(en as KithRating, 'count')?.textContent).to.equal(`(${count})`);
    for (const el of els) await expectAccessible(el);
  });

  it('a product without reviews says "No reviews yet" (localised), with no stars', async () => {
    const [id] = unknownIds(1) as [string];
    const client = clientOf();
    const els = [...(await tiles(client, [id], 'en')), ...(await tiles(client, [id], 'zh-Hans')), ...(await tiles(client, [id], 'zh-Hant'))];
    await settled(els, 'empty');
    expect(els.map(shownText)).to.deep.equal(['No reviews yet', '暂无评价', '尚無評論']);
    expect(part(els[0] as KithRating, 'stars')).to.equal(null);
    // count="0" given by the page is the same state, without a request.
    const given = await fixture<KithRating>(html`<kith-rating count="0" locale="en"></kith-rating>`);
    expect(given.status).to.equal('empty');
    expect(shownText(given)).to.equal('No reviews yet');
    await expectAccessible(els[0] as KithRating);
  });

  it('server down: each tile shows a quiet dash with a name and fires kith-error; the listing stays', async () => {
    const client = clientOf({ baseUrl: await closedUrl(), retry: false });
    const errors: KithErrorEvent[] = [];
    const box = await fixture<HTMLDivElement>(html`<div @kith-error=${(event: KithErrorEvent) => errors.push(event)}></div>`);
    const els = unknownIds(3).map((product) => Object.assign(document.createElement('kith-rating'), { client, product, locale: 'en' }));
    box.append(...els);
    await settled(els, 'error');
    for (const el of els) {
      const dash = part(el, 'unavailable') as HTMLElement;
      expect(dash.textContent?.trim()).to.equal('–');
      expect(dash.getAttribute('role')).to.equal('img');
      expect(dash.getAttribute('aria-label')).to.equal('Rating unavailable');
      expect(dash.getAttribute('title')).to.equal('Rating unavailable');
    }
    expect(errors.map((event) => event.detail.code)).to.deep.equal(['network', 'network', 'network']);
    expect(errors.every((event) => event.bubbles && event.composed)).to.equal(true);
    await expectAccessible(els[0] as KithRating);
  });

  it('offline: a saved rating is shown with a note in its name, and kith-error says why', async () => {
    const proxy = await faultProxy('pass');
    const client = clientOf({ baseUrl: proxy.url, retry: false });
    const [first] = await tiles(client, [reviewed.id]);
    await settled([first as KithRating], 'ready');
    const fresh = label(first as KithRating);
    await faultProxy('down');
    try {
      const errors: KithErrorEvent[] = [];
      const box = await fixture<HTMLDivElement>(html`<div @kith-error=${(event: KithErrorEvent) => errors.push(event)}></div>`);
      const again = Object.assign(document.createElement('kith-rating'), { client, product: reviewed.id, locale: 'en' });
      box.append(again);
      await waitUntil(() => again.status === 'offline', `the tile is "${again.status}", not offline`);
      await again.updateComplete;
      expect(label(again)).to.equal(`${fresh} (saved; the latest could not be loaded)`);
      expect(part(again, 'base')?.getAttribute('title')).to.equal(label(again));
      expect(errors.map((event) => event.detail.code)).to.deep.equal(['network']);
    } finally {
      await faultProxy('pass');
    }
  });

  it('a bad value is ignored with one console warning, never NaN on screen', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    try {
      const box = await fixture<HTMLDivElement>(html`<div>
        <kith-rating value="abc" locale="en"></kith-rating>
        <kith-rating value="7" count="3" locale="en"></kith-rating>
        <kith-rating value="-1" locale="en"></kith-rating>
        <kith-rating value="Infinity" locale="en"></kith-rating>
        <kith-rating value="4" count="2.5" locale="en"></kith-rating>
      </div>`);
      const els = [...box.querySelectorAll('kith-rating')];
      await Promise.all(els.map((el) => el.updateComplete));
      expect(els.slice(0, 4).map((el) => el.status)).to.deep.equal(['idle', 'idle', 'idle', 'idle']);
      for (const el of els) expect(`${shownText(el)} ${label(el)}`).not.to.match(/NaN|Infinity/);
      expect(els.slice(0, 4).map((el) => label(el))).to.deep.equal(Array(4).fill('Rating unavailable'));
      // A bad count beside a good value: the value is shown without a count.
      expect(label(els[4] as KithRating)).to.equal('Rated 4 out of 5');
      expect(warnings).to.have.length(5);
      expect(warnings[0]).to.include('<kith-rating>').and.include('value NaN');
      // Rendering again does not warn again; a good value afterwards is shown.
      const first = els[0] as KithRating;
      first.requestUpdate();
      await first.updateComplete;
      expect(warnings).to.have.length(5);
      first.value = 2.5;
      await first.updateComplete;
      expect(label(first)).to.equal('Rated 2.5 out of 5');
      await expectAccessible(first);
    } finally {
      console.warn = warn;
    }
  });

  it('a bad value beside a product reads the product instead', async () => {
    const [id] = unknownIds(1) as [string];
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      const el = await fixture<KithRating>(html`<kith-rating .client=${clientOf()} product=${id} value="nope" locale="en"></kith-rating>`);
      await settled([el], 'empty');
      expect(aggregateRequests([id])).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('themes through --kith-rating-star-color and --kith-rating-size, and exposes the stars and count parts', async () => {
    const el = await fixture<KithRating>(html`<kith-rating value="3" count="9" style="--kith-rating-star-color: rgb(255, 0, 0); --kith-rating-size: 20px"></kith-rating>`);
    const stars = part(el, 'stars') as HTMLElement;
    const filledStar = stars.querySelector('.fill .star') as HTMLElement;
    expect(getComputedStyle(filledStar).backgroundColor).to.equal('rgb(255, 0, 0)');
    expect(stars.getBoundingClientRect().width).to.be.closeTo(100, 0.5);
    expect(part(el, 'count')).not.to.equal(null);
  });
});
