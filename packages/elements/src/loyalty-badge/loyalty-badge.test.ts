import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { LedgerPage, LoyaltyAccount, LoyaltyProgramResponse, Scope } from '@kith/schema';
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import {
  closedUrl, faultProxy, mintToken, serverInfo, UNKNOWN_ID, type KithServerInfo,
} from '../../../../test/support/server-commands.js';
import type { KithRedeemEvent } from '../events/kith-redeem.js';
import { define } from '../internal/define.js';
import '../provider/provider.js';
import type { KithProvider } from '../provider/provider.js';
import type { ResourceStatus } from '../internal/resource-controller.js';
import { KithLoyaltyBadge } from './loyalty-badge.js';
import { tierProgress } from './loyalty-badge.model.js';
import { loyaltyDetailsStyles } from './loyalty-details.styles.js';
import { parsePoints, type KithLoyaltyRedeem } from './loyalty-redeem.component.js';

const KITH_EVENTS = ['kith-load', 'kith-error', 'kith-redeem'] as const;

async function until(el: KithLoyaltyBadge, status: ResourceStatus): Promise<void> {
  await waitUntil(() => el.status === status, `the badge never reached "${status}" (it is "${el.status}")`);
  // With data on screen, a full badge's details (a chunk of their own) may land just after it.
  if (status === 'ready' || status === 'stale' || status === 'offline') await el.localeReady();
}
const part = (el: Element, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const parts = (el: Element, name: string) => [...(el.shadowRoot?.querySelectorAll<HTMLElement>(`[part~="${name}"]`) ?? [])];
const text = (el: Element, name: string) => part(el, name)?.textContent?.trim().replace(/\s+/g, ' ') ?? '';
const input = (form: KithLoyaltyRedeem, id: 'points' | 'note') => form.shadowRoot?.querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;

/** The recent entries, rendered by the badge's `<kith-loyalty-ledger>` (its own chunk). */
const entries = (el: KithLoyaltyBadge) => {
  const ledger = el.shadowRoot?.querySelector('kith-loyalty-ledger');
  return ledger ? parts(ledger, 'ledger-entry') : [];
};

/** The badge's redeem form (its own chunk, `<kith-loyalty-redeem>`), once it has rendered. */
async function redeemForm(el: KithLoyaltyBadge): Promise<KithLoyaltyRedeem> {
  const form = () => el.shadowRoot?.querySelector('kith-loyalty-redeem');
  await waitUntil(() => form()?.shadowRoot?.querySelector('form'), 'the redeem form never showed');
  const found = form() as KithLoyaltyRedeem;
  await found.updateComplete;
  return found;
}

/** Records every kith-* event an element dispatches. */
function recordEvents(el: Element): Event[] {
  const seen: Event[] = [];
  for (const name of KITH_EVENTS) el.addEventListener(name, (event) => seen.push(event));
  return seen;
}

/** Storage of one client alone, so tests (and suites in other tabs) never share cached reads or outbox entries. */
const ownStorage = () => {
  const name = `kith-badge-test-${crypto.randomUUID()}`;
  return { cache: { name: `${name}-cache` }, outbox: { name: `${name}-outbox` } };
};

let server: KithServerInfo;
/** Staff of the sample customer's owner: creates members and gives them points. */
let staff: KithClient;
let staffToken = '';
let program: LoyaltyProgramResponse['program'];

function clientWith(token: string | null, options: Partial<ClientOptions> = {}): KithClient {
  return createClient({ baseUrl: server.url, key: server.publishableKey, token: () => token, ...ownStorage(), ...options });
}

async function staffTokenWith(scopes: Scope[]): Promise<string> {
  return (await mintToken({ kind: 'staff', scopes })).token;
}

/** A customer of one test alone (so no other test moves their balance), with `points` given by staff, and their token. */
async function newMember(points: number): Promise<{ id: string; token: string }> {
  const customer = await staff.customers.create({ kind: 'person', name: `Badge member ${crypto.randomUUID().slice(0, 8)}` });
  if (points) await staff.loyalty.adjust(customer.id, { points, note: 'Welcome gift' });
  return { id: customer.id, token: (await mintToken({ kind: 'customer', subject: customer.id })).token };
}

/** The real fetch, recording each URL the badge asks for (the live stream aside). */
function recordingFetch(urls: string[]): typeof fetch {
  return (input, init) => {
    if (!String(input).includes('/v1/events')) urls.push(String(input));
    return fetch(input, init);
  };
}

/** Emulates media features where the browser's driver can (Chromium through CDP; not Firefox through WebDriver BiDi). */
async function emulated(media: Parameters<typeof emulateMedia>[0]): Promise<boolean> {
  try {
    await emulateMedia(media);
    return true;
  } catch (error) {
    if (String(error).includes('CDP')) return false;
    throw error;
  }
}

/** The text of the badge's own `@media (<condition>)` rule. */
function mediaRule(condition: string): string | undefined {
  // The badge's own styles and those its details bring when they load.
  const rules = [...KithLoyaltyBadge.elementStyles, loyaltyDetailsStyles].flatMap((style) => {
    const sheet = style instanceof CSSStyleSheet ? style : style.styleSheet;
    return sheet ? [...sheet.cssRules] : [];
  });
  const found = rules.filter((rule): rule is CSSMediaRule => rule instanceof CSSMediaRule && rule.conditionText === `(${condition})`);
  return found.map((rule) => rule.cssText).join('\n') || undefined;
}

async function ledgerOf(customerId: string): Promise<LedgerPage> {
  return staff.loyalty.ledger(customerId, { limit: 100 });
}

const tierNamed = (name: string) => {
  const tier = program.tiers.find((candidate) => candidate.name === name);
  if (!tier) throw new Error(`the demo program has no tier ${name}`);
  return tier;
};

describe('<kith-loyalty-badge> against the real server', () => {
  before(async () => {
    server = await serverInfo();
    staffToken = await staffTokenWith(['customers:read', 'customers:write', 'loyalty:read', 'loyalty:adjust']);
    staff = clientWith(staffToken, { cache: false });
    program = (await staff.loyalty.program()).program;
  });

  it('shows tier, emblem, balance, an accessible progress bar ("320 points to Gold") and benefits; the ledger is not read', async () => {
    const member = await newMember(1180);
    const urls: string[] = [];
    const el = document.createElement('kith-loyalty-badge');
    const events = recordEvents(el);
    el.client = clientWith(member.token, { fetch: recordingFetch(urls) });
    el.customerId = member.id;
    el.locale = 'en-US';
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await until(el, 'ready');
    await el.updateComplete;
    expect(text(el, 'tier')).to.equal('Silver');
    expect(text(el, 'balance')).to.equal('1,180 points');
    expect(part(el, 'base')?.getAttribute('aria-label')).to.equal('Loyalty: Silver');
    const bar = part(el, 'progress-bar') as HTMLElement;
    expect(bar.getAttribute('role')).to.equal('progressbar');
    expect([bar.getAttribute('aria-valuemin'), bar.getAttribute('aria-valuemax'), bar.getAttribute('aria-valuenow')]).to.deep.equal([
      String(tierNamed('Silver').threshold), String(tierNamed('Gold').threshold), '1180',
    ]);
    expect(bar.getAttribute('aria-valuetext')).to.equal('320 points to Gold');
    expect(bar.getAttribute('aria-label')).to.equal('Progress to Gold');
    expect(text(el, 'progress')).to.equal('320 points to Gold');
    const fill = part(el, 'progress-fill') as HTMLElement;
    expect(fill.getBoundingClientRect().width / bar.clientWidth).to.be.closeTo(0.68, 0.02);
    const benefits = [...(part(el, 'benefits')?.querySelectorAll('li') ?? [])].map((li) => li.textContent?.trim());
    expect(benefits).to.deep.equal(tierNamed('Silver').benefits);
    expect(part(el, 'emblem')?.getAttribute('aria-hidden')).to.equal('true');
    expect(part(el, 'emblem')?.querySelector('svg')).not.to.equal(null);
    expect(el.shadowRoot?.querySelector('img')).to.equal(null);
    expect(part(el, 'expiry'), 'a lifetime program has no tier expiry').to.equal(null);
    expect(part(el, 'ledger-toggle')?.getAttribute('aria-expanded')).to.equal('false');
    expect(urls.some((url) => url.includes('/loyalty/ledger')), 'the ledger is read on expand only').to.equal(false);
    const load = events.find((event) => event.type === 'kith-load') as CustomEvent<{ account: LoyaltyAccount }>;
    expect(load.detail.account).to.include({ customerId: member.id, balance: 1180 });
    expect(events.some((event) => event.type === 'kith-error')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('shows the demo’s sample customer at the top tier with their own token', async () => {
    const token = (await mintToken({ kind: 'customer' })).token;
    const client = clientWith(token);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${client} customer-id=${server.sampleCustomerId} locale="en-US"></kith-loyalty-badge>`);
    await until(el, 'ready');
    await el.updateComplete;
    const account = el.loyaltyAccount as LoyaltyAccount;
    expect(text(el, 'tier')).to.equal(program.tiers.find((tier) => tier.id === account.tierId)?.name);
    expect(text(el, 'balance')).to.equal(`${new Intl.NumberFormat('en-US').format(account.balance)} points`);
    if (account.nextTier === null) {
      expect(part(el, 'progress-bar')).to.equal(null);
      expect(text(el, 'progress')).to.equal('You have reached the top tier.');
    }
    await expect(el).to.be.accessible();
  });

  it('shows a skeleton with aria-busy first, then the points', async () => {
    const member = await newMember(1180);
    const slow: typeof fetch = async (input, init) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      return fetch(input, init);
    };
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(member.token, { fetch: slow })} customer-id=${member.id}></kith-loyalty-badge>`);
    expect(el.status).to.equal('loading');
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
    expect(parts(el, 'skeleton').length).to.be.greaterThan(0);
    expect(text(el, 'status')).to.equal('Loading loyalty points…');
    await expect(el).to.be.accessible();
    await until(el, 'ready');
    await el.updateComplete;
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('false');
    expect(parts(el, 'skeleton')).to.have.length(0);
  });

  it('shows recent points behind a disclosure button, by keyboard, read only once expanded', async () => {
    const member = await newMember(1180);
    const urls: string[] = [];
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(member.token, { fetch: recordingFetch(urls) })} customer-id=${member.id} locale="en-GB"></kith-loyalty-badge>`);
    await until(el, 'ready');
    await el.updateComplete;
    const toggle = part(el, 'ledger-toggle') as HTMLButtonElement;
    expect(toggle.getAttribute('aria-controls')).to.equal('ledger');
    expect(part(el, 'ledger')?.hidden).to.equal(true);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await waitUntil(() => entries(el).length === 1, 'the ledger entry never showed');
    expect(urls.filter((url) => url.includes('/loyalty/ledger'))).to.have.length(1);
    const [entry] = (await ledgerOf(member.id)).items;
    const row = entries(el)[0] as HTMLElement;
    expect(row.querySelector('.reason')?.textContent).to.equal('Adjustment');
    expect(row.querySelector('.points')?.textContent).to.equal('+1,180');
    expect(row.querySelector('.note')?.textContent).to.equal('Welcome gift');
    const time = row.querySelector('time') as HTMLTimeElement;
    expect(time.dateTime).to.equal(entry?.createdAt);
    expect(time.textContent).to.equal(new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' }).format(new Date(entry?.createdAt ?? 0)));
    await expect(el).to.be.accessible();
    expect(el.shadowRoot?.activeElement).to.equal(toggle);
    await sendKeys({ press: ' ' }); // Space (a one-character key name works in both browsers' drivers)
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, 'ledger')?.hidden).to.equal(true);
  });

  it('says when the recent points cannot be loaded, with a Retry of their own', async () => {
    const member = await newMember(1180);
    // The ledger's answers fail (injected 503) until the person retries; the account comes from the real server.
    let failing = true;
    const flaky: typeof fetch = async (input, init) =>
      failing && String(input).includes('/loyalty/ledger') ? new Response('unavailable', { status: 503 }) : fetch(input, init);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(member.token, { fetch: flaky, retry: false })} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(el, 'ready');
    const events = recordEvents(el);
    part(el, 'ledger-toggle')?.click();
    const ledger = () => el.shadowRoot?.querySelector('kith-loyalty-ledger')?.shadowRoot;
    await waitUntil(() => ledger()?.querySelector('[part~="retry-button"]'), 'the ledger error never showed');
    expect(ledger()?.querySelector('[role="alert"]')?.textContent).to.equal('Your points could not be loaded: the server had a problem.');
    expect(events.map((event) => [event.type, (event as CustomEvent<{ code: string }>).detail.code])).to.deep.equal([['kith-error', 'server']]);
    expect(el.status, 'the badge itself still shows the points').to.equal('ready');
    await expect(el).to.be.accessible();
    failing = false;
    ledger()?.querySelector<HTMLButtonElement>('[part~="retry-button"]')?.click();
    await waitUntil(() => entries(el).length === 1, 'the entries never showed after Retry');
  });

  it('redeems by keyboard through the outbox: sent, one ledger row, the balance follows', async () => {
    const member = await newMember(1180);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(member.token)} customer-id=${member.id} locale="en-US"></kith-loyalty-badge>`);
    await until(el, 'ready');
    await el.updateComplete;
    const form = await redeemForm(el);
    expect(text(form, 'redeem')).to.contain('You have 1,180 points.');
    input(form, 'points').focus();
    await sendKeys({ type: '200' });
    await sendKeys({ press: 'Tab' });
    expect(form.shadowRoot?.activeElement).to.equal(input(form, 'note'));
    await sendKeys({ type: 'Voucher' });
    const redeemed = oneEvent(el, 'kith-redeem') as Promise<KithRedeemEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await redeemed;
    expect(detail.result.status).to.equal('sent');
    expect(detail.request).to.deep.equal({ points: 200, note: 'Voucher' });
    expect(detail.customerId).to.equal(member.id);
    await form.updateComplete;
    expect(text(form, 'redeem-message')).to.equal('Redeemed 200 points.');
    expect([input(form, 'points').value, input(form, 'note').value]).to.deep.equal(['', '']);
    await waitUntil(() => text(el, 'balance') === '980 points', `the balance stayed ${text(el, 'balance')}`);
    expect(text(el, 'status')).to.equal('Balance updated: 980 points.');
    const redeems = (await ledgerOf(member.id)).items.filter((entry) => entry.reason === 'redeem');
    expect(redeems.map((entry) => [entry.points, entry.note])).to.deep.equal([[-200, 'Voucher']]);
    await expect(el).to.be.accessible();
  });

  it('refuses an amount that is not a whole number, or more than the balance, before sending', async () => {
    const member = await newMember(1180);
    const client = clientWith(member.token);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${client} customer-id=${member.id} locale="en-US"></kith-loyalty-badge>`);
    const events = recordEvents(el);
    await until(el, 'ready');
    const form = await redeemForm(el);
    input(form, 'points').focus();
    await sendKeys({ type: 'ten' });
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    expect(text(form, 'redeem-message')).to.equal('Enter a whole number of points, at least 1.');
    expect(input(form, 'points').getAttribute('aria-invalid')).to.equal('true');
    expect(input(form, 'points').value, 'what was typed is kept').to.equal('ten');
    expect(form.shadowRoot?.activeElement).to.equal(input(form, 'points'));
    await expect(el).to.be.accessible();
    input(form, 'points').select();
    await sendKeys({ type: '5000' });
    await sendKeys({ press: 'Enter' });
    await form.updateComplete;
    expect(text(form, 'redeem-message')).to.equal('You have 1,180 points: redeem at most that many.');

    expect(events.filter((event) => event.type === 'kith-redeem')).to.deep.equal([]);
    expect((await ledgerOf(member.id)).items.filter((entry) => entry.reason === 'redeem')).to.deep.equal([]);
  });

  it('shows the server’s refusal and keeps what was typed; a second try replaces the refused entry', async () => {
    // Only the member may redeem: a staff token (loyalty:read) is refused by the server.
    const member = await newMember(1180);
    const client = clientWith(await staffTokenWith(['loyalty:read']));
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${client} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(el, 'ready');
    const form = await redeemForm(el);
    input(form, 'points').focus();
    await sendKeys({ type: '100' });
    let refused = oneEvent(el, 'kith-redeem') as Promise<KithRedeemEvent>;
    await sendKeys({ press: 'Enter' });
    let { detail } = await refused;
    if (detail.result.status !== 'failed') expect.fail(`expected a refusal, got ${detail.result.status}`);
    expect(detail.result.error.code).to.equal('forbidden');
    await form.updateComplete;
    expect(text(form, 'redeem-message')).to.equal(`Not redeemed: ${detail.result.error.message}`);
    expect(detail.result.error.message.length).to.be.greaterThan(0);
    expect(input(form, 'points').value).to.equal('100');
    expect(form.shadowRoot?.activeElement).to.equal(input(form, 'points'));
    await expect(el).to.be.accessible();
    refused = oneEvent(el, 'kith-redeem') as Promise<KithRedeemEvent>;
    await sendKeys({ press: 'Enter' });
    ({ detail } = await refused);
    expect(detail.result.status).to.equal('failed');
    expect(client.outbox.entries.map((entry) => entry.state), 'the first refusal was replaced').to.deep.equal(['failed']);
    await Promise.all(client.outbox.entries.map((entry) => client.outbox.discard(entry.id)));
    expect((await ledgerOf(member.id)).items.filter((entry) => entry.reason === 'redeem')).to.deep.equal([]);
  });

  it('offline: saved points with a notice and Retry; a redemption is saved ("will be sent") and delivered once later', async () => {
    const member = await newMember(1180);
    const proxy = await faultProxy('pass');
    const client = createClient({ baseUrl: proxy.url, key: server.publishableKey, token: () => member.token, retry: false, ...ownStorage() });
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${client} customer-id=${member.id} locale="en-US"></kith-loyalty-badge>`);
    try {
      await until(el, 'ready');
      await faultProxy('down');
      el.retry();
      await until(el, 'offline');
      await el.updateComplete;
      expect(el.error?.code).to.equal('network');
      expect(text(el, 'status')).to.equal('You are offline: showing saved points. They may be out of date.');
      expect(text(el, 'balance'), 'the saved points stay').to.equal('1,180 points');
      expect(text(el, 'retry-button')).to.equal('Retry');
      await expect(el).to.be.accessible();

      const form = await redeemForm(el);
      input(form, 'points').focus();
      await sendKeys({ type: '300' });
      const saved = oneEvent(el, 'kith-redeem') as Promise<KithRedeemEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await saved).detail.result.status).to.equal('queued');
      await form.updateComplete;
      expect(text(form, 'redeem-message')).to.equal('Saved: your redemption will be sent when the connection is back.');

      await faultProxy('pass');
      await client.outbox.flush();
      await waitUntil(() => text(form, 'redeem-message') === 'Redeemed 300 points.', `the message is "${text(form, 'redeem-message')}"`);
      // Delivered: the outbox invalidates the customer's reads, so the saved account is read again.
      await waitUntil(() => text(el, 'balance') === '880 points', `the balance stayed ${text(el, 'balance')}`);
      await until(el, 'ready');
      const redeems = (await ledgerOf(member.id)).items.filter((entry) => entry.reason === 'redeem');
      expect(redeems.map((entry) => entry.points)).to.deep.equal([-300]);
    } finally {
      await faultProxy('pass');
    }
  });

  it('updates the balance live when points are given elsewhere', async () => {
    const member = await newMember(1180);
    const client = clientWith(member.token);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${client} customer-id=${member.id} locale="en-US"></kith-loyalty-badge>`);
    await until(el, 'ready');
    // The badge's stream carries customer:<id>; wait until it is open so the event is not missed.
    let open = false;
    const stop = client.live.subscribe([`customer:${member.id}`], () => undefined, { onStatus: (status) => (open ||= status === 'open') });
    await waitUntil(() => open, 'the live stream never opened');
    // Straight to the server (not through an SDK client of this page), so only the live event can tell the badge.
    const answer = await fetch(`${server.url}/v1/customers/${member.id}/loyalty/adjust`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staffToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ points: 50, note: 'Points for a review' }),
    });
    expect(answer.status).to.equal(201);
    await waitUntil(() => text(el, 'balance') === '1,230 points', `the balance stayed ${text(el, 'balance')}`);
    expect(text(el, 'status')).to.equal('Balance updated: 1,230 points.');
    expect(part(el, 'progress-bar')?.getAttribute('aria-valuetext')).to.equal('270 points to Gold');
    stop();
  });

  it('without a token (a key alone) shows the sign-in slot instead of an error', async () => {
    const member = await newMember(0);
    const el = document.createElement('kith-loyalty-badge');
    const events = recordEvents(el);
    el.baseUrl = server.url;
    el.key = server.publishableKey;
    el.customerId = member.id;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await until(el, 'not_authorized');
    await el.updateComplete;
    expect(el.error?.code).to.equal('forbidden');
    expect(text(el, 'sign-in')).to.equal('Sign in to see your points and rewards.');
    expect(part(el, 'status')).to.equal(null);
    expect(part(el, 'retry-button')).to.equal(null);
    expect(part(el, 'balance')).to.equal(null);
    expect(events.map((event) => event.type)).to.deep.equal(['kith-error']);
    await expect(el).to.be.accessible();

    const link = Object.assign(document.createElement('a'), { slot: 'sign-in', href: '#sign-in', textContent: 'Sign in for your points' });
    el.append(link);
    const slot = part(el, 'sign-in')?.querySelector('slot') as HTMLSlotElement;
    expect(slot.assignedElements()).to.deep.equal([link]);
    el.compact = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('without a customer-id (a guest) shows the sign-in slot and reads nothing', async () => {
    const urls: string[] = [];
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(null, { fetch: recordingFetch(urls) })}></kith-loyalty-badge>`);
    await el.updateComplete;
    expect(el.status).to.equal('idle');
    expect(text(el, 'sign-in')).to.equal('Sign in to see your points and rewards.');
    expect(urls).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('in a <kith-provider>: signed out the sign-in slot, signed in (provider.token) the points; removed and added back, it reads again', async () => {
    const member = await newMember(1180);
    const provider = await fixture<KithProvider>(html`
      <kith-provider base-url=${server.url} key=${server.publishableKey}>
        <kith-loyalty-badge compact customer-id=${member.id}><a slot="sign-in" href="#sign-in">Sign in</a></kith-loyalty-badge>
      </kith-provider>
    `);
    const el = provider.querySelector('kith-loyalty-badge') as KithLoyaltyBadge;
    await until(el, 'not_authorized');
    expect(part(el, 'sign-in')).not.to.equal(null);
    provider.token = () => member.token;
    await until(el, 'ready');
    await el.updateComplete;
    expect(text(el, 'balance')).to.equal('1,180 points');
    el.remove();
    provider.append(el);
    await until(el, 'ready');
    expect(text(el, 'balance')).to.equal('1,180 points');
  });

  it('reads only when it comes near the viewport', async () => {
    const member = await newMember(1180);
    const urls: string[] = [];
    const holder = await fixture<HTMLDivElement>(html`<div><div style="height: 5000px"></div>
      <kith-loyalty-badge .client=${clientWith(member.token, { fetch: recordingFetch(urls) })} customer-id=${member.id}></kith-loyalty-badge></div>`);
    const el = holder.querySelector('kith-loyalty-badge') as KithLoyaltyBadge;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(urls, 'nothing read far below the viewport').to.deep.equal([]);
    expect(el.status).to.equal('loading');
    el.scrollIntoView();
    await until(el, 'ready');
    expect(urls.some((url) => url.endsWith(`/v1/customers/${member.id}/loyalty`))).to.equal(true);
  });

  it('shows the not-found state for an unknown customer (staff with loyalty:read)', async () => {
    const client = clientWith(await staffTokenWith(['loyalty:read']));
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${client} customer-id=${UNKNOWN_ID}></kith-loyalty-badge>`);
    await until(el, 'not_found');
    await el.updateComplete;
    expect(text(el, 'status')).to.equal('No loyalty account was found for this customer.');
    expect(part(el, 'retry-button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('shows the error state with Retry; Retry works by keyboard and keeps focus in the badge', async () => {
    const member = await newMember(1180);
    // 503s (injected: the real server cannot be told to fail) until the person retries.
    let failing = true;
    const flaky: typeof fetch = async (input, init) => (failing ? new Response('unavailable', { status: 503 }) : fetch(input, init));
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(member.token, { fetch: flaky, retry: false })} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(el, 'error');
    await el.updateComplete;
    expect(el.error?.code).to.equal('server');
    expect(text(el, 'status')).to.equal('Your points could not be loaded: the server had a problem.');
    await expect(el).to.be.accessible();
    failing = false;
    part(el, 'retry-button')?.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, 'ready');
    await el.updateComplete;
    expect(text(el, 'balance')).to.equal('1,180 points');
    expect(el.shadowRoot?.activeElement).to.equal(part(el, 'base'));
  });

  it('shows the error state when the server is unreachable', async () => {
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge base-url=${await closedUrl()} key=${server.publishableKey} customer-id=${server.sampleCustomerId}></kith-loyalty-badge>`);
    await until(el, 'error');
    await el.updateComplete;
    expect(el.error?.code).to.equal('network');
    expect(text(el, 'status')).to.equal('Your points could not be loaded: the server cannot be reached.');
    expect(text(el, 'retry-button')).to.equal('Retry');
  });

  it('says it is not configured when it has no client', async () => {
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge customer-id=${server.sampleCustomerId}></kith-loyalty-badge>`);
    expect(el.status).to.equal('idle');
    expect(text(el, 'status')).to.contain('not connected');
    await expect(el).to.be.accessible();
  });

  it('compact: one line with emblem, tier and balance for a shop header', async () => {
    const member = await newMember(1180);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge compact .client=${clientWith(member.token)} customer-id=${member.id} locale="en-US"></kith-loyalty-badge>`);
    await until(el, 'ready');
    await el.updateComplete;
    expect(getComputedStyle(el).display).to.equal('inline-block');
    expect([text(el, 'tier'), text(el, 'balance')]).to.deep.equal(['Silver', '1,180 points']);
    for (const name of ['progress', 'benefits', 'ledger-toggle']) expect(part(el, name), name).to.equal(null);
    expect(el.shadowRoot?.querySelector('kith-loyalty-redeem')).to.equal(null);
    const [tier, balance] = [part(el, 'tier'), part(el, 'balance')] as HTMLElement[];
    expect(tier?.getBoundingClientRect().top).to.be.closeTo(balance?.getBoundingClientRect().top ?? 0, 8);
    await expect(el).to.be.accessible();
  });

  it('no-redeem hides the form', async () => {
    const member = await newMember(1180);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge no-redeem .client=${clientWith(member.token)} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(el, 'ready');
    await el.updateComplete;
    expect(el.shadowRoot?.querySelector('kith-loyalty-redeem')).to.equal(null);
    expect(part(el, 'progress')).not.to.equal(null);
  });

  it('speaks Simplified and Traditional Chinese', async () => {
    const member = await newMember(1180);
    const client = clientWith(member.token);
    const hans = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge locale="zh-Hans" .client=${client} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(hans, 'ready');
    await hans.localeReady();
    await hans.updateComplete;
    expect(text(hans, 'balance')).to.equal('1,180 积分');
    expect(text(hans, 'progress')).to.equal('再获得 320 积分升至 Gold');
    expect(text(hans, 'ledger-toggle')).to.equal('最近积分记录');
    expect(part(hans, 'base')?.getAttribute('lang')).to.equal('zh-Hans');
    await expect(hans).to.be.accessible();

    const hant = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge locale="zh-Hant" .client=${client} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(hant, 'ready');
    await hant.localeReady();
    await hant.updateComplete;
    expect(text(hant, 'progress')).to.equal('再獲得 320 積分升至 Gold');
    // The form's texts are a chunk of their own, loaded as the form first shows.
    const legend = () => part(form, 'redeem')?.querySelector('legend')?.textContent;
    const form = await redeemForm(hant);
    await waitUntil(() => legend() === '兌換積分', `the form's legend stayed "${legend() ?? ''}"`);
    await expect(hant).to.be.accessible();

    const holder = await fixture<HTMLDivElement>(html`<div lang="zh-TW"><kith-loyalty-badge .client=${clientWith(null)}></kith-loyalty-badge></div>`);
    const guest = holder.querySelector('kith-loyalty-badge') as KithLoyaltyBadge;
    await guest.localeReady();
    await guest.updateComplete;
    expect(text(guest, 'sign-in')).to.equal('登入後即可查看您的積分和獎勵。');
  });

  it('uses the dark tokens with theme="dark", accessible with the ledger open', async () => {
    const member = await newMember(1180);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge theme="light" .client=${clientWith(member.token)} customer-id=${member.id}></kith-loyalty-badge>`);
    const background = () => getComputedStyle(part(el, 'base') as HTMLElement).backgroundColor;
    expect(background()).to.equal('rgb(255, 255, 255)');
    await until(el, 'ready');
    el.theme = 'dark';
    await el.updateComplete;
    expect(background()).to.equal('rgb(28, 33, 40)');
    part(el, 'ledger-toggle')?.click();
    await waitUntil(() => entries(el).length === 1, 'the ledger entry never showed');
    await expect(el).to.be.accessible();
  });

  it('renders user-written notes from the server as text', async () => {
    const member = await newMember(1180);
    const client = clientWith(member.token);
    const note = '<img src=x onerror="window.__kithXss=1"><script>window.__kithXss=2</script>';
    const result = await client.loyalty.redeem(member.id, { points: 10, note });
    expect(result.status).to.equal('sent');
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${client} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(el, 'ready');
    await el.updateComplete;
    part(el, 'ledger-toggle')?.click();
    await waitUntil(() => entries(el).length === 2, 'the ledger never showed');
    expect(entries(el)[0]?.querySelector('.note')?.textContent).to.equal(note);
    expect(el.shadowRoot?.querySelector('img, script')).to.equal(null);
    expect(el.shadowRoot?.querySelector('kith-loyalty-ledger')?.shadowRoot?.querySelector('img, script')).to.equal(null);
    expect((window as { __kithXss?: number }).__kithXss).to.equal(undefined);
  });

  it('shows the tier expiry in the viewer’s time zone, and hostile program texts as text', async () => {
    // Render only: the demo program keeps tiers for life, so a windowed tier is answered here
    // from the real server's records, changed, through the real SDK (which validates them).
    const member = await newMember(1180);
    const account = await clientWith(member.token).loyalty.account(member.id);
    const hostileTier = '<b onclick="alert(1)">Silver</b>';
    const hostileBenefit = '<a href="javascript:alert(1)">Free shipping</a>';
    const programAnswer = {
      program: { ...program, tiers: program.tiers.map((tier) => (tier.id === account.tierId ? { ...tier, name: hostileTier, benefits: [hostileBenefit] } : tier)) },
      rules: { reviewPoints: 50, referralPoints: 500, expireAfterMonths: 12, tierValidityMonths: 12 },
    };
    const expiresAt = '2027-03-12T23:30:00.000Z';
    const answers: Record<string, unknown> = {
      '/v1/loyalty/program': programAnswer,
      [`/v1/customers/${member.id}/loyalty`]: { ...account, tierExpiresAt: expiresAt },
    };
    const answer: typeof fetch = async (input) => {
      const body = answers[new URL(String(input)).pathname];
      return body
        ? new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } })
        : new Response(JSON.stringify({ error: { code: 'not_found', message: 'Not here' } }), { status: 404, headers: { 'content-type': 'application/json' } });
    };
    const client = createClient({ baseUrl: location.origin, key: 'pk_render_only', fetch: answer, cache: false });
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge locale="en-US" .client=${client} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(el, 'ready');
    await el.updateComplete;
    const date = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(expiresAt));
    expect(text(el, 'expiry')).to.equal(`${hostileTier} until ${date}`);
    expect(text(el, 'tier')).to.equal(hostileTier);
    expect(part(el, 'benefits')?.textContent?.trim()).to.equal(hostileBenefit);
    expect(el.shadowRoot?.querySelector('b, a[href]')).to.equal(null);
  });

  it('setting properties fires no kith-* event', async () => {
    const member = await newMember(1180);
    const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(member.token)} customer-id=${member.id}></kith-loyalty-badge>`);
    await until(el, 'ready');
    const events = recordEvents(el);
    el.locale = 'zh-Hans';
    el.theme = 'dark';
    el.compact = true;
    el.noRedeem = true;
    el.key = server.publishableKey;
    await el.updateComplete;
    await el.localeReady();
    await el.updateComplete;
    expect(events).to.deep.equal([]);
    expect(el.status).to.equal('ready');
  });

  it('keeps its geometry and text styles on a page with hostile global CSS', async () => {
    const member = await newMember(1180);
    const client = clientWith(member.token);
    const shape = async () => {
      const holder = await fixture<HTMLElement>(html`<article style="width: 420px"><kith-loyalty-badge theme="light" .client=${client} customer-id=${member.id}></kith-loyalty-badge></article>`);
      const el = holder.querySelector('kith-loyalty-badge') as KithLoyaltyBadge;
      el.scrollIntoView(); // elements read near the viewport; the hostile sizes push it far down
      await until(el, 'ready');
      const form = await redeemForm(el);
      const box = (part(el, 'base') as HTMLElement).getBoundingClientRect();
      const tier = getComputedStyle(part(el, 'tier') as HTMLElement);
      const field = getComputedStyle(input(form, 'points'));
      return {
        width: Math.round(box.width), height: Math.round(box.height), tierFontSize: tier.fontSize, lineHeight: tier.lineHeight,
        letterSpacing: tier.letterSpacing, textTransform: tier.textTransform, fontStyle: tier.fontStyle, color: tier.color,
        direction: tier.direction, fieldFontSize: field.fontSize, fieldHeight: Math.round(input(form, 'points').getBoundingClientRect().height),
      };
    };
    const clean = await shape();
    const style = document.createElement('style');
    style.textContent = `
      html, body { font-size: 40px !important; line-height: 4 !important; letter-spacing: 0.5em; word-spacing: 2em;
        text-transform: uppercase; font-style: italic; color: red; direction: rtl; text-align: right; }
      * { box-sizing: content-box !important; margin: 7px; padding: 5px; border-width: 3px; }
      section, span, p, ul, li, button, input, form, svg { display: none !important; color: red !important; }
      kith-loyalty-badge { all: unset; font-size: 50px; }
    `;
    document.head.append(style);
    try {
      const hostile = await shape();
      expect(hostile).to.deep.equal(clean);
      expect([hostile.direction, hostile.textTransform, hostile.fontStyle]).to.deep.equal(['ltr', 'none', 'normal']);
    } finally {
      style.remove();
    }
  });

  it('is themed by a page: --kith-loyalty-* properties, ::part() (the form’s parts too), reduced motion, forced colours', async () => {
    const member = await newMember(1180);
    const style = document.createElement('style');
    style.textContent = `
      .themed kith-loyalty-badge { --kith-loyalty-accent: rgb(0, 100, 0); --kith-loyalty-emblem-color: rgb(120, 0, 120); }
      .themed kith-loyalty-badge::part(balance) { color: rgb(1, 2, 3); }
      .themed kith-loyalty-badge::part(redeem-button) { background-color: rgb(4, 5, 6); }
    `;
    document.head.append(style);
    try {
      const holder = await fixture<HTMLElement>(html`<div class="themed"><kith-loyalty-badge .client=${clientWith(member.token)} customer-id=${member.id}></kith-loyalty-badge></div>`);
      const el = holder.querySelector('kith-loyalty-badge') as KithLoyaltyBadge;
      await until(el, 'ready');
      const form = await redeemForm(el);
      expect(getComputedStyle(part(el, 'tier') as HTMLElement).color).to.equal('rgb(0, 100, 0)');
      expect(getComputedStyle(part(el, 'progress-fill') as HTMLElement).backgroundColor).to.equal('rgb(0, 100, 0)');
      expect(getComputedStyle(part(el, 'emblem') as HTMLElement).color).to.equal('rgb(120, 0, 120)');
      expect(getComputedStyle(part(el, 'balance') as HTMLElement).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(part(form, 'redeem-button') as HTMLElement).backgroundColor).to.equal('rgb(4, 5, 6)');
    } finally {
      style.remove();
    }
    // Forced colours (and, in Firefox, reduced motion) cannot be emulated: the rules are checked, then what can be emulated.
    expect(mediaRule('forced-colors: active')).to.match(/\.fill\s*\{[^}]*forced-color-adjust: none/);
    expect(mediaRule('prefers-reduced-motion: reduce')).to.match(/\.fill[^{]*\{\s*transition: none/);
    if (await emulated({ reducedMotion: 'reduce' })) {
      try {
        const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(member.token)} customer-id=${member.id}></kith-loyalty-badge>`);
        await until(el, 'ready');
        await el.updateComplete;
        expect(getComputedStyle(part(el, 'progress-fill') as HTMLElement).transitionDuration).to.equal('0s');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    }
  });

  it('follows prefers-color-scheme: dark by default', async function () {
    if (!(await emulated({ colorScheme: 'dark' }))) this.skip();
    try {
      const el = await fixture<KithLoyaltyBadge>(html`<kith-loyalty-badge .client=${clientWith(null)}></kith-loyalty-badge>`);
      expect(getComputedStyle(part(el, 'base') as HTMLElement).backgroundColor).to.equal('rgb(28, 33, 40)');
      await expect(el).to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});

describe('parsePoints and tierProgress', () => {
  it('reads whole points typed, IME full-width digits and thousands commas included', () => {
    expect(['200', ' 1,000 ', '１２０', '1，000'].map(parsePoints)).to.deep.equal([200, 1000, 120, 1000]);
    expect(['', '0', '-5', '2.5', 'ten', '1e3', '99999999999'].map(parsePoints)).to.deep.equal([null, null, null, null, null, null, null]);
  });

  it('measures progress back from the next threshold by the server’s points needed', () => {
    const [member, silver, gold] = program.tiers;
    if (!member || !silver || !gold) throw new Error('the demo program has at least three tiers');
    const account = { customerId: UNKNOWN_ID, programId: program.id, balance: 100, lifetimePoints: 1180, tierId: silver.id, tierExpiresAt: null };
    expect(tierProgress({ ...account, nextTier: { tierId: gold.id, name: gold.name, pointsNeeded: 320 } }, program)).to.deep.equal({
      next: gold.name, pointsNeeded: 320, min: silver.threshold, max: gold.threshold, now: gold.threshold - 320,
      fraction: (gold.threshold - 320 - silver.threshold) / (gold.threshold - silver.threshold),
    });
    expect(tierProgress({ ...account, nextTier: null }, program)).to.equal(null);
  });
});

describe('define("kith-loyalty-badge") twice', () => {
  it('does not throw', () => {
    expect(() => define('kith-loyalty-badge', class extends KithLoyaltyBadge {})).not.to.throw();
    expect(customElements.get('kith-loyalty-badge')).to.equal(KithLoyaltyBadge);
  });
});
