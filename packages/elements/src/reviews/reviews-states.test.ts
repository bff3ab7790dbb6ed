import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { closedUrl, faultProxy, serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithErrorEvent } from '../events/kith-error.js';
import type { KithReviews } from './reviews.js';
import { clientFor, part, parts, SNEAKERS, text, until } from './reviews.test-support.js';

let server: KithServerInfo;

describe('<kith-reviews> states', () => {
  before(async () => {
    server = await serverInfo();
  });

  it('loading: placeholders hidden from assistive technology, "Loading reviews…" for screen readers, busy', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The real server, answered once the test has looked at the loading state.
    const held: typeof fetch = async (input, init) => {
      if (!String(input).includes('/v1/events')) await gate;
      return fetch(input, init);
    };
    const el = await fixture<KithReviews>(html`<kith-reviews .client=${clientFor(server, { fetch: held })} product=${SNEAKERS} locale="en-US"></kith-reviews>`);
    try {
      expect(el.status).to.equal('loading');
      expect(parts(el, 'skeleton').length).to.be.greaterThan(0);
      expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
      expect(text(el, 'status')).to.equal('Loading reviews…');
      await expectAccessible(el);
    } finally {
      release();
    }
    await until(el, 'ready');
    expect(parts(el, 'skeleton').length).to.equal(0);
  });

  it('not found: an unknown product says so and fires kith-error', async () => {
    const el = document.createElement('kith-reviews');
    el.client = clientFor(server);
    el.locale = 'en-US';
    const errors: KithErrorEvent[] = [];
    el.addEventListener('kith-error', (event) => errors.push(event));
    el.product = UNKNOWN_ID;
    (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
    await until(el, 'not_found');
    expect(text(el, 'status')).to.equal('This product could not be found.');
    expect(errors.map((event) => event.detail.code)).to.include('not_found');
    await expectAccessible(el);
  });

  it('error: the server cannot be reached — a message and Retry, which reads again', async () => {
    const down = await fixture<KithReviews>(html`<kith-reviews base-url=${await closedUrl()} key=${server.publishableKey} product=${SNEAKERS} locale="en-US"></kith-reviews>`);
    await until(down, 'error');
    expect(text(down, 'status')).to.equal('The reviews could not be loaded: the server cannot be reached.');
    expect(text(down, 'retry-button')).to.equal('Retry');
    await expectAccessible(down);
    down.remove();

    const proxy = await faultProxy('down');
    try {
      const el = await fixture<KithReviews>(html`<kith-reviews .client=${clientFor(server, { baseUrl: proxy.url, retry: false })} product=${SNEAKERS} locale="en-US"></kith-reviews>`);
      await until(el, 'error');
      await faultProxy('pass');
      (part(el, 'retry-button') as HTMLButtonElement).click();
      await until(el, 'ready');
      expect(parts(el, 'review').length).to.be.greaterThan(0);
      expect(el.shadowRoot?.activeElement === part(el, 'base'), 'focus stays in the element').to.equal(true);
    } finally {
      await faultProxy('pass');
    }
  });

  it('offline: saved reviews stay with a notice and Retry', async () => {
    const proxy = await faultProxy('pass');
    const el = await fixture<KithReviews>(html`<kith-reviews .client=${clientFor(server, { baseUrl: proxy.url, retry: false })} product=${SNEAKERS} locale="en-US"></kith-reviews>`);
    try {
      await until(el, 'ready');
      const shown = parts(el, 'review').length;
      await faultProxy('down');
      el.retry();
      await until(el, 'offline');
      expect(el.error?.code).to.equal('network');
      expect(text(el, 'status')).to.equal('You are offline: showing saved reviews. They may be out of date.');
      expect(parts(el, 'review').length, 'the saved reviews stay').to.equal(shown);
      expect(text(el, 'retry-button')).to.equal('Retry');
      await expectAccessible(el);
      await faultProxy('pass');
      el.retry();
      await until(el, 'ready');
    } finally {
      await faultProxy('pass');
    }
  });

  it('says it is not connected without a client, and reads once a product and a client are given', async () => {
    const el = await fixture<KithReviews>(html`<kith-reviews locale="en-US"></kith-reviews>`);
    expect(el.status).to.equal('idle');
    expect(text(el, 'status')).to.contain('not connected');
    await expectAccessible(el);
    el.client = clientFor(server);
    el.product = SNEAKERS;
    await until(el, 'ready');
    await waitUntil(() => parts(el, 'review').length > 0, 'reviews shown');
  });
});
