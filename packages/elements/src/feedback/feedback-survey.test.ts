import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { SurveyMetric } from '@kith/schema';
import type { ClientOptions, KithClient } from '@kith/sdk';
import { serverInfo, tokenSource, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import type { KithFeedbackDismissEvent, KithFeedbackDismissEventDetail } from '../events/kith-feedback-dismiss.js';
import type { KithFeedbackSubmitEvent, KithFeedbackSubmitEventDetail } from '../events/kith-feedback-submit.js';
import { announcement, clientFor, inside, text, unique } from './feedback.test-support.js';
import './feedback.js';
import type { KithFeedback } from './feedback.js';

// The events' details, checked by the compiler: a survey's submit names no product; a dismissal says until when.
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _submitDetail: Equal<KithFeedbackSubmitEventDetail, { kind: string; product?: string; status: 'sent' | 'queued' | 'failed' }> = true;
const _dismissDetail: Equal<KithFeedbackDismissEventDetail, { kind: string; until: string }> = true;
const _dismissMapped: Equal<GlobalEventHandlersEventMap['kith-feedback-dismiss'], KithFeedbackDismissEvent> = true;

let server: KithServerInfo;
let staff: KithClient;

const radios = (el: Element) => [...(el.shadowRoot?.querySelectorAll<HTMLInputElement>('input[name="score"]') ?? [])];
/** A radio's accessible name: its label's hidden text. */
const nameOf = (el: Element, radio: HTMLInputElement) => text(el, `label[for="${radio.id}"] .visually-hidden`);
/** The accessible names of the lowest and the highest score. */
const endNames = (el: Element) => {
  const options = radios(el);
  return [options[0], options.at(-1)].map((radio) => (radio ? nameOf(el, radio) : ''));
};

/** A client with storage of its own (cache and outbox): tests do not see each other's. */
const clientWith = (options: Partial<ClientOptions> = {}): KithClient => clientFor(server, options);

/** A `<kith-feedback>` asking a survey, 360 px wide. */
async function survey(client: KithClient | undefined, metric: SurveyMetric, locale = 'en-US'): Promise<KithFeedback> {
  const el = await fixture<KithFeedback>(html`<kith-feedback .client=${client} kind=${metric} locale=${locale} style="width: 360px; display: block"></kith-feedback>`);
  await el.ready();
  return el;
}

/** Waits until the survey's form (or another state's piece) is shown. */
async function shown(el: KithFeedback, selector = 'form[part~="form"]'): Promise<void> {
  await waitUntil(() => inside(el, selector) !== null, `${selector} never showed`);
}

/** Waits until the survey shows nothing on purpose, and says why. */
async function hiddenWhy(el: KithFeedback): Promise<string | undefined> {
  await waitUntil(() => inside(el, '.survey-hidden') !== null, 'the survey never settled on showing nothing');
  return inside(el, '.survey-hidden')?.dataset['why'];
}

async function submit(el: KithFeedback): Promise<KithFeedbackSubmitEvent> {
  const submitted = oneEvent(el, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
  inside(el, '[part~="submit"]')?.click();
  return submitted;
}

/** The survey answers the server holds with this comment (through the staff API). */
async function stored(comment: string) {
  const page = await staff.feedback.list({ kind: 'survey', limit: 100 });
  return page.items.filter((item) => item.kind === 'survey' && item.comment === comment);
}

/** A customer of this test alone (so their cap starts empty) and a client signed in as them. */
async function freshShopper(): Promise<KithClient> {
  const customer = await staff.customers.create({ kind: 'person', name: unique('Survey shopper') });
  return clientWith({ token: tokenSource({ kind: 'customer', subject: customer.id }) });
}

const SCALES = [
  { metric: 'nps', count: 11, low: '0 — Not at all likely', high: '10 — Extremely likely', arrows: 8, question: 'How likely are you to recommend us to a friend or colleague?' },
  { metric: 'csat', count: 5, low: '1 — Very dissatisfied', high: '5 — Very satisfied', arrows: 3, question: 'How satisfied are you with your experience?' },
  { metric: 'ces', count: 7, low: '1 — Very difficult', high: '7 — Very easy', arrows: 5, question: 'How easy was it to get what you needed?' },
] as const;

describe('<kith-feedback kind="nps|csat|ces">', () => {
  before(async () => {
    server = await serverInfo();
    staff = clientWith({ token: tokenSource({ kind: 'staff', scopes: ['feedback:read', 'customers:write'] }), cache: false });
  });

  afterEach(() => localStorage.clear());

  for (const scale of SCALES) {
    it(`${scale.metric}: a labelled scale with named ends, answered by keyboard alone and stored once`, async () => {
      const el = await survey(clientWith(), scale.metric);
      await shown(el);
      expect(text(el, 'legend')).to.equal(scale.question);
      const options = radios(el);
      expect(options).to.have.length(scale.count);
      expect(endNames(el)).to.deep.equal([scale.low, scale.high]);
      expect(options.every((radio) => radio.type === 'radio')).to.equal(true);
      expect(text(el, '#comment-hint')).to.equal('0 of 2000 characters');
      const row = inside(el, '.scale');
      expect(row !== null && row.scrollWidth <= row.clientWidth, 'the scale fits 360 px').to.equal(true);
      expect(options.every((radio) => (inside(el, `label[for="${radio.id}"]`)?.getBoundingClientRect().width ?? 0) >= 24), 'each score is at least 24 px wide').to.equal(true);
      await expectAccessible(el);

      const comment = unique(`Keyboard ${scale.metric}`);
      el.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot?.activeElement?.id, 'Tab enters the scale').to.equal(options[0]?.id);
      for (let i = 0; i < scale.arrows; i++) await sendKeys({ press: 'ArrowRight' });
      const score = Number(options[0]?.value) + scale.arrows;
      expect(inside<HTMLInputElement>(el, 'input[name="score"]:checked')?.value).to.equal(String(score));
      await el.updateComplete;
      expect(inside(el, `label[for="score-${score}"]`)?.classList.contains('chosen')).to.equal(true);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: comment });
      expect(text(el, '#comment-hint')).to.equal(`${comment.length} of 2000 characters`);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot?.activeElement?.getAttribute('part')).to.equal('submit');
      const submitted = oneEvent(el, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await submitted).detail).to.deep.equal({ kind: scale.metric, status: 'sent' });
      await waitUntil(() => el.shadowRoot?.activeElement?.id === 'survey-receipt', 'the thanks never got focus');
      expect(text(el, '[part~="receipt"]')).to.equal('Thank you for your answer!');
      expect(announcement(el)).to.equal('Thank you for your answer!');
      const answers = await stored(comment);
      expect(answers).to.have.length(1);
      expect(answers[0]).to.include({ metric: scale.metric, score });
      await expectAccessible(el);
      el.remove();

      // Answered: not asked again in this browser.
      const again = await survey(clientWith(), scale.metric);
      expect(await hiddenWhy(again)).to.equal('suppressed');
      expect(inside(again, 'form') === null && inside(again, '[part~="receipt"]') === null).to.equal(true);
    });
  }

  it('without a score it says what to choose, focuses the scale, and sends nothing', async () => {
    const el = await survey(clientWith(), 'csat');
    await shown(el);
    let handedOver = false;
    el.addEventListener('kith-feedback-submit', () => (handedOver = true));
    inside(el, '[part~="submit"]')?.click();
    await el.updateComplete;
    expect(text(el, '#score-message')).to.equal('Choose a score from 1 to 5.');
    expect(announcement(el)).to.equal('Choose a score from 1 to 5.');
    expect(el.shadowRoot?.activeElement?.id).to.equal('score-1');
    expect(handedOver).to.equal(false);
    await expectAccessible(el);
    inside<HTMLInputElement>(el, '#score-4')?.click();
    await el.updateComplete;
    expect(text(el, '#score-message')).to.equal('');
  });

  it("respects the server's frequency cap: not offered once answered, and a second answer is refused clearly", async function () {
    this.timeout(30_000);
    const shopper = await freshShopper();
    const first = await survey(shopper, 'nps');
    await shown(first);
    // Meanwhile the same customer answers elsewhere (another device): this form's answer is over the cap.
    const elsewhere = await shopper.feedback.create({ kind: 'survey', metric: 'nps', score: 9, comment: null });
    expect(elsewhere.status).to.equal('sent');
    inside<HTMLInputElement>(first, '#score-3')?.click();
    const refused = await submit(first);
    expect(refused.detail).to.deep.equal({ kind: 'nps', status: 'failed' });
    await waitUntil(() => text(first, '[part~="receipt"]') !== '', 'no answer to the refusal');
    expect(text(first, '[part~="receipt"]')).to.equal('You have already answered this survey recently. Thank you!');
    await expectAccessible(first);
    await waitUntil(() => shopper.outbox.entries.length === 0, 'the refused answer stays in the outbox');
    first.remove();

    // Another browser of the same customer (nothing remembered locally): the server says no, nothing shows.
    localStorage.clear();
    const second = await survey(shopper, 'nps');
    expect(await hiddenWhy(second)).to.equal('ineligible');
    expect(inside(second, 'form') === null).to.equal(true);
    await expectAccessible(second);
    // Each metric is capped on its own.
    const csat = await survey(shopper, 'csat');
    await shown(csat);
  });

  it('dismissed: hidden, said, remembered for 30 days across a re-create; another metric still shows', async () => {
    const el = await survey(clientWith(), 'ces');
    await shown(el);
    const dismissed = oneEvent(el, 'kith-feedback-dismiss') as Promise<KithFeedbackDismissEvent>;
    inside(el, '[part~="dismiss"]')?.click();
    const { detail } = await dismissed;
    expect(detail.kind).to.equal('ces');
    const days = (Date.parse(detail.until) - Date.now()) / 86_400_000;
    expect(days > 29.9 && days <= 30).to.equal(true);
    expect(await hiddenWhy(el)).to.equal('dismissed');
    expect(inside(el, 'form') === null).to.equal(true);
    expect(announcement(el)).to.equal('The survey was closed.');
    await expectAccessible(el);
    el.remove();

    const again = await survey(clientWith(), 'ces');
    expect(await hiddenWhy(again)).to.equal('suppressed');
    expect(inside(again, 'form') === null).to.equal(true);
    const other = await survey(clientWith(), 'nps');
    await shown(other);

    // A dismissal older than 30 days has run out: asked again.
    localStorage.setItem('kith:survey:ces', JSON.stringify({ reason: 'dismissed', at: Date.now() - 31 * 86_400_000 }));
    const later = await survey(clientWith(), 'ces');
    await shown(later);
  });

  it('loading, then an error with Retry, then the survey', async () => {
    let release: () => void = () => undefined;
    let failing = true;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const controlled: typeof fetch = async (resource, init) => {
      if (String(resource instanceof Request ? resource.url : resource).includes('/v1/surveys/eligibility')) {
        await gate;
        if (failing) return new Response(JSON.stringify({ error: { code: 'server', message: 'Boom' } }), { status: 500, headers: { 'content-type': 'application/json' } });
      }
      return fetch(resource, init);
    };
    const el = await survey(clientWith({ fetch: controlled }), 'csat');
    await shown(el, '.survey-state [part~="skeleton"]');
    expect(text(el, '[part~="status"]')).to.equal('Loading the survey…');
    await expectAccessible(el);
    release();
    await shown(el, '[part~="retry"]');
    expect(text(el, '[part~="status"]')).to.equal('The survey could not be loaded: the server had a problem.');
    await expectAccessible(el);
    failing = false;
    inside(el, '[part~="retry"]')?.click();
    await shown(el);
  });

  it('offline: the survey shows, the answer is kept ("saved"), then delivered once when back online', async function () {
    this.timeout(30_000);
    let offline = true;
    const faulty: typeof fetch = async (resource, init) => {
      if (offline) throw new TypeError('Failed to fetch');
      return fetch(resource, init);
    };
    const el = await survey(clientWith({ fetch: faulty }), 'nps');
    await shown(el);
    expect(text(el, 'form [part~="status"]')).to.equal('You are offline: your answer will be kept and sent when you are back online.');
    await expectAccessible(el);
    const comment = unique('Offline answer');
    inside<HTMLInputElement>(el, '#score-10')?.click();
    const field = inside<HTMLTextAreaElement>(el, '#comment');
    if (!field) throw new Error('no comment field');
    field.value = comment; // a paste
    field.dispatchEvent(new Event('input'));
    expect((await submit(el)).detail.status).to.equal('queued');
    await el.updateComplete;
    expect(text(el, '[part~="receipt"]')).to.equal('Saved — we’ll send it when you’re back online.');
    await expectAccessible(el);
    expect(await stored(comment)).to.have.length(0);

    offline = false;
    const delivered = oneEvent(el, 'kith-feedback-submit') as Promise<KithFeedbackSubmitEvent>;
    window.dispatchEvent(new Event('online'));
    expect((await delivered).detail).to.deep.equal({ kind: 'nps', status: 'sent' });
    await waitUntil(() => text(el, '[part~="receipt"]') === 'Thank you for your answer!', 'the thanks never came');
    expect(await stored(comment)).to.have.length(1);
  });

  it('what a shopper types stays text, on the page and on the server', async () => {
    const el = await survey(clientWith(), 'csat');
    await shown(el);
    const hostile = `<img src=x onerror="window.__kithSurveyHacked=1"> ${crypto.randomUUID().slice(0, 8)}`;
    inside<HTMLInputElement>(el, '#score-2')?.click();
    inside(el, '#comment')?.focus();
    await sendKeys({ type: hostile });
    await el.updateComplete;
    expect(inside(el, 'img') === null).to.equal(true);
    expect(inside<HTMLTextAreaElement>(el, '#comment')?.value).to.equal(hostile);
    expect((await submit(el)).detail.status).to.equal('sent');
    expect(inside(el, 'img') === null).to.equal(true);
    expect((window as { __kithSurveyHacked?: number }).__kithSurveyHacked).to.equal(undefined);
    expect(await stored(hostile)).to.have.length(1);
  });

  it('setting `kind` switches the survey and fires no event', async () => {
    const el = await survey(clientWith(), 'nps');
    await shown(el);
    const fired: string[] = [];
    el.addEventListener('kith-feedback-submit', () => fired.push('submit'));
    el.addEventListener('kith-feedback-dismiss', () => fired.push('dismiss'));
    el.kind = 'ces';
    await waitUntil(() => radios(el).length === 7, 'the ces scale never showed');
    expect(fired).to.deep.equal([]);
  });

  it('without a key it says it is not set up', async () => {
    const el = await survey(undefined, 'nps');
    await shown(el, '[part~="notice"]');
    expect(text(el, '[part~="notice"]')).to.equal('This survey is not set up yet (it needs a key).');
    await expectAccessible(el);
  });

  for (const [locale, heading, low, high] of [
    ['zh-CN', '一个小问题', '0 — 完全不可能', '10 — 非常可能'],
    ['zh-TW', '一個小問題', '0 — 完全不可能', '10 — 非常可能'],
    ['en-GB', 'A quick question', '0 — Not at all likely', '10 — Extremely likely'],
  ] as const) {
    it(`speaks ${locale}`, async () => {
      const el = await survey(clientWith(), 'nps', locale);
      await shown(el);
      await waitUntil(() => text(el, '#survey-heading') === heading, `the ${locale} texts never came`);
      expect(endNames(el)).to.deep.equal([low, high]);
      expect(inside(el, '.kith-root')?.getAttribute('lang')).to.equal(locale.startsWith('zh') ? (locale === 'zh-TW' ? 'zh-Hant' : 'zh-Hans') : 'en');
      await expectAccessible(el);
    });
  }
});
