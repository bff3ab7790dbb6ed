import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import type { Customer, Scope } from '@kith/schema';
import type { ClientOptions, KithClient } from '@kith/sdk';
import { mintToken, serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import { walkSavedStates } from '../../../../test/support/dom.js';
import type { KithLoadEvent } from '../events/kith-load.js';
import type { KithTimeline } from './timeline.js';
import { announcement, articles, clientWith as clientOf, customerWith, part, parts, text, timeline, until } from './timeline.test-support.js';

let server: KithServerInfo;
let readToken = '';
let writeToken = '';
let writer: KithClient;
/** 60 interactions, one an hour back from now (61 after the live test). */
let busy: Customer;
const READ: Scope[] = ['customers:read'];
const WRITE: Scope[] = ['customers:read', 'customers:write', 'interactions:write'];

const clientWith = (token: string | null, options: Partial<ClientOptions> = {}) => clientOf(server, token, options);
const scroller = (el: KithTimeline) => part(el, 'scroller') as HTMLElement;
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Opens the live stream of a customer's topic on `client` and waits until it is open. */
async function liveOpen(client: KithClient, id: string): Promise<() => void> {
  let open = false;
  const stop = client.live.subscribe([`customer:${id}`], () => undefined, { onStatus: (status) => (open ||= status === 'open') });
  await waitUntil(() => open, 'the live stream never opened');
  return stop;
}

describe('<kith-timeline> states and live updates', () => {
  before(async function () {
    this.timeout(60_000);
    server = await serverInfo();
    readToken = (await mintToken({ kind: 'staff', scopes: READ })).token;
    writeToken = (await mintToken({ kind: 'staff', scopes: WRITE })).token;
    writer = clientWith(writeToken, { cache: false });
    busy = await customerWith(writer, 'states', 60);
  });

  it('fires kith-load with the first page', async () => {
    const client = clientWith(readToken);
    const el = await fixture<KithTimeline>(html`<kith-timeline .client=${client} locale="en-US"></kith-timeline>`);
    const loaded = oneEvent(el, 'kith-load') as Promise<KithLoadEvent>;
    el.customerId = busy.id;
    const { detail } = await loaded;
    expect('page' in detail && detail.customerId === busy.id && detail.page.total >= 60).to.equal(true);
  });

  it('a live insert is announced and keeps the item being read where it is (±1 px)', async function () {
    this.timeout(40_000);
    const client = clientWith(readToken);
    const el = await timeline(client, busy.id);
    await until(el, 'ready');
    const stop = await liveOpen(client, busy.id);
    try {
      // Read on: the second page, and down into the middle of the feed.
      await el.loadMore();
      await el.updateComplete;
      const box = scroller(el);
      box.scrollTop = Math.round(box.scrollHeight / 2);
      await nextFrame();
      await el.updateComplete;
      // Where an item is in the scroller's view: what the reading position is. Not where it is in
      // the page: what sits above the scroller may change height meanwhile and move the whole box
      // (the actions bar showing when its chunk arrives late, the filter bar's chips for the new
      // item's channel and phase wrapping), as any page content moves below what grows above it.
      const inBox = (item: Element | null | undefined) => (item?.getBoundingClientRect().top ?? Number.NaN) - box.getBoundingClientRect().top;
      const read = articles(el).find((a) => inBox(a) >= 0);
      const key = read?.dataset['key'];
      expect(key, 'an item in view').to.be.a('string');
      const before = inBox(read);
      expect(announcement(el)).to.equal('');
      const shown = el.items.map((item) => item.id);

      const summary = `Live ${crypto.randomUUID().slice(0, 8)}`;
      const created = await writer.interactions.create(busy.id, { channel: 'chat', type: 'note', direction: 'internal', phase: 'sale', summary });
      expect(created.status).to.equal('sent');
      await waitUntil(() => el.items[0]?.summary === summary, 'the new interaction never arrived');
      await el.updateComplete;
      await nextFrame();
      const shownNow = el.shadowRoot?.querySelector<HTMLElement>(`article[data-key="${key}"]`);
      expect(shownNow, 'the item read is still rendered').to.be.instanceOf(HTMLElement);
      const after = inBox(shownNow);
      const index = el.items.findIndex((item) => item.id === key);
      expect(Math.abs(after - before), `item ${index} moved from ${before} to ${after} px below the scroller's top (scrollTop ${box.scrollTop})`).to.be.at.most(1);
      expect(announcement(el)).to.equal('1 new interaction at the top.');
      // Nothing read before is lost: the item the new first page pushed off its end stays.
      expect(el.items.map((item) => item.id)).to.deep.equal([el.items[0]?.id, ...shown]);
      // At the top, the new interaction is there to see.
      box.scrollTop = 0;
      await nextFrame();
      await el.updateComplete;
      expect(articles(el)[0]?.querySelector('.summary')?.textContent?.trim()).to.equal(summary);
    } finally {
      stop();
    }
  });

  it('shows a skeleton with aria-busy while the first page loads', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding: typeof fetch = async (input, init) => {
      if (new URL(String(input)).pathname.endsWith('/interactions')) await held;
      return fetch(input, init);
    };
    const el = await timeline(clientWith(readToken, { fetch: holding }), busy.id);
    await waitUntil(() => el.status === 'loading', 'never loading');
    await el.localeReady();
    await el.updateComplete;
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
    expect(parts(el, 'skeleton').length).to.be.greaterThan(0);
    expect(text(el, 'status')).to.equal('Loading timeline…');
    await expectAccessible(el);
    release();
    await until(el, 'ready');
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('false');
    expect(parts(el, 'skeleton')).to.have.length(0);
  });

  it('offline and stale: the saved page with a notice and Retry; accessible', async () => {
    let failure: 'none' | 'network' | 'server' = 'none';
    const faulty: typeof fetch = async (input, init) => {
      const path = new URL(String(input)).pathname;
      if (path.endsWith('/interactions') && failure === 'network') throw new TypeError('Failed to fetch');
      if (path.endsWith('/interactions') && failure === 'server') return new Response('unavailable', { status: 503 });
      return fetch(input, init);
    };
    const el = await timeline(clientWith(readToken, { fetch: faulty, retry: false }), busy.id);
    await until(el, 'ready');
    await walkSavedStates(el, (next) => (failure = next), {
      kept: () => expect(articles(el).length, 'the saved items stay').to.be.greaterThan(0),
      accessible: () => expectAccessible(el),
    });
  });

  it('a customer that does not exist is "not found"', async () => {
    const el = await timeline(clientWith(readToken), UNKNOWN_ID);
    await until(el, 'not_found');
    expect(text(el, 'status')).to.equal('This customer does not exist or was removed.');
    expect(articles(el)).to.have.length(0);
    await expectAccessible(el);
  });

  it('a next page that fails says so, keeps what is shown, and can be asked for again', async () => {
    let failing = true;
    const faulty: typeof fetch = async (input, init) => {
      if (failing && new URL(String(input)).searchParams.has('cursor')) return new Response('unavailable', { status: 503 });
      return fetch(input, init);
    };
    const el = await timeline(clientWith(readToken, { fetch: faulty, retry: false }), busy.id);
    await until(el, 'ready');
    part(el, 'more-button')?.click();
    await waitUntil(() => /^More interactions could not be loaded: /.test(el.shadowRoot?.querySelector('.more-error')?.textContent ?? ''), 'no message');
    expect(el.items).to.have.length(20);
    expect(el.status).to.equal('ready');
    await expectAccessible(el);
    failing = false;
    part(el, 'more-button')?.click();
    await waitUntil(() => el.items.length === el.page?.total, 'the next page never came after the failure');
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('.more-error') === null).to.equal(true);
  });

  it('speaks Traditional Chinese', async () => {
    const el = await timeline(clientWith(readToken), busy.id, 'zh-TW');
    await until(el, 'ready');
    expect(text(el, 'more-button')).to.equal('顯示更多');
    expect(text(el, 'count')).to.equal(`20 / ${el.page?.total}`);
  });
});
