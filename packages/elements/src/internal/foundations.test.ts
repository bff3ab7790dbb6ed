// The foundations every element shares, proven on <kith-customer-card> against the real server:
// the configuration chain, page settings (data block and `Kith`), the locale and theme chains,
// and the viewport-lazy start of the data controller.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { createClient, type KithClient } from '@kith/sdk';
import { mintToken, serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import '../customer-card/customer-card.js';
import '../provider/provider.js';
import type { KithCustomerCard } from '../customer-card/customer-card.component.js';
import type { KithProvider } from '../provider/provider.component.js';
import { Kith } from '../runtime.js';
import { SENT_COMPLAINT_KEY } from './page-settings.js';

async function until(el: KithCustomerCard, status: KithCustomerCard['status']): Promise<void> {
  await waitUntil(() => el.status === status, `the card never reached "${status}" (it is "${el.status}")`);
  // With data on screen, a full card's details (a chunk of their own) may land just after it.
  if (status === 'ready' || status === 'stale' || status === 'offline') await el.localeReady();
}
const text = (el: Element, name: string) => el.shadowRoot?.querySelector(`[part~="${name}"]`)?.textContent?.trim() ?? '';

/** A client whose reads of customers are counted, so a test can tell which link of the chain was used
 * (the card also reads its owner's name from the staff directory, and follows live events). */
function countingClient(server: KithServerInfo, token: () => string): { client: KithClient; calls: () => number } {
  let calls = 0;
  const fetcher: typeof fetch = (input, init) => {
    if (new URL(String(input)).pathname.startsWith('/v1/customers/')) calls++;
    return fetch(input, init);
  };
  return { client: createClient({ baseUrl: server.url, key: server.publishableKey, token, fetch: fetcher, cache: false }), calls: () => calls };
}

describe('element foundations', () => {
  let server: KithServerInfo;
  let staffToken = '';
  const token = () => staffToken;

  before(async () => {
    server = await serverInfo();
    staffToken = (await mintToken({ kind: 'staff' })).token;
  });

  afterEach(async () => {
    Kith.configure({ baseUrl: undefined, key: undefined, locale: undefined, theme: undefined });
    Kith.setToken(undefined);
    document.getElementById('kith-settings')?.remove();
  });

  describe('configuration chain: .client → provider → page settings → attributes', () => {
    it('each link wins over the ones after it', async () => {
      const own = countingClient(server, token);
      const provided = countingClient(server, token);
      Kith.configure({ baseUrl: server.url, key: server.publishableKey });
      Kith.setToken(token);
      const wrap = await fixture<KithProvider>(html`
        <kith-provider .client=${provided.client}>
          <kith-customer-card .client=${own.client} customer-id=${server.sampleCustomerId}></kith-customer-card>
          <kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>
        </kith-provider>
      `);
      const [first, second] = [...wrap.querySelectorAll('kith-customer-card')] as [KithCustomerCard, KithCustomerCard];
      await until(first, 'ready');
      await until(second, 'ready');
      expect(own.calls(), '.client is used by the card that has one').to.equal(1);
      expect(provided.calls(), 'the provider serves the card without .client').to.equal(1);

      // Outside a provider: the page settings, before the card's own attributes.
      const alone = await fixture<KithCustomerCard>(html`<kith-customer-card base-url="http://127.0.0.1:9" key="pk_attribute_key" customer-id=${server.sampleCustomerId}></kith-customer-card>`);
      // Below two full cards: it reads once it comes near the viewport.
      alone.scrollIntoView();
      await until(alone, 'ready');
      expect(text(alone, 'name')).to.not.equal('');
    });

    it('falls back to the card’s own base-url and key when the page has no settings', async () => {
      const el = await fixture<KithCustomerCard>(html`<kith-customer-card base-url=${server.url} key=${server.publishableKey} customer-id=${server.sampleCustomerId}></kith-customer-card>`);
      await until(el, 'not_authorized'); // a key alone reads no customer: the card's own client was used
    });

    it('reads the #kith-settings data block (JSON, not script), and Kith.setToken supplies the token', async () => {
      const block = document.createElement('script');
      block.type = 'application/json';
      block.id = 'kith-settings';
      block.textContent = JSON.stringify({ baseUrl: server.url, key: server.publishableKey, theme: 'dark', unknown: 1 });
      document.head.append(block);
      Kith.setToken(token);
      const el = await fixture<KithCustomerCard>(html`<kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>`);
      await until(el, 'ready');
    });
  });

  it('Kith.setLocale re-renders every element without its own locale; the provider’s locale comes first', async () => {
    Kith.configure({ baseUrl: server.url, key: server.publishableKey });
    Kith.setToken(token);
    const wrap = await fixture<HTMLElement>(html`
      <div lang="en">
        <kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>
        <kith-provider locale="zh-Hant" base-url=${server.url} key=${server.publishableKey} .token=${token}>
          <kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>
        </kith-provider>
      </div>
    `);
    const [plain, inProvider] = [...wrap.querySelectorAll('kith-customer-card')] as [KithCustomerCard, KithCustomerCard];
    await until(plain, 'ready');
    await until(inProvider, 'ready');
    await inProvider.localeReady();
    await inProvider.updateComplete;
    expect(text(inProvider, 'base') || inProvider.shadowRoot?.textContent).to.contain('累計消費');
    Kith.setLocale('zh-Hans');
    await plain.updateComplete;
    await plain.localeReady();
    await plain.updateComplete;
    expect(plain.shadowRoot?.textContent).to.contain('累计消费');
    expect(inProvider.shadowRoot?.textContent, 'the provider’s locale still wins').to.contain('累計消費');
  });

  it('Kith.setTheme themes elements without their own theme; theme="light" on one keeps it light', async () => {
    Kith.configure({ baseUrl: server.url, key: server.publishableKey });
    Kith.setToken(token);
    const wrap = await fixture<HTMLElement>(html`
      <div>
        <kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>
        <kith-customer-card theme="light" customer-id=${server.sampleCustomerId}></kith-customer-card>
      </div>
    `);
    const [follows, light] = [...wrap.querySelectorAll('kith-customer-card')] as [KithCustomerCard, KithCustomerCard];
    const background = (el: Element) => getComputedStyle(el.shadowRoot?.querySelector('[part~="base"]') as Element).backgroundColor;
    expect(background(follows), 'both light before').to.equal(background(light));
    Kith.setTheme('dark');
    await follows.updateComplete;
    expect(follows.getAttribute('data-kith-theme')).to.equal('dark');
    expect(light.hasAttribute('data-kith-theme')).to.equal(false);
    expect(background(follows)).to.not.equal(background(light));
    Kith.setTheme('auto');
    await follows.updateComplete;
    expect(follows.hasAttribute('data-kith-theme')).to.equal(false);
  });

  it('reads only when the element comes near the viewport', async () => {
    const { client, calls } = countingClient(server, token);
    const page = await fixture<HTMLElement>(html`
      <div style="height: 200px; overflow: auto">
        <div style="height: 5000px"></div>
        <kith-customer-card .client=${client} customer-id=${server.sampleCustomerId}></kith-customer-card>
      </div>
    `);
    const el = page.querySelector('kith-customer-card') as KithCustomerCard;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(calls(), 'far below the fold: nothing read').to.equal(0);
    expect(el.status).to.equal('loading');
    el.scrollIntoView();
    await until(el, 'ready');
    expect(calls()).to.equal(1);
  });

  it('Kith.reset clears the page client’s cached data and the elements read again', async () => {
    let signedIn = true;
    Kith.configure({ baseUrl: server.url, key: server.publishableKey });
    Kith.setToken(() => (signedIn ? staffToken : null));
    const el = await fixture<KithCustomerCard>(html`<kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>`);
    await until(el, 'ready');
    signedIn = false; // the page's backend signed the person out
    await Kith.reset();
    await until(el, 'not_authorized'); // read again, with the key alone: no customer data
  });

  it('Kith.reset forgets the complaint the signed-in shopper sent, also on a page without the form', async () => {
    const unrelated = 'kith:complaint-draft'; // an unsent draft stays for its author
    localStorage.setItem(SENT_COMPLAINT_KEY, JSON.stringify({ id: 'c1', customerId: 'someone' }));
    localStorage.setItem(unrelated, '{"subject":"kept"}');
    await Kith.reset();
    expect(localStorage.getItem(SENT_COMPLAINT_KEY)).to.equal(null);
    expect(localStorage.getItem(unrelated)).to.equal('{"subject":"kept"}');
    localStorage.removeItem(unrelated);
  });
});
