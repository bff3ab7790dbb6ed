import { expect } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import type { KithClient } from '@kith/sdk';
import type { KithErrorEvent } from '../events/kith-error.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import { walkSavedStates } from '../../../../test/support/dom.js';
import { mintToken, serverInfo, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { dayString } from './survey-results.model.js';
import type { KithSurveyResults } from './survey-results.js';
import {
  announcement, answer, choose, cleanStaffToken, clientWith, DAY, groups, part, parts, results, rows, text, typeDay, until,
} from './survey-results.test-support.js';

let server: KithServerInfo;
/** A salesperson with `feedback:read` who sees only anonymous answers: this file's. */
let staffToken = '';
const staff = (options: Parameters<typeof clientWith>[2] = {}) => clientWith(server, staffToken, options);
const select = (el: KithSurveyResults, name: string) => part(el, name) as HTMLSelectElement;
const active = (el: KithSurveyResults) => el.shadowRoot?.activeElement ?? null;
/** No box of the element scrolls sideways at 360 px. */
const fits = (el: KithSurveyResults) => [el, part(el, 'base') as HTMLElement].every((box) => box.scrollWidth <= box.clientWidth);

// The worked example: 5 promoters (50 %), 2 passives (20 %), 3 detractors (30 %) → NPS 50 − 30 = 20.
const NPS_SCORES = [10, 10, 9, 9, 9, 8, 7, 6, 3, 0];
// 17 / 4 = 4.25 of 5; 25 / 5 = 5.00 of 7.
const CSAT_SCORES = [5, 4, 4, 4];
const CES_SCORES = [7, 5, 4, 3, 6];

describe('<kith-survey-results> against the real API', () => {
  before(async function () {
    this.timeout(60_000);
    // A server of this file's own: the answers sent here change the results other files read.
    server = await serverInfo({ isolated: true });
    staffToken = await cleanStaffToken(server);
    await answer(server, 'nps', NPS_SCORES, 3);
  });

  it('the NPS worked example: 20, with promoters, passives, detractors, counts and every score; accessible at 360 px', async () => {
    const el = await results(staff());
    await until(el, 'ready');
    expect(text(el, 'score')).to.equal('20');
    expect(text(el, 'explanation')).to.equal('% promoters − % detractors, from −100 to 100.');
    expect(groups(el)).to.deep.equal(['Promoters (9–10) 5 · 50%', 'Passives (7–8) 2 · 20%', 'Detractors (0–6) 3 · 30%']);
    expect(text(el, 'counts')).to.equal('10 answers · 3 with a comment');
    expect(rows(el)).to.deep.equal([
      ['0', '1', '10%'], ['1', '0', '0%'], ['2', '0', '0%'], ['3', '1', '10%'], ['4', '0', '0%'], ['5', '0', '0%'],
      ['6', '1', '10%'], ['7', '1', '10%'], ['8', '1', '10%'], ['9', '3', '30%'], ['10', '2', '20%'],
    ]);
    // The table is what is read; the bars are decoration, sized through the CSSOM (no style attribute).
    expect(part(el, 'distribution')?.localName).to.equal('table');
    expect(text(el, 'distribution').startsWith('Answers per score')).to.equal(true);
    const fills = parts(el, 'bar-fill');
    expect(fills.map((fill) => fill.style.getPropertyValue('--fill'))).to.deep.equal(['0.1', '0', '0', '0.1', '0', '0', '0.1', '0.1', '0.1', '0.3', '0.2']);
    expect(parts(el, 'bar-track').every((track) => track.getAttribute('aria-hidden') === 'true')).to.equal(true);
    expect(text(el, 'status')).to.equal('');
    expect(fits(el)).to.equal(true);
    await expectAccessible(el);
  });

  it('CSAT and CES show their average on their scale', async function () {
    this.timeout(30_000);
    await answer(server, 'csat', CSAT_SCORES, 1);
    await answer(server, 'ces', CES_SCORES);
    const el = await results(staff(), { metric: 'csat' });
    await until(el, 'ready');
    expect(text(el, 'score')).to.equal('4.25 of 5');
    expect(text(el, 'counts')).to.equal('4 answers · 1 with a comment');
    expect(rows(el)).to.deep.equal([['1', '0', '0%'], ['2', '0', '0%'], ['3', '0', '0%'], ['4', '3', '75%'], ['5', '1', '25%']]);
    expect(parts(el, 'group')).to.have.length(0);
    await expectAccessible(el);
    choose(el, 'metric-select', 'ces');
    await waitUntil(() => el.shown?.metric === 'ces' && el.status === 'ready', 'the CES results never came');
    await el.updateComplete;
    expect(el.getAttribute('metric')).to.equal('ces');
    expect(text(el, 'score')).to.equal('5.00 of 7');
    expect(rows(el).map((row) => row[1])).to.deep.equal(['0', '0', '1', '1', '1', '1', '1']);
  });

  it('a period moved by the clock leaves today\'s answers out; another period re-reads', async () => {
    const el = await results(staff());
    await until(el, 'ready');
    expect(el.shown?.count).to.equal(10);
    // A day further on, the last 7 days start tomorrow: today's answers are outside.
    el.now = () => Date.now() + 7 * DAY;
    await until(el, 'empty');
    expect(text(el, 'status')).to.equal('No answers in this period.');
    expect(parts(el, 'distribution')).to.have.length(0);
    expect(el.range && el.range.from.getTime() > Date.now()).to.equal(true);
    await expectAccessible(el);
    choose(el, 'period-select', '30d');
    await until(el, 'ready');
    expect(el.getAttribute('period')).to.equal('30d');
    expect(el.shown && Date.parse(el.shown.from) < Date.now() && el.shown.count >= 10).to.equal(true);
  });

  it('a custom period counts both days; a wrong one says why and sends nothing', async () => {
    let reads = 0;
    const counting: typeof fetch = (input, init) => {
      if (new URL(String(input)).pathname === '/v1/surveys/results') reads++;
      return fetch(input, init);
    };
    const el = await results(staff({ fetch: counting }), { period: '7d' });
    await until(el, 'ready');
    const sent = reads;
    choose(el, 'period-select', 'custom');
    await el.updateComplete;
    // Custom starts from the period shown until then (today and the six days after, by this clock): the same read.
    const today = dayString(new Date());
    expect((part(el, 'from-input') as HTMLInputElement).value).to.equal(today);
    expect((part(el, 'to-input') as HTMLInputElement).value).to.equal(dayString(new Date(Date.now() + 6 * DAY)));
    expect(el.shown?.count).to.equal(10);

    typeDay(el, 'from-input', dayString(new Date(Date.now() + 10 * DAY)));
    await el.updateComplete;
    expect(text(el, 'range-message')).to.equal('The end date must be on or after the start date.');
    expect(part(el, 'from-input')?.getAttribute('aria-invalid')).to.equal('true');
    expect(part(el, 'to-input')?.getAttribute('aria-describedby')).to.equal('range-message');
    expect(el.status).to.equal('idle');
    expect(text(el, 'status')).to.equal('');
    expect(parts(el, 'distribution')).to.have.length(0);
    await expectAccessible(el);

    typeDay(el, 'from-input', '2024-01-01');
    await el.updateComplete;
    expect(text(el, 'range-message')).to.equal('Choose a period of at most 366 days.');
    typeDay(el, 'from-input', '');
    await el.updateComplete;
    expect(text(el, 'range-message')).to.equal('Enter a start date and an end date.');
    expect(reads, 'no request for a period that cannot be read').to.equal(sent);

    // Tomorrow alone holds nothing; today alone holds the ten answers.
    const tomorrow = dayString(new Date(Date.now() + DAY));
    typeDay(el, 'from-input', tomorrow);
    typeDay(el, 'to-input', tomorrow);
    await until(el, 'empty');
    expect(text(el, 'range-message')).to.equal('');
    expect(el.getAttribute('from')).to.equal(tomorrow);
    typeDay(el, 'from-input', today);
    typeDay(el, 'to-input', today);
    await until(el, 'ready');
    expect(el.shown?.count).to.equal(10);
    expect(reads).to.equal(sent + 2);
  });

  it('without a staff token, or with one that may not read feedback, asks to sign in as staff', async () => {
    const noScope = (await mintToken({ kind: 'staff', scopes: ['customers:read'] })).token;
    const errors: string[] = [];
    const heard = (event: Event) => errors.push((event as KithErrorEvent).detail.code);
    document.addEventListener('kith-error', heard);
    for (const client of [clientWith(server, null), clientWith(server, noScope)]) {
      const el = await results(client);
      await until(el, 'not_authorized');
      await waitUntil(() => errors.length > 0, 'no kith-error');
      expect(errors.splice(0)).to.deep.equal(['forbidden']);
      expect(text(el, 'status-title')).to.equal('Sign in as staff');
      expect(text(el, 'status')).to.contain('signed-in staff who may read feedback');
      expect(parts(el, 'score')).to.have.length(0);
      expect(parts(el, 'controls')).to.have.length(0);
      expect(part(el, 'retry-button') !== null).to.equal(true);
      await expectAccessible(el);
    }
    document.removeEventListener('kith-error', heard);
  });

  it('loading: a skeleton with aria-busy; an error with Retry; saved results offline and stale', async () => {
    let release: () => void = () => undefined;
    let held: Promise<void> | undefined = new Promise<void>((resolve) => (release = resolve));
    let failure: 'none' | 'network' | 'server' = 'none';
    const faulty: typeof fetch = async (input, init) => {
      if (new URL(String(input)).pathname === '/v1/surveys/results') {
        await held;
        if (failure === 'network') throw new TypeError('Failed to fetch');
        if (failure === 'server') return new Response('unavailable', { status: 503 });
      }
      return fetch(input, init);
    };
    const el = await results(staff({ fetch: faulty, retry: false }));
    await until(el, 'loading');
    expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
    expect(parts(el, 'skeleton').length).to.be.greaterThan(0);
    expect(text(el, 'status')).to.equal('Loading survey results…');
    await expectAccessible(el);
    failure = 'server';
    release();
    held = undefined;
    await until(el, 'error');
    expect(text(el, 'status')).to.match(/^The survey results could not be loaded: /);
    expect(parts(el, 'skeleton')).to.have.length(0);
    await expectAccessible(el);
    failure = 'none';
    part(el, 'retry-button')?.click();
    await until(el, 'ready');
    expect(text(el, 'score')).to.equal('20');

    await walkSavedStates(el, (next) => (failure = next), {
      kept: () => expect(text(el, 'score'), 'the saved figures stay').to.equal('20'),
      accessible: () => expectAccessible(el),
    });
  });

  it('by keyboard: Tab from the measure to the period, arrows choose', async () => {
    const el = await results(staff());
    await until(el, 'ready');
    select(el, 'metric-select').focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.metric === 'csat', `the measure is ${el.metric}`);
    await until(el, 'ready');
    expect(text(el, 'score')).to.equal('4.25 of 5');
    await sendKeys({ press: 'Tab' });
    expect(active(el) === select(el, 'period-select')).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.period === '30d', `the period is ${el.period}`);
    await until(el, 'ready');
    expect(active(el) === select(el, 'period-select'), 'the focus stays on the menu while the period loads').to.equal(true);
  });

  it('speaks Simplified and Traditional Chinese', async () => {
    const hans = await results(staff(), { locale: 'zh-CN' });
    await until(hans, 'ready');
    expect(text(hans, 'heading')).to.equal('问卷结果');
    expect(groups(hans)[0]).to.equal('推荐者（9–10 分） 5 · 50%');
    expect(text(hans, 'counts')).to.equal('10 份回答 · 3 份附有评论');
    await expectAccessible(hans);
    // One at a time: a second element below the first would sit outside the viewport, where an element does not read yet.
    hans.remove();
    const hant = await results(staff(), { locale: 'zh-TW', metric: 'csat' });
    await until(hant, 'ready');
    expect(text(hant, 'heading')).to.equal('問卷結果');
    expect(text(hant, 'score')).to.equal('4.25 / 5');
    expect([...select(hant, 'period-select').options].map((option) => option.text)).to.deep.equal(['最近 7 天', '最近 30 天', '最近 90 天', '最近 12 個月', '自訂']);
    await expectAccessible(hant);
  });

  it('a new answer updates the figures live, announced politely', async function () {
    this.timeout(30_000);
    const client: KithClient = staff();
    const el = await results(client, { metric: 'ces' });
    await until(el, 'ready');
    await waitUntil(() => client.live.status === 'open', 'the live stream never opened');
    expect(announcement(el)).to.equal('');
    await answer(server, 'ces', [1]);
    await waitUntil(() => el.shown?.count === CES_SCORES.length + 1, `the count is ${el.shown?.count}`);
    await el.updateComplete;
    // (7 + 5 + 4 + 3 + 6 + 1) / 6 = 4.33
    expect(text(el, 'score')).to.equal('4.33 of 7');
    expect(rows(el)[0]).to.deep.equal(['1', '1', '17%']);
    expect(announcement(el)).to.equal('1 new answer: the results are updated.');
    expect(part(el, 'announcement')?.getAttribute('role')).to.equal('status');
  });
});
