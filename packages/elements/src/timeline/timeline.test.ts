import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { CreateInteraction, Customer, Scope } from '@kith/schema';
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import { closedUrl, mintToken, serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithTimeline } from './timeline.js';
import { articles, clientWith as clientOf, ownStorage, part, parts, squash, text, timeline, until } from './timeline.test-support.js';

let server: KithServerInfo;
let readToken = '';
let writeToken = '';
/** A customer of this file with 60 interactions, one an hour back from now; only the oldest holds `word`. */
let busy: Customer;
let word = '';
/** A customer of this file with no interaction. */
let quiet: Customer;

const READ: Scope[] = ['customers:read'];
const WRITE: Scope[] = ['customers:read', 'customers:write', 'interactions:write'];
const HOSTILE = '<img src=x onerror="window.__kithHacked=1"><b>bold</b>';

function clientWith(token: string | null, options: Partial<ClientOptions> = {}): KithClient {
  return clientOf(server, token, options);
}

async function search(el: KithTimeline, value: string): Promise<void> {
  const input = part(el, 'search') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<kith-timeline>', () => {
  before(async () => {
    server = await serverInfo();
    readToken = (await mintToken({ kind: 'staff', scopes: READ })).token;
    writeToken = (await mintToken({ kind: 'staff', scopes: WRITE })).token;
    const writer = clientWith(writeToken, { cache: false });
    const create = (name: string) => writer.customers.create({ kind: 'person', name: `Timeline test ${name} ${crypto.randomUUID().slice(0, 8)}` }, { allowDuplicate: true });
    busy = await create('busy');
    quiet = await create('quiet');
    word = `zebra${crypto.randomUUID().slice(0, 8)}`;
    const now = Date.now();
    for (let i = 0; i < 60; i++) {
      const interaction: CreateInteraction = {
        channel: i % 2 ? 'email' : 'phone', type: i % 2 ? 'note' : 'call', direction: i % 2 ? 'internal' : 'outbound', phase: 'after_sale',
        summary: i === 59 ? `Oldest, about ${word}` : i === 0 ? HOSTILE : `Interaction ${i}`,
        body: i === 0 ? HOSTILE : null,
        occurredAt: new Date(now - (i + 1) * 3_600_000).toISOString(),
      };
      const result = await writer.interactions.create(busy.id, interaction);
      expect(result.status, `interaction ${i}`).to.equal('sent');
    }
  });

  it("renders the sample customer's timeline newest first, grouped by day inside months", async () => {
    const el = await timeline(clientWith(readToken), server.sampleCustomerId);
    await until(el, 'ready');
    const items = articles(el);
    expect(items.length).to.be.greaterThan(0);
    const times = items.map((a) => Date.parse(a.querySelector('time')?.getAttribute('datetime') ?? ''));
    expect(times).to.deep.equal([...times].sort((a, b) => b - a));
    const total = el.page?.total ?? 0;
    items.forEach((a, i) => {
      expect(a.getAttribute('aria-posinset')).to.equal(String(i + 1));
      expect(a.getAttribute('aria-setsize')).to.equal(String(total));
      expect(a.getAttribute('tabindex')).to.equal('0');
      expect(squash(el.shadowRoot?.getElementById(a.getAttribute('aria-labelledby') ?? '')?.textContent)).to.match(/^\S.*, (inbound|outbound|internal)$/);
    });
    // Every item sits under the heading of its day, itself under its month, in the viewer's time zone.
    const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' });
    let heading: Element | undefined;
    let month: Element | undefined;
    for (const node of el.shadowRoot?.querySelectorAll('[role="feed"] h3, [role="feed"] h4, [role="feed"] time') ?? []) {
      if (node.tagName === 'H3') month = node;
      else if (node.tagName === 'H4') heading = node;
      else {
        const key = day.format(new Date(node.getAttribute('datetime') ?? ''));
        expect(heading?.getAttribute('data-key')).to.equal(key);
        expect(month?.getAttribute('data-key')).to.equal(key.slice(0, 7));
      }
    }
    expect(text(el, 'count')).to.equal(`${el.items.length} of ${new Intl.NumberFormat('en-US').format(total)}`);
    expect(el.scrollWidth, 'no horizontal scroll at 360 px').to.be.at.most(360);
    await expectAccessible(el);
  });

  it('a channel filter re-reads on the server and shows its total and counts', async () => {
    const el = await timeline(clientWith(readToken), busy.id);
    await until(el, 'ready');
    expect(el.page?.total).to.equal(60);
    const button = parts(el, 'filter').find((b) => b.dataset['facet'] === 'channel' && b.dataset['value'] === 'email');
    expect(squash(button?.textContent)).to.equal('E-mail 30');
    button?.click();
    await waitUntil(() => el.page?.total === 30, 'the filtered total never came');
    await until(el, 'ready');
    const pressed = parts(el, 'filter').find((b) => b.dataset['value'] === 'email');
    expect(pressed?.getAttribute('aria-pressed')).to.equal('true');
    expect(text(el, 'count')).to.equal('20 of 30');
    expect(articles(el).every((a) => a.dataset['channel'] === 'email')).to.equal(true);
    // The type counts follow the channel filter (the server counts every OTHER filter).
    const note = parts(el, 'filter').find((b) => b.dataset['facet'] === 'type' && b.dataset['value'] === 'note');
    expect(squash(note?.textContent)).to.equal('Note 30');
  });

  it('"Show more" appends the next page; only the items near the view are rendered; PageDown / PageUp move between items', async () => {
    const el = await timeline(clientWith(readToken), busy.id);
    await until(el, 'ready');
    expect(el.items).to.have.length(20);
    part(el, 'more-button')?.click();
    await waitUntil(() => el.items.length === 60, 'the next page never came');
    await el.updateComplete;
    expect(text(el, 'count')).to.equal('60 of 60');
    expect(part(el, 'more-button') === null, 'nothing more to read').to.equal(true);
    expect(new Set(el.items.map((item) => item.id)).size).to.equal(60);
    // A window of the 60 is rendered, from the first, numbered within the whole feed.
    const rendered = articles(el);
    expect(rendered.length).to.be.greaterThan(3).and.lessThan(60);
    expect(rendered.every((a, i) => a.getAttribute('aria-posinset') === String(i + 1) && a.getAttribute('aria-setsize') === '60')).to.equal(true);
    const [first, second] = rendered;
    first?.focus();
    await sendKeys({ press: 'PageDown' });
    expect(el.shadowRoot?.activeElement === second, "PageDown moves to the second").to.equal(true);
    await sendKeys({ press: 'PageUp' });
    expect(el.shadowRoot?.activeElement === first, "PageUp moves back to the first").to.equal(true);
    // PageDown past the rendered items renders the next one and moves to it, down to the last.
    for (let i = 1; i < 60; i++) await sendKeys({ press: 'PageDown' });
    const last = el.shadowRoot?.activeElement as HTMLElement | null;
    expect(last?.getAttribute('aria-posinset')).to.equal('60');
    expect(squash(last?.querySelector('.summary')?.textContent)).to.equal(`Oldest, about ${word}`);
    expect(articles(el).some((a) => a.getAttribute('aria-posinset') === '1'), 'the first is no longer rendered').to.equal(false);
    await expectAccessible(el);
  });

  it('reads the next page as the person scrolls near the end of what is loaded', async () => {
    const el = await timeline(clientWith(readToken), busy.id);
    await until(el, 'ready');
    expect(el.items).to.have.length(20);
    const box = part(el, 'scroller') as HTMLElement;
    expect(box.scrollHeight, 'the feed scrolls in its own box').to.be.greaterThan(box.clientHeight);
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => el.items.length === 60, 'scrolling never read the next page');
  });

  it('searches all rows on the server: a word only in the oldest row is found', async () => {
    const el = await timeline(clientWith(readToken), busy.id);
    await until(el, 'ready');
    expect(articles(el).some((a) => a.textContent?.includes(word))).to.equal(false);
    await search(el, word);
    await waitUntil(() => el.page?.total === 1, 'the search never read');
    await until(el, 'ready');
    expect(articles(el)).to.have.length(1);
    expect(text(el, 'summary')).to.equal(`Oldest, about ${word}`);
  });

  it('renders a hostile summary and body as text', async () => {
    const el = await timeline(clientWith(readToken), busy.id);
    await until(el, 'ready');
    const hostile = articles(el)[0];
    expect(squash(hostile?.querySelector('.summary')?.textContent)).to.equal(HOSTILE);
    expect(squash(hostile?.querySelector('.body')?.textContent)).to.equal(HOSTILE);
    expect(el.shadowRoot?.querySelector('img, b') === null).to.equal(true);
    expect((window as unknown as { __kithHacked?: number }).__kithHacked).to.equal(undefined);
  });

  it('shows the empty state, and the filtered-empty state with Clear filters', async () => {
    const empty = await timeline(clientWith(readToken), quiet.id);
    await until(empty, 'empty');
    expect(squash(empty.shadowRoot?.querySelector('.empty')?.textContent)).to.equal('No interactions yet.');
    expect(part(empty, 'clear-button') === null).to.equal(true);
    await expectAccessible(empty);

    const el = await timeline(clientWith(readToken), busy.id);
    await until(el, 'ready');
    await search(el, 'no-such-thing-anywhere');
    await until(el, 'empty');
    expect(squash(el.shadowRoot?.querySelector('.empty')?.textContent)).to.equal('Nothing matches these filters.');
    part(el, 'clear-button')?.click();
    await waitUntil(() => el.page?.total === 60, 'clearing never re-read');
    await until(el, 'ready');
    expect((part(el, 'search') as HTMLInputElement).value).to.equal('');
  });

  it('with a key alone shows that a staff sign-in is needed', async () => {
    const el = await timeline(clientWith(null), server.sampleCustomerId);
    await until(el, 'not_authorized');
    expect(text(el, 'status-title')).to.equal('Staff sign-in needed');
    expect(part(el, 'retry-button') !== null).to.equal(true);
    expect(articles(el)).to.have.length(0);
  });

  it('shows an error with Retry when the server cannot be reached', async () => {
    const client = createClient({ baseUrl: await closedUrl(), key: server.publishableKey, token: () => readToken, ...ownStorage(), retry: false });
    const el = await timeline(client, server.sampleCustomerId);
    await until(el, 'error');
    expect(text(el, 'status')).to.match(/^The timeline could not be loaded: /);
    expect(part(el, 'retry-button') !== null).to.equal(true);
    await expectAccessible(el);
  });

  it('speaks Simplified Chinese', async () => {
    const el = await timeline(clientWith(readToken), busy.id, 'zh-CN');
    await until(el, 'ready');
    expect(squash(part(el, 'more-button')?.textContent)).to.equal('显示更多');
    expect(squash((part(el, 'search')?.closest('label') as HTMLElement | null)?.querySelector('span')?.textContent)).to.equal('搜索时间线');
    expect(squash(el.shadowRoot?.getElementById(articles(el)[0]?.getAttribute('aria-labelledby') ?? '')?.textContent)).to.equal('通话，呼出');
    expect(text(el, 'count')).to.equal('20 / 60');
  });
});
