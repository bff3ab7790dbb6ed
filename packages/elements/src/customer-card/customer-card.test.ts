import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Customer, type KithClient } from '@kith/sdk';
import { closedUrl, mintToken, serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { define } from '../internal/define.js';
import type { ResourceStatus } from '../internal/resource-controller.js';
import { KithCustomerCard } from './customer-card.js';

const KITH_EVENTS = ['kith-load', 'kith-error'] as const;

function until(el: KithCustomerCard, status: ResourceStatus): Promise<void> {
  return waitUntil(() => el.status === status, `the card never reached "${status}" (it is "${el.status}")`, { timeout: 10_000 });
}
const part = (el: Element, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const text = (el: Element, name: string) => part(el, name)?.textContent?.trim() ?? '';

/** Records every kith-* event an element dispatches. */
function recordEvents(el: Element): Event[] {
  const seen: Event[] = [];
  for (const name of KITH_EVENTS) el.addEventListener(name, (event) => seen.push(event));
  return seen;
}

/** Independent of the card's own formatter: the currency's digits from Intl, then a division. */
function expectedMoney(amount: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** The sample customer's account manager's staff token (`customers:read`), minted once per file. */
let staffToken = '';

/** A client that reads customers as the sample customer's account manager. */
function staffClient(server: KithServerInfo, fetcher?: typeof fetch): KithClient {
  const token = () => staffToken;
  return createClient({ baseUrl: server.url, key: server.publishableKey, token, ...(fetcher ? { fetch: fetcher } : {}) });
}

// A slow server cannot be ordered from the real one: this wraps the real fetch with a delay
// (allowed by the test policy for slow answers), and records the signals it was given.
function slowClient(server: KithServerInfo, ms: number, signals: AbortSignal[] = []): KithClient {
  const slow: typeof fetch = async (input, init) => {
    // The card's reads only, not the live-updates stream it also opens.
    if (init?.signal && !String(input).includes('/v1/events')) signals.push(init.signal);
    await new Promise((resolve) => setTimeout(resolve, ms));
    return fetch(input, init);
  };
  return staffClient(server, slow);
}

describe('<kith-customer-card> against the real server', () => {
  let server: KithServerInfo;
  let sample: Customer;
  before(async () => {
    server = await serverInfo();
    staffToken = (await mintToken({ kind: 'staff' })).token;
    sample = await staffClient(server).customers.get(server.sampleCustomerId);
  });

  it('shows the seeded customer: name, company, tier and formatted lifetime value', async () => {
    const el = await fixture<KithCustomerCard>(html`
      <kith-customer-card .client=${staffClient(server)} customer-id=${server.sampleCustomerId} locale="en-US"></kith-customer-card>
    `);
    await until(el, 'ready');
    await el.updateComplete;
    expect(text(el, 'name')).to.equal(sample.name);
    expect(text(el, 'company')).to.equal(sample.company ?? 'None');
    expect(text(el, 'tier')).to.equal(sample.loyalty?.tierName ?? 'No tier');
    const { amount, currency } = sample.value.lifetimeValue;
    expect(text(el, 'value')).to.equal(expectedMoney(amount, currency, 'en-US'));
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('false');
    expect(part(el, 'base')?.getAttribute('aria-label')).to.equal(`Customer: ${sample.name}`);
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton with aria-busy first, then the data', async () => {
    const el = await fixture<KithCustomerCard>(html`
      <kith-customer-card .client=${slowClient(server, 400)} customer-id=${server.sampleCustomerId}></kith-customer-card>
    `);
    expect(el.status).to.equal('loading');
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot?.querySelectorAll('[part="skeleton"]').length).to.be.greaterThan(0);
    expect(text(el, 'status')).to.equal('Loading customer…');
    expect(part(el, 'name')).to.equal(null);
    await expect(el).to.be.accessible();
    await until(el, 'ready');
    await el.updateComplete;
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('false');
    expect(el.shadowRoot?.querySelectorAll('[part="skeleton"]').length).to.equal(0);
    expect(text(el, 'name')).to.equal(sample.name);
  });

  it('shows the not-found state for an unknown id and fires kith-error', async () => {
    const el = document.createElement('kith-customer-card');
    const events = recordEvents(el);
    el.client = staffClient(server);
    el.customerId = UNKNOWN_ID;
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.append(el);
    await until(el, 'not_found');
    await el.updateComplete;
    expect(text(el, 'status')).to.equal('This customer does not exist or was removed.');
    expect(part(el, 'retry-button')).to.equal(null);
    expect(events.map((event) => event.type)).to.deep.equal(['kith-error']);
    expect((events[0] as CustomEvent<{ code: string }>).detail.code).to.equal('not_found');
    await expect(el).to.be.accessible();
  });

  it('shows the error state with Retry when the key is wrong', async () => {
    const el = await fixture<KithCustomerCard>(html`
      <kith-customer-card base-url=${server.url} key="pk_not_a_real_key" customer-id=${server.sampleCustomerId}></kith-customer-card>
    `);
    await until(el, 'error');
    await el.updateComplete;
    expect(el.error?.code).to.equal('unauthorized');
    expect(text(el, 'status')).to.equal('The customer could not be loaded: the key or sign-in was not accepted.');
    expect(text(el, 'retry-button')).to.equal('Retry');
    await expect(el).to.be.accessible();
  });

  it('with base-url and key alone (no token), shows the not-authorised state: a staff sign-in is needed', async () => {
    const el = document.createElement('kith-customer-card');
    const events = recordEvents(el);
    el.baseUrl = server.url;
    el.key = server.publishableKey;
    el.customerId = server.sampleCustomerId;
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    holder.append(el);
    await until(el, 'not_authorized');
    await el.updateComplete;
    expect(el.error?.code).to.equal('forbidden');
    expect(text(el, 'status-title')).to.equal('Staff sign-in needed');
    expect(text(el, 'status')).to.match(/only to signed-in staff/);
    expect(part(el, 'status')?.classList.contains('error'), 'not styled as a failure').to.equal(false);
    expect(part(el, 'name')).to.equal(null);
    expect(text(el, 'retry-button')).to.equal('Retry');
    expect(events.map((event) => event.type)).to.deep.equal(['kith-error']);
    expect((events[0] as CustomEvent<{ code: string }>).detail.code).to.equal('forbidden');
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('says a staff sign-in is needed in Simplified Chinese too', async () => {
    const el = await fixture<KithCustomerCard>(html`
      <kith-customer-card locale="zh-Hans" base-url=${server.url} key=${server.publishableKey} customer-id=${server.sampleCustomerId}></kith-customer-card>
    `);
    await until(el, 'not_authorized');
    await el.localeReady();
    await el.updateComplete;
    expect(text(el, 'status-title')).to.equal('需要员工登录');
  });

  it('shows the error state when the server is unreachable', async () => {
    const el = await fixture<KithCustomerCard>(html`
      <kith-customer-card base-url=${await closedUrl()} key=${server.publishableKey} customer-id=${server.sampleCustomerId}></kith-customer-card>
    `);
    await until(el, 'error');
    expect(el.error?.code).to.equal('network');
    await el.updateComplete;
    expect(text(el, 'status')).to.contain('cannot be reached');
    await expect(el).to.be.accessible();
  });

  it('Retry works by keyboard and keeps focus in the card', async () => {
    // The first answer is a 503 (injected: the real server cannot be told to fail once);
    // every later request goes to the real server. Without the SDK's own retries, so the
    // card shows the error and the person retries.
    let calls = 0;
    const flaky: typeof fetch = async (input, init) =>
      ++calls === 1 ? new Response('unavailable', { status: 503 }) : fetch(input, init);
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: () => staffToken, fetch: flaky, retry: false });
    const el = await fixture<KithCustomerCard>(html`<kith-customer-card .client=${client} customer-id=${server.sampleCustomerId}></kith-customer-card>`);
    await until(el, 'error');
    expect(el.error?.code).to.equal('server');
    await el.updateComplete;
    part(el, 'retry-button')?.focus();
    expect(el.shadowRoot?.activeElement).to.equal(part(el, 'retry-button'));
    await sendKeys({ press: 'Enter' });
    await until(el, 'ready');
    await el.updateComplete;
    expect(text(el, 'name')).to.equal(sample.name);
    expect(el.shadowRoot?.activeElement).to.equal(part(el, 'base'));
  });

  it('says it is not configured when it has no client', async () => {
    const el = await fixture<KithCustomerCard>(html`<kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>`);
    expect(el.status).to.equal('idle');
    expect(text(el, 'status')).to.contain('not connected');
    await expect(el).to.be.accessible();
  });

  it('re-fetches when customer-id changes and aborts the request in flight', async () => {
    const signals: AbortSignal[] = [];
    const el = await fixture<KithCustomerCard>(html`<kith-customer-card .client=${slowClient(server, 200, signals)} customer-id=${server.sampleCustomerId}></kith-customer-card>`);
    const events = recordEvents(el);
    await waitUntil(() => signals.length === 1, 'the card never started reading (it reads once near the viewport)');
    el.customerId = UNKNOWN_ID;
    await until(el, 'not_found');
    expect(signals).to.have.length(2);
    expect(signals[0]?.aborted).to.equal(true);
    expect(events.map((event) => event.type)).to.deep.equal(['kith-error']);
    el.customerId = server.sampleCustomerId;
    await until(el, 'ready');
    expect(events.map((event) => event.type)).to.deep.equal(['kith-error', 'kith-load']);
  });

  it('aborts on disconnect and loads again when reconnected', async () => {
    const signals: AbortSignal[] = [];
    const holder = await fixture<HTMLDivElement>(html`<div><kith-customer-card .client=${slowClient(server, 200, signals)} customer-id=${server.sampleCustomerId}></kith-customer-card></div>`);
    const el = holder.querySelector('kith-customer-card') as KithCustomerCard;
    await waitUntil(() => signals.length === 1, 'the card never started reading (it reads once near the viewport)');
    el.remove();
    expect(signals[0]?.aborted).to.equal(true);
    holder.append(el);
    await until(el, 'ready');
    expect(signals).to.have.length(2);
  });

  it('setting properties fires no kith-* event', async () => {
    const el = await fixture<KithCustomerCard>(html`
      <kith-customer-card .client=${staffClient(server)} customer-id=${server.sampleCustomerId}></kith-customer-card>
    `);
    await until(el, 'ready');
    const events = recordEvents(el);
    el.locale = 'zh-Hans';
    el.theme = 'dark';
    el.key = server.publishableKey;
    await el.updateComplete;
    await el.localeReady();
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    expect(el.status).to.equal('ready');
  });

  it('shows Traditional Chinese labels with locale="zh-Hant"', async () => {
    const el = await fixture<KithCustomerCard>(html`
      <kith-customer-card locale="zh-Hant" .client=${staffClient(server)} customer-id=${server.sampleCustomerId}></kith-customer-card>
    `);
    await until(el, 'ready');
    await el.localeReady();
    await el.updateComplete;
    const labels = [...(el.shadowRoot?.querySelectorAll('dt') ?? [])].map((dt) => dt.textContent?.trim());
    expect(labels).to.deep.equal(['公司', '等級', '累計消費']);
    expect(part(el, 'base')?.getAttribute('lang')).to.equal('zh-Hant');
    await expect(el).to.be.accessible();
  });

  it('takes its language from the nearest lang attribute', async () => {
    const holder = await fixture<HTMLDivElement>(html`
      <div lang="zh-CN"><kith-customer-card .client=${staffClient(server)} customer-id=${UNKNOWN_ID}></kith-customer-card></div>
    `);
    const el = holder.querySelector('kith-customer-card') as KithCustomerCard;
    await until(el, 'not_found');
    await el.localeReady();
    await el.updateComplete;
    expect(text(el, 'status')).to.equal('该客户不存在或已被删除。');
  });

  it('uses the dark tokens with theme="dark"', async () => {
    const el = await fixture<KithCustomerCard>(html`<kith-customer-card theme="light"></kith-customer-card>`);
    const background = () => getComputedStyle(part(el, 'base') as HTMLElement).backgroundColor;
    expect(background()).to.equal('rgb(255, 255, 255)');
    el.theme = 'dark';
    await el.updateComplete;
    expect(background()).to.equal('rgb(28, 33, 40)');
    await expect(el).to.be.accessible();
  });

  it('is not broken by the host page CSS', async () => {
    const style = document.createElement('style');
    style.textContent = `
      article, dl, dt, dd, span, p, button { display: none !important; color: red !important; }
      kith-customer-card { text-transform: uppercase; letter-spacing: 12px; color: rgb(255, 0, 0); font-style: italic; }
    `;
    document.head.append(style);
    try {
      const el = await fixture<KithCustomerCard>(html`
        <kith-customer-card theme="light" .client=${staffClient(server)} customer-id=${server.sampleCustomerId}></kith-customer-card>
      `);
      await until(el, 'ready');
      await el.updateComplete;
      const name = part(el, 'name') as HTMLElement;
      expect(name.offsetHeight).to.be.greaterThan(0);
      const computed = getComputedStyle(name);
      expect(computed.textTransform).to.equal('none');
      expect(computed.fontStyle).to.equal('normal');
      expect(computed.color).not.to.equal('rgb(255, 0, 0)');
    } finally {
      style.remove();
    }
  });

  it('renders user-written text as text, never as markup', async () => {
    // A fetch that answers the hostile record, through the real SDK: this checks rendering only.
    const hostile = { ...sample, name: '<img src=x onerror="window.__kithXss=1">', company: '<b>bold</b>' };
    const answer = async () => new Response(JSON.stringify(hostile), { status: 200, headers: { 'content-type': 'application/json' } });
    const client: KithClient = createClient({ baseUrl: location.origin, key: 'pk_render_only', fetch: answer, cache: false });
    const el = await fixture<KithCustomerCard>(html`<kith-customer-card .client=${client} customer-id=${sample.id}></kith-customer-card>`);
    await until(el, 'ready');
    await el.updateComplete;
    expect(text(el, 'name')).to.equal(hostile.name);
    expect(el.shadowRoot?.querySelector('img, b')).to.equal(null);
  });
});

describe('define("kith-customer-card") twice', () => {
  it('does not throw', () => {
    expect(() => define('kith-customer-card', class extends KithCustomerCard {})).not.to.throw();
    expect(customElements.get('kith-customer-card')).to.equal(KithCustomerCard);
  });
});
