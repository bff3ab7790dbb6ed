// End to end: <kith-customer-card> (from @kith/elements, through @kith/sdk) against a real
// @kith/server, including the server going away and coming back.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createClient, type Customer } from '@kith/sdk';
import '@kith/elements/customer-card.js';
import '@kith/elements/provider.js';
import type { KithCustomerCard } from '@kith/elements';
import { mintToken, serverInfo, startServer, stopServer, type KithServerInfo } from './support/server-commands.js';

const until = (el: KithCustomerCard, status: KithCustomerCard['status']) =>
  waitUntil(() => el.status === status, `the card never reached "${status}" (it is "${el.status}")`, { timeout: 15_000 });
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

  it('shows the error state while the server is down, and the data after Retry once it is back', async function () {
    this.timeout(60_000);
    await stopServer();
    const el = await card();
    await until(el, 'error');
    await el.updateComplete;
    expect(el.error?.code).to.equal('network');
    expect(part(el, 'retry-button')).to.not.equal(null);
    await expect(el).to.be.accessible();

    await startServer();
    part(el, 'retry-button')?.focus();
    await sendKeys({ press: 'Enter' });
    await until(el, 'ready');
    await el.updateComplete;
    expect(part(el, 'name')?.textContent?.trim()).to.equal(sample.name);
  });
});
