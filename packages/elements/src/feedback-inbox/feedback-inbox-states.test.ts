// <kith-feedback-inbox>: every state it renders on purpose, the tabs by keyboard, "Load more",
// hostile text, three locales, 360 px — against the real server.
import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { KithClient } from '@kith/sdk';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import { walkSavedStates } from '../../../../test/support/dom.js';
import { HOSTILE_VECTORS, PWNED_FLAG, PWNED_MARKER } from '../../../../test/support/hostile-vectors.js';
import { closedUrl, serverInfo, tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { clientFor } from '../feedback/feedback.test-support.js';
import type { KithFeedbackInbox } from './feedback-inbox.js';
import { entryOf, inbox, part, parts, shownItem, squash, text, until } from './feedback-inbox.test-support.js';
import { makeComplaint, makeReview, staffClient } from './inbox-item.test-support.js';

let server: KithServerInfo;
let staff: KithClient;

const tabs = (el: KithFeedbackInbox) => parts(el, 'tab');
const selectedTab = (el: KithFeedbackInbox) => tabs(el).find((tab) => tab.getAttribute('aria-selected') === 'true');
const focusedId = (el: KithFeedbackInbox) => el.shadowRoot?.activeElement?.id ?? '';
const fits = (el: KithFeedbackInbox) => {
  const base = part(el, 'base');
  return base !== null && base.scrollWidth <= base.clientWidth;
};
function deepElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('*')].flatMap((found) => [found, ...(found.shadowRoot ? deepElements(found.shadowRoot) : [])]);
}

describe('<kith-feedback-inbox> states', () => {
  before(async function () {
    this.timeout(60_000);
    server = await serverInfo({ isolated: true });
    staff = staffClient(server, { cache: false });
  });

  it('shows a skeleton with aria-busy while the first page loads, then the reviews awaiting moderation', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const holding: typeof fetch = async (input, init) => {
      if (new URL(String(input)).pathname === '/v1/feedback') await held;
      return fetch(input, init);
    };
    const el = await inbox(staffClient(server, { fetch: holding }));
    await until(el, 'loading');
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
    expect(parts(el, 'skeleton').length).to.be.greaterThan(0);
    expect(text(el, 'status')).to.equal('Loading the inbox…');
    await expectAccessible(el);
    release();
    await until(el, 'ready');
    expect(parts(el, 'skeleton')).to.have.length(0);
    expect(el.items.length).to.be.greaterThan(0);
    expect(el.items.every((item) => item.kind === 'review' && item.status === 'pending')).to.equal(true);
    expect(fits(el), 'fits 360 px').to.equal(true);
    await expectAccessible(el);
  });

  it('without a staff token, or with one that may not read feedback, says who may see the inbox', async () => {
    const noToken = await inbox(clientFor(server));
    await until(noToken, 'not_authorized');
    const forbidden = await inbox(clientFor(server, { token: tokenSource({ kind: 'staff', scopes: ['customers:read'] }) }));
    await until(forbidden, 'not_authorized');
    for (const el of [noToken, forbidden]) {
      expect(text(el, 'status')).to.equal('Staff only Sign in as staff with access to feedback to see the inbox.');
      expect(tabs(el)).to.have.length(0);
      expect(part(el, 'retry-button') !== null).to.equal(true);
      await expectAccessible(el);
    }
  });

  it('without a client, says how to connect it', async () => {
    const el = await inbox(undefined);
    await until(el, 'idle');
    expect(text(el, 'status')).to.match(/^This inbox is not connected/);
    await expectAccessible(el);
  });

  it('an unreachable server is an error with Retry', async () => {
    const el = await inbox(staffClient(server, { baseUrl: await closedUrl(), retry: false }));
    await until(el, 'error');
    expect(text(el, 'status')).to.match(/^The inbox could not be loaded: /);
    expect(part(el, 'retry-button') !== null).to.equal(true);
    await expectAccessible(el);
  });

  it('offline and stale: the saved list with a notice and Retry', async () => {
    let failure: 'none' | 'network' | 'server' = 'none';
    const faulty: typeof fetch = async (input, init) => {
      const path = new URL(String(input)).pathname;
      if (path === '/v1/feedback' && failure === 'network') throw new TypeError('Failed to fetch');
      if (path === '/v1/feedback' && failure === 'server') return new Response('unavailable', { status: 503 });
      return fetch(input, init);
    };
    const el = await inbox(staffClient(server, { fetch: faulty, retry: false }));
    await until(el, 'ready');
    await walkSavedStates(el, (next) => (failure = next), {
      kept: () => expect(parts(el, 'entry').length, 'the saved items stay').to.be.greaterThan(0),
      accessible: () => expectAccessible(el),
    });
  });

  it('switches views with the arrow keys, Home and End (roving tabindex); the view attribute follows', async () => {
    const el = await inbox(staffClient(server));
    await until(el, 'ready');
    expect(tabs(el).map((tab) => tab.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    selectedTab(el)?.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect([el.getAttribute('view'), focusedId(el)]).to.deep.equal(['complaints', 'tab-complaints']);
    expect(tabs(el).map((tab) => tab.tabIndex)).to.deep.equal([-1, 0, -1, -1]);
    await until(el, 'ready');
    expect(el.items.every((item) => item.kind === 'complaint')).to.equal(true);
    expect(part(el, 'overdue-filter') !== null).to.equal(true);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect([el.getAttribute('view'), focusedId(el)]).to.deep.equal(['results', 'tab-results']);
    await waitUntil(() => el.shadowRoot?.querySelector('kith-survey-results'), 'the results never showed');
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect([el.getAttribute('view'), focusedId(el)]).to.deep.equal(['reviews', 'tab-reviews']);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect([el.getAttribute('view'), focusedId(el)]).to.deep.equal(['reviews', 'tab-reviews']);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(el.view).to.equal('surveys');
    await until(el, 'ready');
    expect(el.items.every((item) => item.kind === 'survey')).to.equal(true);
    expect(part(el, 'panel')?.getAttribute('aria-labelledby')).to.equal('tab-surveys');
    await expectAccessible(el);
  });

  it('filters: an empty view says so; "Load more" adds the next page', async () => {
    const el = await inbox(staffClient(server), { view: 'complaints', pageSize: 3 });
    await until(el, 'ready');
    const status = part(el, 'status-filter') as HTMLSelectElement;
    status.value = 'closed';
    status.dispatchEvent(new Event('change'));
    (part(el, 'overdue-filter') as HTMLInputElement).click();
    await until(el, 'empty');
    expect(text(el, 'empty')).to.equal('No complaints here. Every complaint is answered.');
    await expectAccessible(el);

    el.view = 'reviews';
    await until(el, 'ready');
    const reviews = part(el, 'status-filter') as HTMLSelectElement;
    reviews.value = 'published';
    reviews.dispatchEvent(new Event('change'));
    await waitUntil(() => el.items.length > 0 && el.items.every((item) => item.kind === 'review' && item.status === 'published'), 'never filtered');
    await until(el, 'ready');
    const first = el.items.length;
    expect(first).to.equal(3);
    expect(part(el, 'more-button') !== null, 'the seeded shop has more than 3 published reviews').to.equal(true);
    part(el, 'more-button')?.click();
    await waitUntil(() => el.items.length > first, 'the next page never came');
    expect(new Set(el.items.map((item) => item.id)).size).to.equal(el.items.length);
  });

  it('renders hostile text as text', async function () {
    this.timeout(40_000);
    const vectors = HOSTILE_VECTORS.filter((vector) =>
      ['script tag', 'img onerror', 'marker element', 'closing the title', 'attribute breakout', 'Lit marker comment', 'right-to-left override'].includes(vector.name));
    const complaints = await Promise.all(vectors.map((vector) => makeComplaint(server, staff, { subject: vector.text.slice(0, 150), body: vector.text })));
    const review = await makeReview(server, staff, { title: vectors[0]?.text ?? '', body: vectors[1]?.text ?? '' });
    const el = await inbox(staffClient(server), { view: 'complaints' });
    await until(el, 'ready');
    for (const complaint of complaints) {
      const item = await shownItem(el, complaint.id);
      expect(item.shadowRoot?.querySelector('[part~="body"]')?.textContent, complaint.id).to.equal(complaint.body);
    }
    el.view = 'reviews';
    await until(el, 'ready');
    const item = await shownItem(el, review.id);
    expect(item.shadowRoot?.querySelector('[part~="body"]')?.textContent).to.equal(review.body);
    expect((window as unknown as Record<string, unknown>)[PWNED_FLAG], 'a payload ran').to.equal(undefined);
    expect(deepElements(document).filter((found) => found.hasAttribute(PWNED_MARKER)).length, 'a marker element was created').to.equal(0);
    expect(entryOf(el, review.id) !== null).to.equal(true);
    expect(fits(el), 'fits 360 px').to.equal(true);
  });

  for (const [locale, tabNames, locked] of [
    ['zh-CN', ['评价', '投诉', '问卷意见', '结果'], '仅限员工 请以有权查看反馈的员工身份登录，才能查看收件箱。'],
    ['zh-TW', ['評價', '投訴', '問卷意見', '結果'], '僅限員工 請以有權查看意見回饋的員工身分登入，才能查看收件匣。'],
    ['en-GB', ['Reviews', 'Complaints', 'Survey comments', 'Results'], 'Staff only Sign in as staff with access to feedback to see the inbox.'],
  ] as const) {
    it(`speaks ${locale}`, async () => {
      const el = await inbox(staffClient(server), { locale, view: 'complaints' });
      await until(el, 'ready');
      expect(tabs(el).map((tab) => squash(tab.textContent))).to.deep.equal([...tabNames]);
      expect(part(el, 'base')?.getAttribute('lang')).to.equal(locale === 'en-GB' ? 'en' : locale === 'zh-CN' ? 'zh-Hans' : 'zh-Hant');
      await expectAccessible(el);
      el.remove();
      const locked2 = await inbox(clientFor(server), { locale });
      await until(locked2, 'not_authorized');
      expect(text(locked2, 'status')).to.equal(locked);
    });
  }
});
