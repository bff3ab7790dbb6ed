// End to end: <kith-customer-card> (from @kith/elements, through @kith/sdk) against a real
// @kith/server, including the server going away and coming back.
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from './support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Customer, type KithClient } from '@kith/sdk';
import '@kith/elements/customer-card.js';
import '@kith/elements/provider.js';
import type { KithCustomerCard } from '@kith/elements';
import { mintToken, serverInfo, startServer, stopServer, type KithServerInfo } from './support/server-commands.js';

async function until(el: KithCustomerCard, status: KithCustomerCard['status']): Promise<void> {
  await waitUntil(() => el.status === status, `the card never reached "${status}" (it is "${el.status}")`, { timeout: 15_000 });
  // With data on screen, a full card's details (a chunk of their own) may land just after it.
  if (status === 'ready' || status === 'stale' || status === 'offline') await el.localeReady();
}
/** Presses Retry from the keyboard and waits for the card to show fresh data. */
async function retryByKeyboard(el: KithCustomerCard): Promise<void> {
  part(el, 'retry-button')?.focus();
  await sendKeys({ press: 'Enter' });
  await until(el, 'ready');
}
const part = (el: KithCustomerCard, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;

describe('customer card end to end', () => {
  let server: KithServerInfo;
  let sample: Customer;
  // Minted once, while the server is up: the page's token comes from its own backend, which
  // stays up while the Kith server is down (the test stops only the Kith server).
  let staffToken: string;
  const token = () => staffToken;

  before(async function () {
    // This file's own server (per browser), so stopping it disturbs no other test file.
    // A fresh PGlite server needs several seconds, more while the other files run.
    this.timeout(90_000);
    server = await serverInfo({ isolated: true });
    staffToken = (await mintToken({ kind: 'staff' })).token;
    sample = await createClient({ baseUrl: server.url, key: server.publishableKey, token }).customers.get(server.sampleCustomerId);
  });

  after(async function () {
    this.timeout(60_000);
    await startServer();
  });

  // Inside a provider whose token function gives a staff token minted through this file's
  // server (POST /v1/tokens with the secret key, as the intranet's backend would).
  const card = async () => {
    const provider = await fixture<HTMLElement>(html`
      <kith-provider base-url=${server.url} key=${server.publishableKey} .token=${token}>
        <kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>
      </kith-provider>
    `);
    return provider.querySelector('kith-customer-card') as KithCustomerCard;
  };

  it('shows the sample customer from the real server', async () => {
    const el = await card();
    await until(el, 'ready');
    await el.updateComplete;
    expect(part(el, 'name')?.textContent?.trim()).to.equal(sample.name);
  });

  it('with nothing saved, shows the error state while the server is down, and the data after Retry once it is back', async function () {
    this.timeout(60_000);
    await stopServer();
    const el = await card();
    await until(el, 'error');
    await el.updateComplete;
    expect(el.error?.code).to.equal('network');
    expect(part(el, 'retry-button')).to.not.equal(null);
    await expect(el).to.be.accessible();

    await startServer();
    await retryByKeyboard(el);
    await el.updateComplete;
    expect(part(el, 'name')?.textContent?.trim()).to.equal(sample.name);
  });

  const standalone = async (client: KithClient) =>
    fixture<KithCustomerCard>(html`<kith-customer-card .client=${client} customer-id=${server.sampleCustomerId}></kith-customer-card>`);

  it('shows saved data with an offline notice while the server is down (single-page navigation), fresh data after Retry', async function () {
    this.timeout(60_000);
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token, cache: { name: `e2e-spa-${Date.now()}` } });
    const first = await standalone(client);
    await until(first, 'ready');
    first.remove(); // the page navigates away…

    await stopServer();
    const el = await standalone(client); // …and back: the same client, its memory cache warm
    expect(el.status, 'the saved customer is shown at once').to.equal('ready');
    await el.updateComplete;
    expect(part(el, 'name')?.textContent?.trim()).to.equal(sample.name);
    await until(el, 'offline');
    await el.updateComplete;
    expect(el.error?.code).to.equal('network');
    expect(part(el, 'name')?.textContent?.trim()).to.equal(sample.name);
    expect(part(el, 'status')?.textContent).to.contain('offline');
    expect(part(el, 'retry-button')).to.not.equal(null);
    await expect(el).to.be.accessible();

    await startServer();
    await retryByKeyboard(el);
    expect(el.error).to.equal(undefined);
  });

  it('a new page shows the customer saved in IndexedDB, with the offline notice, while the server is down', async function () {
    this.timeout(60_000);
    // Staff data is kept in memory only unless the page opts in; this page opts in.
    const cache = { name: `e2e-idb-${Date.now()}`, persistStaff: true };
    const earlier = createClient({ baseUrl: server.url, key: server.publishableKey, token, cache });
    await earlier.customers.get(server.sampleCustomerId);
    // The answer is written to IndexedDB after it is returned: wait until a new client can restore it.
    await waitUntil(async () => {
      const probe = createClient({ baseUrl: server.url, key: server.publishableKey, token, cache });
      const found = await new Promise<boolean>((resolve) => {
        const stop = probe.customers.get(server.sampleCustomerId).subscribe((state) => {
          if (state.source === 'storage' || state.source === 'network') {
            resolve(state.source === 'storage');
            queueMicrotask(() => stop());
          }
        });
      });
      probe.close();
      return found;
    }, 'the customer never reached IndexedDB', { timeout: 10_000 });
    earlier.close();

    await stopServer();
    const el = await standalone(createClient({ baseUrl: server.url, key: server.publishableKey, token, cache }));
    await until(el, 'offline');
    await el.updateComplete;
    expect(part(el, 'name')?.textContent?.trim()).to.equal(sample.name);
    expect(el.error?.code).to.equal('network');
    expect(part(el, 'status')?.textContent).to.contain('offline');
    await expect(el).to.be.accessible();
    await startServer();
  });
});
