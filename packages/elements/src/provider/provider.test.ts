import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { createClient } from '@kith/sdk';
import { serverInfo, tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import '../customer-card/customer-card.js';
import type { KithCustomerCard } from '../customer-card/customer-card.component.js';
import { KithProvider } from './provider.js';

const ready = (el: KithCustomerCard) =>
  waitUntil(() => el.status === 'ready', `the card never became ready (it is "${el.status}")`);
const name = (el: KithCustomerCard) => el.shadowRoot?.querySelector('[part="name"]')?.textContent?.trim();

describe('<kith-provider>', () => {
  let server: KithServerInfo;
  before(async () => {
    server = await serverInfo();
  });

  it('shares a client made from base-url, key and the token function with the cards inside it', async () => {
    let calls = 0;
    const staff = tokenSource({ kind: 'staff' });
    const token = () => (calls++, staff());
    const provider = await fixture<KithProvider>(html`
      <kith-provider base-url=${server.url} key=${server.publishableKey} .token=${token}>
        <section><kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card></section>
        <kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>
      </kith-provider>
    `);
    const cards = [...provider.querySelectorAll('kith-customer-card')];
    await Promise.all(cards.map(ready));
    expect(provider.sharedClient).to.not.equal(undefined);
    for (const card of cards) expect(name(card)).to.be.a('string').with.length.greaterThan(0);
    expect(calls).to.be.within(1, 2);
    expect(provider.hasAttribute('token'), 'the token is never an attribute').to.equal(false);
    await expect(provider).to.be.accessible();
  });

  it('without a token its cards say a staff sign-in is needed; setting .token later loads them', async () => {
    const provider = await fixture<KithProvider>(html`
      <kith-provider base-url=${server.url} key=${server.publishableKey}>
        <kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>
      </kith-provider>
    `);
    const card = provider.querySelector('kith-customer-card') as KithCustomerCard;
    await waitUntil(() => card.status === 'not_authorized', `the card is "${card.status}"`);
    const before = provider.sharedClient;
    provider.token = tokenSource({ kind: 'staff' });
    await provider.updateComplete;
    expect(provider.sharedClient).to.not.equal(before);
    await ready(card);
  });

  it('reports a token that is not a function instead of throwing', async () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      const provider = await fixture<KithProvider>(html`<kith-provider base-url=${server.url} key=${server.publishableKey}></kith-provider>`);
      provider.token = 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln' as unknown as KithProvider['token'];
      await provider.updateComplete;
      expect(provider.sharedClient).to.equal(undefined);
      expect(provider.configurationError).to.match(/token must be a function/);
      expect(provider.configurationError).not.to.contain('eyJ');
    } finally {
      console.warn = warn;
    }
  });

  it('shares a client passed as the .client property', async () => {
    const client = createClient({ baseUrl: server.url, key: server.publishableKey, token: tokenSource({ kind: 'staff' }) });
    const provider = await fixture<KithProvider>(html`
      <kith-provider .client=${client}><kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card></kith-provider>
    `);
    expect(provider.sharedClient).to.equal(client);
    await ready(provider.querySelector('kith-customer-card') as KithCustomerCard);
  });

  it('reports bad attributes instead of throwing', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      const provider = await fixture<KithProvider>(html`<kith-provider base-url="/relative" key="pk_x"></kith-provider>`);
      expect(provider.sharedClient).to.equal(undefined);
      expect(provider.configurationError).to.match(/baseUrl/);
      expect(String(warnings[0]?.[0])).to.match(/kith-provider.*baseUrl/);
    } finally {
      console.warn = warn;
    }
  });

  it('reaches cards that upgraded before the provider did', async () => {
    // The drop-in loads chunks in any order: a card may upgrade inside a provider that is
    // still an unknown element. A fresh tag stands for the late provider here.
    const holder = await fixture<HTMLDivElement>(html`
      <div><kith-late-provider base-url=${server.url} key=${server.publishableKey} .token=${tokenSource({ kind: 'staff' })}>
        <kith-customer-card customer-id=${server.sampleCustomerId}></kith-customer-card>
      </kith-late-provider></div>
    `);
    const card = holder.querySelector('kith-customer-card') as KithCustomerCard;
    await card.updateComplete;
    expect(card.status).to.equal('idle');
    customElements.define('kith-late-provider', class extends KithProvider {});
    await ready(card);
  });
});
