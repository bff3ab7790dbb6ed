import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { ClientOptions, KithClient } from '@kith/sdk';
import { serverInfo, tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithFeedbackSubmitEvent } from '../events/kith-feedback-submit.js';
import { squash } from '../../../../test/support/dom.js';
import { announcement, clientFor, inside, offlineWrites, ownStorage, text, unique } from './feedback.test-support.js';
import './feedback.js';
import type { KithFeedback } from './feedback.js';

let server: KithServerInfo;
let moderator: KithClient;

const input = (el: Element, name: string) => inside<HTMLInputElement | HTMLTextAreaElement>(el, `[name="${name}"]`);

/** A client with storage of its own (cache and outbox): tests do not see each other's. */
const clientWith = (options: Partial<ClientOptions> = {}): KithClient => clientFor(server, options);

async function form(client: KithClient | undefined, product: string, locale = 'en-US'): Promise<KithFeedback> {
  const el = await fixture<KithFeedback>(html`<kith-feedback .client=${client} product=${product} locale=${locale} style="width: 360px"></kith-feedback>`);
  await el.ready();
  return el;
}

/** Sets a field's value at once (a paste), as the browser reports it. */
function paste(el: KithFeedback, name: string, value: string): void {
  const field = input(el, name) ?? inside<HTMLInputElement>(el, `input[name="${name}"]`);
  if (!field) throw new Error(`no field ${name}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

/** Types into a field as a person would: focus, then keys. */
async function typeInto(el: KithFeedback, name: string, value: string): Promise<void> {
  input(el, name)?.focus();
  await sendKeys({ type: value });
}

async function fill(el: KithFeedback, review: { rating: number; title: string; body?: string; name?: string; email?: string }): Promise<void> {
  inside<HTMLInputElement>(el, `#star-${review.rating}`)?.click();
  await typeInto(el, 'title', review.title);
  await typeInto(el, 'body', review.body ?? 'Fits well, good fabric.');
  await typeInto(el, 'authorName', review.name ?? 'Mei');
  if (review.email) await typeInto(el, 'email', review.email);
}

async function submit(el: KithFeedback): Promise<KithFeedbackSubmitEvent> {
  const submitted = oneEvent(el, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
  inside(el, '[part~="submit"]')?.click();
  return submitted;
}

/** The reviews of the sample product the server holds with this title (through the staff API). */
async function stored(title: string) {
  const page = await moderator.feedback.list({ kind: 'review', productId: server.sampleProductId, limit: 100 });
  return page.items.filter((item) => item.kind === 'review' && item.title === title);
}

describe('<kith-feedback kind="review">', () => {
  before(async () => {
    server = await serverInfo({ isolated: true });
    moderator = clientWith({ token: tokenSource({ kind: 'staff', scopes: ['feedback:read', 'feedback:moderate'] }), cache: false });
  });

  afterEach(() => localStorage.clear());

  it('is a labelled radio group of stars, then the fields, with counters', async () => {
    const el = await form(clientWith(), server.sampleProductId);
    const group = inside(el, 'fieldset[part~="rating"]');
    expect(squash(group?.querySelector('legend')?.textContent)).to.equal('Rating');
    const radios = [...(group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
    expect(radios.map((radio) => squash(inside(el, `label[for="${radio.id}"]`)?.textContent))).to.deep.equal(['★1 star', '★2 stars', '★3 stars', '★4 stars', '★5 stars']);
    expect(radios.every((radio) => radio.name === 'rating')).to.equal(true);
    expect(text(el, '#title-hint')).to.equal('0 of 150 characters');
    await typeInto(el, 'title', 'Great coat');
    expect(text(el, '#title-hint')).to.equal('10 of 150 characters');
    expect(text(el, '#body-hint')).to.equal('0 of 5000 characters');
    await expectAccessible(el);
  });

  it('is sent by keyboard alone: arrows choose the stars, Enter sends; the thanks get focus', async () => {
    const el = await form(clientWith(), server.sampleProductSku);
    const shownAt = performance.now();
    const title = unique('Keyboard review');
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.id, 'Tab enters the star group').to.equal('star-1');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    const chosen = inside<HTMLInputElement>(el, 'input[name="rating"]:checked');
    expect(chosen?.value).to.equal('4');
    await el.updateComplete;
    expect(inside(el, 'label[for="star-4"]')?.classList.contains('chosen')).to.equal(true);
    expect(inside(el, 'label[for="star-5"]')?.classList.contains('chosen')).to.equal(false);
    for (const value of [title, 'Warm and well made.', 'Keyboard Kim']) {
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: value });
    }
    await sendKeys({ press: 'Tab' }); // the optional e-mail, left empty
    await sendKeys({ press: 'Tab' }); // the honeypot is not in the tab order: the button is next
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.equal('submit');
    // A person takes longer than the server's minimum fill time (3 s); a faster form is taken for a bot's.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3_200 - (performance.now() - shownAt))));
    const submitted = oneEvent(el, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await submitted).detail).to.deep.equal({ kind: 'review', product: server.sampleProductSku, status: 'sent' });
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'receipt-heading', 'the thanks never got focus');
    expect(text(el, '[part~="receipt"]')).to.equal('Thank you for your review! It will appear once the shop has checked it.');
    expect(announcement(el)).to.equal('Thank you for your review!');
    const reviews = await stored(title);
    expect(reviews).to.have.length(1);
    expect(reviews[0]).to.include({ rating: 4, body: 'Warm and well made.', authorName: 'Keyboard Kim', status: 'pending', language: 'en-US' });
    await expectAccessible(el);
  });

  it('says beside each field what to correct, focuses the first, and sends nothing', async () => {
    const el = await form(clientWith(), server.sampleProductId);
    let handedOver = false;
    el.addEventListener('kith-feedback-submit', () => (handedOver = true));
    inside(el, '[part~="submit"]')?.click();
    await el.updateComplete;
    expect(text(el, '#rating-message')).to.equal('Choose from 1 to 5 stars.');
    expect(text(el, '#title-message')).to.equal('Please fill this in.');
    expect(text(el, '#body-message')).to.equal('Please fill this in.');
    expect(text(el, '#authorName-message')).to.equal('Please fill this in.');
    expect(text(el, '#email-message')).to.equal('');
    expect(input(el, 'title')?.getAttribute('aria-invalid')).to.equal('true');
    expect(input(el, 'title')?.getAttribute('aria-describedby')).to.equal('title-hint title-message');
    expect(announcement(el)).to.equal('Please correct 4 fields.');
    expect(el.shadowRoot?.activeElement?.id).to.equal('star-1');
    await expectAccessible(el);

    // Fixed fields clear their message; a field over its limit says so while typing, and keeps every character.
    inside<HTMLInputElement>(el, '#star-5')?.click();
    const long = 'x'.repeat(151);
    paste(el, 'title', long);
    await typeInto(el, 'email', 'not an address');
    await el.updateComplete;
    expect(text(el, '#rating-message')).to.equal('');
    expect(text(el, '#title-message')).to.equal('At most 150 characters: please shorten it.');
    expect(text(el, '#title-hint')).to.equal('151 of 150 characters');
    expect(input(el, 'title')?.value).to.equal(long);
    inside(el, '[part~="submit"]')?.click();
    await el.updateComplete;
    expect(text(el, '#email-message')).to.equal('This does not look like an e-mail address.');
    expect(inside(el, '[part~="receipt"]') === null).to.equal(true);
    expect(handedOver, 'nothing was handed over').to.equal(false);
    await expectAccessible(el);
  });

  it('keeps the draft across a reload until it is sent', async () => {
    const client = clientWith();
    const first = await form(client, server.sampleProductId);
    const title = unique('Draft review');
    await fill(first, { rating: 3, title, body: 'Half written…', name: 'Ana' });
    first.remove();

    const again = await form(client, server.sampleProductId);
    expect(text(again, '[part~="notice"]')).to.equal('Your unsent review was restored.');
    expect(input(again, 'title')?.value).to.equal(title);
    expect(input(again, 'body')?.value).to.equal('Half written…');
    expect(inside<HTMLInputElement>(again, '#star-3')?.checked).to.equal(true);
    expect((await submit(again)).detail.status).to.equal('sent');
    again.remove();

    const third = await form(client, server.sampleProductId);
    expect(inside(third, '[part~="notice"]') === null, 'a sent review leaves no draft').to.equal(true);
    expect(input(third, 'title')?.value).to.equal('');
  });

  it('offline: "saved", kept across a reload, delivered exactly once when back online', async function () {
    this.timeout(40_000);
    const network = offlineWrites();
    const storage = ownStorage();
    const el = await form(clientWith({ ...storage, fetch: network.fetch }), server.sampleProductId);
    const title = unique('Offline review');
    await fill(el, { rating: 5, title });
    expect((await submit(el)).detail.status).to.equal('queued');
    await el.updateComplete;
    expect(text(el, '[part~="receipt"] h2')).to.equal('Saved — we’ll send it when you’re back online.');
    await expectAccessible(el);
    el.remove();

    // A reload: a new client on the same storage; the form follows the kept review.
    const second = clientWith({ ...storage, fetch: network.fetch });
    const again = await form(second, server.sampleProductId);
    await waitUntil(() => text(again, '[part~="receipt"] h2').startsWith('Saved'), 'the kept review is not shown after a reload');
    expect(await stored(title)).to.have.length(0);

    network.online();
    const delivered = oneEvent(again, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
    window.dispatchEvent(new Event('online'));
    expect((await delivered).detail.status).to.equal('sent');
    await waitUntil(() => text(again, '[part~="receipt"] h2') === 'Thank you for your review!', 'the thanks never came');
    expect(await stored(title)).to.have.length(1);
  });

  it('a refused review comes back with its text to fix; the corrected one is stored once', async () => {
    const client = clientWith();
    const el = await form(client, server.sampleProductId);
    const title = unique('Refused review');
    // The form's check is loose; the server's e-mail check refuses a one-letter top-level domain.
    await fill(el, { rating: 2, title, body: 'Seams came apart.', email: 'me@shop.x' });
    expect((await submit(el)).detail.status).to.equal('failed');
    await el.updateComplete;
    expect(text(el, '[part~="notice"]')).to.match(/^Your review was not accepted: the request was not valid\. What you wrote is kept/);
    expect(text(el, '#email-message')).to.not.equal('');
    expect(input(el, 'title')?.value).to.equal(title);
    expect(input(el, 'body')?.value).to.equal('Seams came apart.');
    await expectAccessible(el);

    paste(el, 'email', '');
    await typeInto(el, 'email', 'me@shop.example');
    expect((await submit(el)).detail.status).to.equal('sent');
    const reviews = await stored(title);
    expect(reviews).to.have.length(1);
    expect(reviews[0]).to.include({ rating: 2, email: 'me@shop.example' });
    expect(client.outbox.entries, 'the refused entry was replaced, not kept').to.have.length(0);
  });

  it('marks a shopper whose token proves the purchase as a verified buyer', async () => {
    const shopper = clientWith({ token: tokenSource({ kind: 'customer' }) });
    const el = await form(shopper, server.purchasedProductId);
    await fill(el, { rating: 5, title: unique('Verified review') });
    expect((await submit(el)).detail.status).to.equal('sent');
    await el.updateComplete;
    expect(text(el, '[part~="verified"]')).to.equal('✓ Verified buyer');
  });

  it('sends the honeypot: a filled one lands the review rejected, unseen by the shopper', async () => {
    const el = await form(clientWith(), server.sampleProductId);
    const title = unique('Bot review');
    await fill(el, { rating: 1, title });
    const trap = inside<HTMLInputElement>(el, 'input[name="website"]');
    expect(trap?.tabIndex).to.equal(-1);
    expect(trap?.closest('[aria-hidden="true"]') !== null).to.equal(true);
    paste(el, 'website', 'http://spam.example');
    expect((await submit(el)).detail.status).to.equal('sent');
    expect(text(el, '[part~="receipt"] h2')).to.equal('Thank you for your review!');
    expect((await stored(title))[0]).to.include({ status: 'rejected' });
  });

  it('without a product or a key it says it is not set up, and keeps what was typed', async () => {
    const el = await fixture<KithFeedback>(html`<kith-feedback product=${server.sampleProductId}></kith-feedback>`);
    await el.ready();
    await fill(el, { rating: 4, title: 'Nowhere to send' });
    expect((await submit(el)).detail.status).to.equal('failed');
    await el.updateComplete;
    expect(text(el, '[part~="notice"]')).to.equal('This review form is not set up yet (it needs a product and a key).');
    expect(input(el, 'title')?.value).to.equal('Nowhere to send');
    await expectAccessible(el);
  });

  it('an unknown kind says the form is not set up, and offers no form', async () => {
    const el = await fixture<KithFeedback>(html`<kith-feedback kind="poll" product=${server.sampleProductId}></kith-feedback>`);
    await el.ready();
    expect(text(el, '[part~="notice"]')).to.equal('This review form is not set up yet (it needs a product and a key).');
    expect(inside(el, 'form') === null).to.equal(true);
    await expectAccessible(el);
  });

  for (const [locale, legend, star, heading] of [
    ['zh-CN', '评分', '★3 星', '撰写评价'],
    ['zh-TW', '評分', '★3 星', '撰寫評價'],
    ['en-GB', 'Rating', '★3 stars', 'Write a review'],
  ] as const) {
    it(`speaks ${locale}`, async () => {
      const el = await form(clientWith(), server.sampleProductId, locale);
      await waitUntil(() => text(el, 'h2') === heading, `the ${locale} texts never came`);
      expect(text(el, 'legend')).to.equal(legend);
      expect(text(el, 'label[for="star-3"]')).to.equal(star);
      expect(inside(el, '.kith-root')?.getAttribute('lang')).to.equal(locale.startsWith('zh') ? (locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans') : 'en');
      await expectAccessible(el);
    });
  }

  it('what a shopper types stays text', async () => {
    const el = await form(clientWith(), server.sampleProductId);
    const hostile = '<img src=x onerror="window.__kithFormHacked=1">';
    await typeInto(el, 'title', hostile);
    await el.updateComplete;
    expect(inside(el, 'img') === null).to.equal(true);
    expect((window as { __kithFormHacked?: number }).__kithFormHacked).to.equal(undefined);
    expect(input(el, 'title')?.value).to.equal(hostile);
  });
});
