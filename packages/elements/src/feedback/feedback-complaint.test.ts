import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { Complaint } from '@kith/schema';
import type { ClientOptions, KithClient } from '@kith/sdk';
import { serverInfo, tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithFeedbackSubmitEvent } from '../events/kith-feedback-submit.js';
import { announcement, clientFor, inside, offlineWrites, ownStorage, text, unique, writesFail } from './feedback.test-support.js';
import './feedback.js';
import type { KithFeedback } from './feedback.js';
import { DUE_FORMAT } from './feedback-complaint.js';

let server: KithServerInfo;
let staff: KithClient;

const field = (el: Element, name: string) => inside<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(el, `#complaint-${name}`);

/** A client with storage of its own (cache and outbox): tests do not see each other's. */
const clientWith = (options: Partial<ClientOptions> = {}): KithClient => clientFor(server, options);

/** A `<kith-feedback kind="complaint">`, 360 px wide, once its form (or receipt) shows. */
async function complaintForm(client: KithClient | undefined, locale = 'en-US', ready = '[part~="form"], [part~="receipt"]'): Promise<KithFeedback> {
  const el = await fixture<KithFeedback>(html`<kith-feedback .client=${client} kind="complaint" locale=${locale} style="width: 360px; display: block"></kith-feedback>`);
  await el.ready();
  await waitUntil(() => inside(el, ready) !== null, 'the complaint form never showed');
  return el;
}

/** Sets a field's value at once (a paste), as the browser reports it. */
function paste(el: KithFeedback, name: string, value: string): void {
  const target = field(el, name);
  if (!target) throw new Error(`no field ${name}`);
  target.value = value;
  target.dispatchEvent(new Event(target instanceof HTMLSelectElement ? 'change' : 'input'));
}

async function fill(el: KithFeedback, complaint: { subject: string; body?: string; name?: string; email?: string }): Promise<void> {
  paste(el, 'category', 'delivery');
  paste(el, 'subject', complaint.subject);
  paste(el, 'body', complaint.body ?? 'The parcel arrived crushed.');
  paste(el, 'name', complaint.name ?? 'Mei');
  paste(el, 'email', complaint.email ?? 'mei@shop.example');
  await el.updateComplete;
}

async function submit(el: KithFeedback): Promise<KithFeedbackSubmitEvent> {
  const submitted = oneEvent(el, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
  inside(el, '[part~="submit"]')?.click();
  return submitted;
}

/** The complaints the server holds with this subject (through the staff API). */
async function stored(subject: string): Promise<Complaint[]> {
  const page = await staff.feedback.list({ kind: 'complaint', limit: 100 });
  return page.items.filter((item): item is Complaint => item.kind === 'complaint' && item.subject === subject);
}

const due = (iso: string, locale = 'en-US') => new Intl.DateTimeFormat(locale, DUE_FORMAT).format(new Date(iso));

describe('<kith-feedback kind="complaint">', () => {
  before(async () => {
    // A server of its own: these writes do not count against the shared server's per-address write limit.
    server = await serverInfo({ isolated: true });
    staff = clientWith({ token: tokenSource({ kind: 'staff', scopes: ['feedback:read', 'feedback:moderate'] }), cache: false });
  });

  afterEach(() => localStorage.clear());

  it('is sent by keyboard alone, stored once, and promises an answer within 24 hours in the viewer’s time', async () => {
    const el = await complaintForm(clientWith());
    expect(text(el, '[part~="promise"]')).to.equal('We answer every complaint within 24 hours.');
    expect([...(field(el, 'category') as HTMLSelectElement).options].map((option) => option.value)).to.deep.equal(['', 'product', 'delivery', 'service', 'billing', 'other']);
    const form = inside(el, 'form');
    expect(form !== null && form.scrollWidth <= form.clientWidth, 'the form fits 360 px').to.equal(true);
    await expectAccessible(el);

    const subject = unique('Keyboard complaint');
    el.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.id).to.equal('complaint-category');
    await sendKeys({ type: 'Delivery' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: subject });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'The parcel arrived crushed.' });
    expect(text(el, '#complaint-body-hint')).to.equal('27 of 5000 characters');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.id, 'Tab reaches the contact choice').to.equal('complaint-by-email');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Mei Chen' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'mei@shop.example' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.id).to.equal('complaint-phone');
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.equal('submit');
    const submitted = oneEvent(el, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await submitted).detail).to.deep.equal({ kind: 'complaint', status: 'sent' });
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'complaint-receipt', 'the receipt never got focus');

    const complaints = await stored(subject);
    expect(complaints).to.have.length(1);
    const [complaint] = complaints;
    if (!complaint) throw new Error('not stored');
    expect(complaint).to.deep.include({ category: 'delivery', body: 'The parcel arrived crushed.', status: 'open', customerId: null });
    expect(complaint.contact).to.deep.equal({ name: 'Mei Chen', email: 'mei@shop.example', phone: null });
    expect(Date.parse(complaint.dueAt) - Date.parse(complaint.createdAt)).to.equal(24 * 3_600_000);
    expect(text(el, '[part~="receipt"] h2')).to.equal('We have received your complaint.');
    expect(text(el, '[part~="receipt"] [part~="promise"]')).to.equal(`We answer within 24 hours: by ${due(complaint.dueAt)}.`);
    expect(text(el, '[part~="receipt"]')).to.contain('Our answer will reach you by the contact you gave.');
    expect(announcement(el)).to.equal('We have received your complaint.');
    await expectAccessible(el);

    inside(el, '[part~="another"]')?.click();
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'complaint-category', 'a new form never came');
    expect(field(el, 'subject')?.value).to.equal('');
  });

  it('says what to correct beside each field, and sends nothing until it is right', async () => {
    const el = await complaintForm(clientWith());
    let handedOver = false;
    el.addEventListener('kith-feedback-submit', () => (handedOver = true));
    inside(el, '[part~="submit"]')?.click();
    await waitUntil(() => el.shadowRoot?.activeElement?.id === 'complaint-category', 'the first problem never got focus');
    expect(announcement(el)).to.equal('Please correct 5 fields.');
    for (const name of ['category', 'subject', 'body', 'name', 'email']) {
      expect(text(el, `#complaint-${name}-message`), name).to.equal('Please fill this in.');
      expect(field(el, name)?.getAttribute('aria-invalid'), name).to.equal('true');
    }
    expect(text(el, '#complaint-phone-message')).to.equal('');
    await expectAccessible(el);

    // Answer by phone: the phone is required now, the e-mail optional, and each is checked.
    inside<HTMLInputElement>(el, '#complaint-by-phone')?.click();
    await el.updateComplete;
    expect(text(el, 'label[for="complaint-email"]')).to.equal('E-mail (optional)');
    paste(el, 'email', 'not an address');
    paste(el, 'phone', 'call me');
    inside(el, '[part~="submit"]')?.click();
    await el.updateComplete;
    expect(text(el, '#complaint-email-message')).to.equal('Enter an e-mail address like name@example.com.');
    expect(text(el, '#complaint-phone-message')).to.equal('Enter a phone number (4 to 15 digits).');
    paste(el, 'subject', 'x'.repeat(151));
    await el.updateComplete;
    expect(text(el, '#complaint-subject-message'), 'too long shows while typing').to.equal('At most 150 characters: please shorten it.');
    expect(handedOver, 'nothing was handed over').to.equal(false);
    await expectAccessible(el);
  });

  it('keeps the draft across a reload until it is sent', async () => {
    const client = clientWith();
    const first = await complaintForm(client);
    const subject = unique('Draft complaint');
    await fill(first, { subject, body: 'Half written…' });
    first.remove();

    const again = await complaintForm(client);
    expect(text(again, '[part~="notice"]')).to.equal('We kept what you wrote earlier.');
    expect(field(again, 'category')?.value).to.equal('delivery');
    expect(field(again, 'subject')?.value).to.equal(subject);
    expect(field(again, 'body')?.value).to.equal('Half written…');
    expect((await submit(again)).detail.status).to.equal('sent');
    expect(await stored(subject)).to.have.length(1);
    again.remove();

    const third = await complaintForm(client);
    expect(inside(third, '[part~="notice"]') === null, 'a sent complaint leaves no draft').to.equal(true);
    expect(field(third, 'subject')?.value).to.equal('');
  });

  it('offline: "saved", kept across a reload, delivered exactly once when back online', async function () {
    this.timeout(40_000);
    const network = offlineWrites();
    const storage = ownStorage();
    // The first page stays offline for good: after the "reload" only the second page may deliver.
    const el = await complaintForm(clientWith({ ...storage, fetch: writesFail }));
    const subject = unique('Offline complaint');
    await fill(el, { subject });
    expect((await submit(el)).detail.status).to.equal('queued');
    await el.updateComplete;
    expect(text(el, '[part~="receipt"] h2')).to.equal('Saved — we’ll send it when you’re back online.');
    expect(text(el, '[part~="receipt"] [part~="promise"]')).to.equal('We answer within 24 hours of receiving it.');
    await expectAccessible(el);
    el.remove();

    const again = await complaintForm(clientWith({ ...storage, fetch: network.fetch }), 'en-US', '[part~="receipt"]');
    expect(text(again, '[part~="receipt"] h2')).to.match(/^Saved/);
    expect(await stored(subject)).to.have.length(0);

    network.online();
    const delivered = oneEvent(again, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
    window.dispatchEvent(new Event('online'));
    expect((await delivered).detail.status).to.equal('sent');
    await waitUntil(() => text(again, '[part~="receipt"] h2') === 'We have received your complaint.', 'the receipt never came');
    const complaints = await stored(subject);
    expect(complaints).to.have.length(1);
    expect(text(again, '[part~="promise"]')).to.equal(`We answer within 24 hours: by ${due(complaints[0]?.dueAt ?? '')}.`);
  });

  it('with a customer token, the shop’s answer reaches the shopper’s view live', async function () {
    this.timeout(30_000);
    const client = clientWith({ token: tokenSource({ kind: 'customer' }) });
    const el = await complaintForm(client);
    const subject = unique('Customer complaint');
    await fill(el, { subject });
    expect((await submit(el)).detail.status).to.equal('sent');
    await waitUntil(() => text(el, '[part~="status-value"]') === 'Status: Received', 'the status never showed');
    const [complaint] = await stored(subject);
    if (!complaint) throw new Error('not stored');
    expect(complaint.customerId).to.equal(server.sampleCustomerId);
    expect(text(el, '[part~="promise"]')).to.equal(`We answer within 24 hours: by ${due(complaint.dueAt)}.`);
    await expectAccessible(el);

    // The element's stream carries customer:<id>; wait until it is open so the event is not missed.
    let open = false;
    const stop = client.live.subscribe([`customer:${server.sampleCustomerId}`], () => undefined, { onStatus: (status) => (open ||= status === 'open') });
    await waitUntil(() => open, 'the live stream never opened');
    const answer = await staff.feedback.reply(complaint.id, { body: 'A new parcel is on its way.' });
    expect(answer.status).to.equal('sent');
    await waitUntil(() => text(el, '[part~="status-value"]') === 'Status: Answered', 'the answer never reached the shopper', { timeout: 20_000 });
    expect(text(el, '[part~="answered"]')).to.match(/^Answered on /);
    expect(text(el, '[part~="answer"] figcaption')).to.equal('Our answer');
    expect(text(el, '[part~="answer"] blockquote')).to.equal('A new parcel is on its way.');
    expect(announcement(el)).to.equal('Status: Answered');
    await expectAccessible(el);
    stop();
    el.remove();

    // A later page follows the same complaint until the shopper writes another one.
    const later = await complaintForm(client, 'en-US', '[part~="receipt"]');
    await waitUntil(() => text(later, '[part~="status-value"]') === 'Status: Answered', 'a later page lost the complaint');
    await waitUntil(() => text(later, '[part~="answer"] blockquote') === 'A new parcel is on its way.', 'a later page lost the answer');
    expect(text(later, '[part~="promise"]')).to.equal(`We answer within 24 hours: by ${due(complaint.dueAt)}.`);
    inside(later, '[part~="another"]')?.click();
    await waitUntil(() => inside(later, '[part~="form"]') !== null, 'a new form never came');
  });

  it('a refused complaint comes back with its text to fix; the corrected one is stored once', async () => {
    const client = clientWith();
    const el = await complaintForm(client);
    const subject = unique('Refused complaint');
    // The form's check is loose; the server's e-mail check refuses a one-letter top-level domain.
    await fill(el, { subject, email: 'me@shop.x' });
    expect((await submit(el)).detail.status).to.equal('failed');
    await el.updateComplete;
    expect(text(el, '[part~="notice"]')).to.match(/^Your complaint was not accepted: /);
    expect(text(el, '#complaint-email-message')).to.not.equal('');
    expect(field(el, 'subject')?.value).to.equal(subject);
    await expectAccessible(el);

    paste(el, 'email', 'me@shop.example');
    expect((await submit(el)).detail.status).to.equal('sent');
    const complaints = await stored(subject);
    expect(complaints).to.have.length(1);
    expect(complaints[0]?.contact.email).to.equal('me@shop.example');
    expect(client.outbox.entries, 'the refused entry was replaced, not kept').to.have.length(0);
  });

  for (const [locale, heading, category] of [
    ['zh-CN', '告诉我们出了什么问题', '配送'],
    ['zh-TW', '告訴我們出了什麼問題', '配送'],
    ['en-GB', 'Tell us what went wrong', 'Delivery'],
  ] as const) {
    it(`speaks ${locale}`, async () => {
      const el = await complaintForm(clientWith(), locale);
      await waitUntil(() => text(el, 'h2') === heading, `the ${locale} texts never came`);
      expect(text(el, 'option[value="delivery"]')).to.equal(category);
      await expectAccessible(el);
    });
  }

  it('is accessible in the dark theme, the form and the receipt', async () => {
    const el = await complaintForm(clientWith());
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    await expectAccessible(el);
    await fill(el, { subject: unique('Dark complaint') });
    expect((await submit(el)).detail.status).to.equal('sent');
    await el.updateComplete;
    await expectAccessible(el);
  });

  it('without a key says it is not set up, and sends nothing', async () => {
    const el = await complaintForm(undefined);
    expect(text(el, '[part~="notice"]')).to.equal('This form is not set up yet (it needs a key).');
    await fill(el, { subject: unique('Unconfigured complaint') });
    let handedOver = false;
    el.addEventListener('kith-feedback-submit', () => (handedOver = true));
    inside(el, '[part~="submit"]')?.click();
    await el.updateComplete;
    expect(announcement(el)).to.equal('This form is not set up yet (it needs a key).');
    expect(handedOver).to.equal(false);
    await expectAccessible(el);
  });

  it('what a shopper types stays text', async () => {
    const el = await complaintForm(clientWith());
    const hostile = `<img src=x onerror="window.__kithComplaintHacked=1"> ${crypto.randomUUID().slice(0, 8)}`;
    await fill(el, { subject: hostile, body: hostile, name: hostile });
    expect((await submit(el)).detail.status).to.equal('sent');
    expect(inside(el, 'img') === null).to.equal(true);
    expect((window as { __kithComplaintHacked?: number }).__kithComplaintHacked).to.equal(undefined);
    const [complaint] = await stored(hostile);
    expect(complaint?.body).to.equal(hostile);
  });
});
