// <kith-pipeline> against the REAL server: this file's own (isolated) server per browser, so
// the demo pipeline's totals are this file's alone. The sample customer's owner (a sales rep) is
// the person at the board; the admin plays "someone else".
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../../../../test/support/wait.js';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Opportunity, PipelineWithTotals, Scope, StaffMember } from '@kith/schema';
import { createClient, type ClientOptions, type KithClient } from '@kith/sdk';
import { closedUrl, faultProxy, mintToken, serverInfo, UNKNOWN_ID, type KithServerInfo } from '../../../../test/support/server-commands.js';
import { expectAccessible } from '../../../../test/support/accessibility.js';
import { touchDrag } from '../../../../test/support/touch-commands.js';
import type { ResourceStatus } from '../internal/resource-controller.js';
import './pipeline.js';
import type { KithPipeline } from './pipeline.js';

const KITH_EVENTS = ['kith-opportunity-open', 'kith-opportunity-move', 'kith-load', 'kith-error'] as const;
const READ: Scope[] = ['opportunities:read', 'staff:read'];
const WRITE: Scope[] = ['opportunities:read', 'opportunities:write', 'staff:read'];
const HOSTILE = '<img src=x onerror="window.__kithHacked=1"><b>bold</b>';

const squash = (value: string | null | undefined) => (value ?? '').trim().replace(/\s+/g, ' ');
const uid = () => crypto.randomUUID().slice(0, 8);
const part = (el: Element, name: string) => el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`) ?? null;
const text = (el: Element, name: string) => squash(part(el, name)?.textContent);

let server: KithServerInfo;
let pipeline: PipelineWithTotals;
let staff: StaffMember[];
/** The sample customer's owner, a sales rep: the person at the board. */
let repToken = '';
let repReadToken = '';
/** The admin: "someone else", moving deals from another device. */
let admin: KithClient;
/** Reads what the server holds now (no cache), as the rep. */
let truth: KithClient;

async function until(el: KithPipeline, status: ResourceStatus): Promise<void> {
  await waitUntil(() => el.status === status, `the pipeline never reached "${status}" (it is "${el.status}")`, { timeout: 15_000 });
  await el.localeReady();
  if (status === 'ready' || status === 'empty') await waitUntil(() => el.complete, 'the board never read all its pages', { timeout: 15_000 });
  await el.updateComplete;
}

const ownStorage = () => {
  const name = `kith-pipeline-test-${crypto.randomUUID()}`;
  return { cache: { name: `${name}-cache` }, outbox: { name: `${name}-outbox` } };
};

function clientWith(token: string | null, options: Partial<ClientOptions> = {}): KithClient {
  return createClient({ baseUrl: server.url, key: server.publishableKey, token: () => token, ...ownStorage(), ...options });
}

async function board(client: KithClient, options: { locale?: string; width?: number; id?: string } = {}): Promise<KithPipeline> {
  const el = await fixture<KithPipeline>(html`
    <kith-pipeline .client=${client} pipeline-id=${options.id ?? pipeline.id} locale=${options.locale ?? 'en-US'}
      style=${options.width ? `width: ${options.width}px` : ''}></kith-pipeline>
  `);
  // A board reads once it is near the viewport: one below another test's board is brought into view.
  el.scrollIntoView();
  return el;
}

async function readyBoard(client: KithClient, options: { locale?: string; width?: number } = {}): Promise<KithPipeline> {
  const el = await board(client, options);
  await until(el, 'ready');
  return el;
}

const stage = (i: number) => {
  const found = pipeline.stages[i];
  if (!found) throw new Error(`the demo pipeline has no stage ${i}`);
  return found;
};

/** A deal of the rep's, created by the admin. */
async function newDeal(title: string, stageIndex: number, amount: number, fields: { expectedClose?: string } = {}): Promise<Opportunity> {
  return admin.opportunities.create({
    stageId: stage(stageIndex).id, customerId: server.sampleCustomerId, title, amount: { amount, currency: pipeline.currency }, ownerId: server.staffId, ...fields,
  });
}

const columnEl = (el: KithPipeline, i: number) => el.shadowRoot?.querySelector<HTMLElement>(`.column[data-stage="${stage(i).id}"]`) ?? null;
/** The titles a column shows, in order (the model: every card, rendered or not). */
const titlesIn = (el: KithPipeline, i: number) => (el.shownColumns.get(stage(i).id) ?? []).map((deal) => deal.title);
const slotOf = (el: KithPipeline, id: string) => el.shadowRoot?.querySelector<HTMLElement>(`.slot[data-key="${id}"]`) ?? null;
/** The card itself: focusable, Space or Enter lifts it. */
const cardOf = (el: KithPipeline, id: string) => slotOf(el, id)?.querySelector<HTMLElement>('[part~="card"]') ?? null;
const handleOf = (el: KithPipeline, id: string) => slotOf(el, id)?.querySelector<HTMLElement>('[part~="card-handle"]') ?? null;
const lifted = (el: KithPipeline, id: string) => cardOf(el, id)?.classList.contains('lifted') ?? false;
const announcement = (el: KithPipeline) => squash(el.shadowRoot?.querySelector('p.visually-hidden[role="status"]')?.textContent);
const headerOf = (el: KithPipeline, i: number) => {
  const column = columnEl(el, i);
  const value = (name: string) => squash(column?.querySelector(`[part~="${name}"]`)?.textContent);
  return { count: value('total-count'), amount: value('total-amount'), forecast: value('total-forecast') };
};

/** Independent of the element's formatter: the currency's digits from Intl, then a division. */
function money(amount: number, locale = 'en-US'): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency: pipeline.currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** Where a deal is on the board: its column and index. */
function placeOf(el: KithPipeline, id: string): { stageIndex: number; index: number } {
  for (const [stageIndex, s] of pipeline.stages.entries()) {
    const index = (el.shownColumns.get(s.id) ?? []).findIndex((deal) => deal.id === id);
    if (index >= 0) return { stageIndex, index };
  }
  throw new Error(`the deal ${id} is not on the board`);
}

/** Brings a card into view and focuses it. */
async function focusCard(el: KithPipeline, id: string): Promise<HTMLElement> {
  const { stageIndex, index } = placeOf(el, id);
  await el.cardElement(stage(stageIndex).id, index);
  const card = cardOf(el, id);
  if (!card) throw new Error('the card is not rendered');
  card.focus();
  return card;
}

const center = (el: Element): [number, number] => {
  const rect = el.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
};

function record(el: Element): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const name of KITH_EVENTS) el.addEventListener(name, (event) => seen.push(event as CustomEvent));
  return seen;
}
const moves = (seen: CustomEvent[]) => seen.filter((event) => event.type === 'kith-opportunity-move') as GlobalEventHandlersEventMap['kith-opportunity-move'][];

/**
 * Every column's header and cards against the server now: the count, the SUM of the cards'
 * amounts and the forecast, in the header and in the cards shown (polled: live changes settle).
 */
async function expectTotalsAgree(el: KithPipeline, locale = 'en-US'): Promise<void> {
  let problems: string[] = [];
  const count = new Intl.NumberFormat(locale);
  try {
    await waitUntil(
      async () => {
        const now = await truth.pipelines.get(pipeline.id);
        problems = [];
        now.stages.forEach((s, i) => {
          const cards = el.shownColumns.get(s.id) ?? [];
          const sum = cards.reduce((total, deal) => total + deal.amount.amount, 0);
          const header = headerOf(el, i);
          if (cards.length !== s.totals.count) problems.push(`${s.name}: ${cards.length} cards, the server counts ${s.totals.count}`);
          if (sum !== s.totals.amount.amount) problems.push(`${s.name}: the cards sum ${sum}, the server ${s.totals.amount.amount}`);
          if (Math.round((sum * s.probability) / 10_000) !== s.totals.forecast.amount) problems.push(`${s.name}: forecast of the cards differs`);
          if (header.count !== count.format(s.totals.count)) problems.push(`${s.name}: header count ${header.count}`);
          if (header.amount !== money(s.totals.amount.amount, locale)) problems.push(`${s.name}: header amount ${header.amount} ≠ ${money(s.totals.amount.amount, locale)}`);
          if (header.forecast !== money(s.totals.forecast.amount, locale)) problems.push(`${s.name}: header forecast ${header.forecast}`);
        });
        return problems.length === 0;
      },
      'totals',
      { timeout: 15_000, interval: 250 },
    );
  } catch {
    expect.fail(`the board never agreed with the server: ${problems.join('; ')}`);
  }
}

/** Lifts a card by keyboard, presses `keys`, then drops it with Enter; resolves with the move event. */
async function keyboardMove(el: KithPipeline, seen: CustomEvent[], id: string, keys: string[]): Promise<GlobalEventHandlersEventMap['kith-opportunity-move']> {
  const before = moves(seen).length;
  await focusCard(el, id);
  await sendKeys({ press: ' ' });
  for (const key of keys) {
    await sendKeys({ press: key });
    await el.updateComplete;
  }
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => moves(seen).length > before, 'the move was never answered');
  const event = moves(seen)[before];
  if (!event) throw new Error('no move event');
  return event;
}

describe('<kith-pipeline>', () => {
  before(async function () {
    this.timeout(60_000);
    server = await serverInfo({ isolated: true });
    repToken = (await mintToken({ kind: 'staff', scopes: WRITE })).token;
    repReadToken = (await mintToken({ kind: 'staff', scopes: READ })).token;
    truth = clientWith(repReadToken, { cache: false });
    staff = (await truth.staff.list()).items;
    const boss = staff.find((member) => member.role === 'admin');
    if (!boss) expect.fail('the demo has an admin');
    admin = clientWith((await mintToken({ kind: 'staff', subject: boss.id, scopes: WRITE })).token, { cache: false });
    const first = (await truth.pipelines.list()).items[0];
    if (!first) expect.fail('the demo has a pipeline');
    pipeline = first;
  });

  afterEach(async () => {
    await faultProxy('pass');
  });

  it('shows a column per stage, left to right, won and lost marked, with the totals of the cards; cards in rank order', async () => {
    const el = await readyBoard(clientWith(repReadToken));
    expect(text(el, 'title')).to.equal(pipeline.name);
    const columns = [...(el.shadowRoot?.querySelectorAll<HTMLElement>('[part~="column"]') ?? [])];
    expect(columns.map((column) => column.dataset['stage'])).to.deep.equal(pipeline.stages.map((s) => s.id));
    pipeline.stages.forEach((s, i) => {
      const column = columns[i];
      expect(column?.getAttribute('part')).to.equal(`column column-${s.kind}`);
      expect(squash(column?.querySelector('[part~="column-title"]')?.textContent)).to.equal(s.kind === 'open' ? s.name : `${s.name} ${s.kind === 'won' ? 'Won' : 'Lost'}`);
      expect(squash(column?.querySelector('ol')?.getAttribute('aria-label'))).to.equal(`Deals in ${s.name}`);
    });
    for (const s of pipeline.stages) {
      const column = await truth.pipelines.opportunities(pipeline.id, { stageId: s.id, limit: 500 });
      expect((el.shownColumns.get(s.id) ?? []).map((deal) => deal.id), `${s.name} in rank order`).to.deep.equal(column.items.map((deal) => deal.id));
    }
    await expectTotalsAgree(el);
    await expectAccessible(el);
  });

  it('totals are SUMs (not the smallest amount, not the count) and the forecast is Σ amount × probability per column', async () => {
    const amounts = [12_345, 6_789, 100_001];
    const titles = [];
    for (const amount of amounts) titles.push((await newDeal(`Sum ${uid()}`, 3, amount)).title);
    const el = await readyBoard(clientWith(repReadToken));
    const cards = el.shownColumns.get(stage(3).id) ?? [];
    const sum = cards.reduce((total, deal) => total + deal.amount.amount, 0);
    const min = Math.min(...cards.map((deal) => deal.amount.amount));
    expect(sum).to.not.equal(min);
    expect(sum).to.not.equal(cards.length);
    const header = headerOf(el, 3);
    expect(header.amount).to.equal(money(sum));
    expect(header.amount).to.not.equal(money(min));
    expect(header.count).to.equal(String(cards.length));
    expect(header.forecast).to.equal(money(Math.round((sum * stage(3).probability) / 10_000)));
    await expectTotalsAgree(el);
  });

  it('keyboard: Space lifts, the arrows move between columns and positions, Enter drops — each step announced; the server agrees', async () => {
    const deal = await newDeal(`Keyboard ${uid()}`, 0, 12_300);
    await newDeal(`Keyboard neighbour ${uid()}`, 1, 1_000);
    const client = clientWith(repToken);
    const el = await readyBoard(client);
    const seen = record(el);
    const from = placeOf(el, deal.id);
    await focusCard(el, deal.id);
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    const lead = titlesIn(el, 0);
    expect(announcement(el)).to.equal(
      `Lifted '${deal.title}' in ${stage(0).name}, position ${from.index + 1} of ${lead.length}. Arrow keys move it, Space or Enter drops it, Escape cancels.`,
    );
    expect(lifted(el, deal.id)).to.equal(true);

    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => titlesIn(el, 1).includes(deal.title), 'the card never went to the next column');
    await waitUntil(() => announcement(el).startsWith('Moved'), 'the step was not announced');
    let at = titlesIn(el, 1).indexOf(deal.title);
    expect(announcement(el)).to.equal(`Moved '${deal.title}' to ${stage(1).name}, position ${at + 1} of ${titlesIn(el, 1).length}`);
    expect(el.shadowRoot?.activeElement).to.equal(cardOf(el, deal.id));

    await sendKeys({ press: at === 0 ? 'ArrowDown' : 'ArrowUp' });
    await waitUntil(() => titlesIn(el, 1).indexOf(deal.title) !== at, 'the card never changed position');
    at = titlesIn(el, 1).indexOf(deal.title);
    await waitUntil(() => announcement(el) === `Moved '${deal.title}' to ${stage(1).name}, position ${at + 1} of ${titlesIn(el, 1).length}`, 'the position step was not announced');
    expect(el.shadowRoot?.activeElement).to.equal(cardOf(el, deal.id));

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const count = titlesIn(el, 1).length;
    expect(announcement(el)).to.equal(`Dropped '${deal.title}' in ${stage(1).name}, position ${at + 1} of ${count}.`);
    await waitUntil(() => moves(seen).length === 1, 'no kith-opportunity-move');
    const detail = moves(seen)[0]?.detail;
    expect(detail).to.deep.include({ fromStageId: stage(0).id, toStageId: stage(1).id, position: at + 1, status: 'sent' });
    expect(detail?.opportunity.id).to.equal(deal.id);
    const column = await truth.pipelines.opportunities(pipeline.id, { stageId: stage(1).id, limit: 500 });
    expect(column.items.map((d) => d.id).indexOf(deal.id), 'where the server put it').to.equal(at);
    expect(column.items.find((d) => d.id === deal.id)?.version).to.equal(2);
    await expectTotalsAgree(el);
  });

  it('Escape cancels a keyboard move: the card goes back, it is said, nothing is sent', async () => {
    const deal = await newDeal(`Cancel ${uid()}`, 0, 5_500);
    const el = await readyBoard(clientWith(repToken));
    const seen = record(el);
    const from = placeOf(el, deal.id);
    await focusCard(el, deal.id);
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => titlesIn(el, 2).includes(deal.title), 'the card never moved two columns');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => titlesIn(el, 0).indexOf(deal.title) === from.index, 'the card never went back');
    await waitUntil(() => announcement(el).startsWith('Move cancelled'), 'the cancel was not announced');
    expect(announcement(el)).to.equal(`Move cancelled: '${deal.title}' is back in ${stage(0).name}, position ${from.index + 1} of ${titlesIn(el, 0).length}.`);
    expect(el.shadowRoot?.activeElement).to.equal(cardOf(el, deal.id));
    expect(lifted(el, deal.id)).to.equal(false);
    expect(moves(seen)).to.have.length(0);
    expect((await truth.opportunities.get(deal.id)).version).to.equal(1);
  });

  it('pointer: a mouse drags a card onto the top of the next column; the move is sent with its neighbours', async () => {
    const deal = await newDeal(`Mouse ${uid()}`, 0, 45_600);
    const el = await readyBoard(clientWith(repToken));
    const seen = record(el);
    await focusCard(el, deal.id);
    const first = el.shownColumns.get(stage(1).id)?.[0];
    if (!first) expect.fail('the next column has a card');
    const targetSlot = slotOf(el, first.id);
    const handle = handleOf(el, deal.id);
    if (!handle || !targetSlot) expect.fail('the cards are rendered');
    const [x, y] = center(handle);
    const rect = targetSlot.getBoundingClientRect();
    const to: [number, number] = [Math.round(rect.left + rect.width / 2), Math.round(rect.top + 6)];
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 6; i++) await sendMouse({ type: 'move', position: [Math.round(x + ((to[0] - x) * i) / 6), Math.round(y + ((to[1] - y) * i) / 6)] });
    await waitUntil(() => titlesIn(el, 1)[0] === deal.title, 'the card never followed the pointer');
    expect(part(el, 'drag-ghost')).to.not.equal(null);
    await sendMouse({ type: 'up' });
    await waitUntil(() => moves(seen).length === 1, 'no kith-opportunity-move');
    expect(moves(seen)[0]?.detail).to.deep.include({ toStageId: stage(1).id, position: 1, status: 'sent' });
    expect(part(el, 'drag-ghost')).to.equal(null);
    const column = await truth.pipelines.opportunities(pipeline.id, { stageId: stage(1).id, limit: 500 });
    expect(column.items[0]?.id).to.equal(deal.id);
    expect(seen.filter((event) => event.type === 'kith-opportunity-open'), 'a drag is not a click').to.have.length(0);
    await expectTotalsAgree(el);
  });

  it('touch: on a 360 px phone a finger drags a card by its handle to the next column (Chromium: Firefox has no touch emulation in its driver)', async function () {
    if (navigator.userAgent.includes('Firefox')) {
      console.info('skipped in Firefox: puppeteer drives firefox-esr through WebDriver BiDi, which has no touchscreen input');
      this.skip();
    }
    const deal = await newDeal(`Touch ${uid()}`, 0, 7_700);
    const el = await readyBoard(clientWith(repToken), { width: 360 });
    const seen = record(el);
    await focusCard(el, deal.id);
    const handle = handleOf(el, deal.id);
    const next = columnEl(el, 1);
    if (!handle || !next) expect.fail('the card and the next column are rendered');
    expect(getComputedStyle(handle).touchAction).to.equal('none');
    const from = center(handle);
    const rect = next.getBoundingClientRect();
    const boardRect = part(el, 'board')?.getBoundingClientRect();
    const x = Math.round(Math.min(rect.left + 20, (boardRect?.right ?? rect.left + 40) - 10));
    const supported = await touchDrag({ from, to: [x, Math.round(rect.bottom - 10)], steps: 12 });
    expect(supported).to.equal(true);
    await waitUntil(() => moves(seen).length === 1, 'no kith-opportunity-move after the touch drag');
    expect(moves(seen)[0]?.detail).to.deep.include({ fromStageId: stage(0).id, toStageId: stage(1).id, status: 'sent' });
    expect(titlesIn(el, 1)).to.include(deal.title);
    expect((await truth.opportunities.get(deal.id)).stageId).to.equal(stage(1).id);
  });

  it('sorting a column is a view: reordering within it is off, which it says (visibly and aloud); moving to another column still works', async () => {
    const big = await newDeal(`Sorted big ${uid()}`, 0, 990_000);
    const el = await readyBoard(clientWith(repToken));
    const seen = record(el);
    const rankOrder = titlesIn(el, 0);
    const select = columnEl(el, 0)?.querySelector<HTMLSelectElement>('[part~="sort"]');
    if (!select) expect.fail('the column has a sort list');
    expect(select.getAttribute('aria-label')).to.equal(`Sort ${stage(0).name}`);
    select.value = 'amount';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const amounts = (el.shownColumns.get(stage(0).id) ?? []).map((deal) => deal.amount.amount);
    expect(amounts).to.deep.equal([...amounts].sort((a, b) => b - a));
    expect(titlesIn(el, 0)[0]).to.equal(big.title);
    expect(squash(columnEl(el, 0)?.querySelector('[part~="sort-hint"]')?.textContent)).to.equal(
      'Sorted by Amount: reordering within this column is off. Choose Board order to reorder.',
    );
    await focusCard(el, big.id);
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(announcement(el)).to.equal(`${stage(0).name} is sorted by Amount: a card can move to another column, not within this one. Choose Board order to reorder.`);
    expect(titlesIn(el, 0)[0]).to.equal(big.title);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => titlesIn(el, 1).includes(big.title), 'the card never went to the next column');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => moves(seen).length === 1, 'no kith-opportunity-move');
    expect(moves(seen)[0]?.detail.status).to.equal('sent');
    expect((await truth.opportunities.get(big.id)).stageId).to.equal(stage(1).id);
    select.value = 'rank';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(columnEl(el, 0)?.querySelector('[part~="sort-hint"]')).to.equal(null);
    expect(titlesIn(el, 0)).to.deep.equal(rankOrder.filter((title) => title !== big.title));
  });

  it('409: a deal someone else moved while it was lifted goes back with a clear message; live changes waited for the drop', async () => {
    const deal = await newDeal(`Conflict ${uid()}`, 0, 77_700);
    const client = clientWith(repToken);
    const el = await readyBoard(client);
    const seen = record(el);
    await waitUntil(() => client.live.status === 'open', 'the live stream never opened');
    await focusCard(el, deal.id);
    await sendKeys({ press: ' ' });
    const moved = await admin.opportunities.move(deal, { stageId: stage(2).id });
    expect(moved.status).to.equal('sent');
    // The live change arrives, but the board keeps what the card was lifted from until the drop.
    await waitUntil(() => el.deals.find((d) => d.id === deal.id)?.stageId === stage(2).id, 'the live change never arrived');
    await el.updateComplete;
    expect(titlesIn(el, 0)).to.include(deal.title);
    expect(titlesIn(el, 2)).to.not.include(deal.title);
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => moves(seen).length === 1, 'no kith-opportunity-move');
    const detail = moves(seen)[0]?.detail;
    expect(detail?.status).to.equal('failed');
    expect(detail?.result.status === 'failed' && detail.result.error.code).to.equal('conflict');
    const message = `'${deal.title}' was changed by someone else, so your move was undone. The board now shows the latest.`;
    expect(text(el, 'message')).to.equal(message);
    expect(announcement(el)).to.equal(message);
    await waitUntil(() => titlesIn(el, 2).includes(deal.title) && !titlesIn(el, 1).includes(deal.title), 'the board never showed the latest');
    await waitUntil(() => client.outbox.entries.length === 0, 'the refused move stayed in the outbox');
    await expectTotalsAgree(el);
  });

  it("customer-id: only that customer's deals, the totals counting them; a deal of theirs appears live, another's does not; none: said so", async () => {
    const maker = clientWith((await mintToken({ kind: 'staff', scopes: ['customers:read', 'customers:write'] })).token, { cache: false });
    const buyer = await maker.customers.create({ kind: 'person', name: `Pipeline buyer ${uid()}` });
    const dealOf = (customerId: string, title: string, stageIndex: number, amount: number) =>
      admin.opportunities.create({ stageId: stage(stageIndex).id, customerId, title, amount: { amount, currency: pipeline.currency }, ownerId: server.staffId });
    const theirs = [await dealOf(buyer.id, `Theirs ${uid()}`, 0, 20_000), await dealOf(buyer.id, `Theirs ${uid()}`, 0, 5_500), await dealOf(buyer.id, `Theirs ${uid()}`, 2, 70_000)];
    await dealOf(server.sampleCustomerId, `Not theirs ${uid()}`, 0, 99_000);
    const client = clientWith(repReadToken);
    const el = await fixture<KithPipeline>(html`<kith-pipeline .client=${client} pipeline-id=${pipeline.id} customer-id=${buyer.id} locale="en-US"></kith-pipeline>`);
    await until(el, 'ready');
    expect(text(el, 'customer-hint')).to.equal("This customer's deals only: the column totals count them.");
    expect(el.deals.map((deal) => deal.id).sort()).to.deep.equal(theirs.map((deal) => deal.id).sort());
    expect(titlesIn(el, 0).sort()).to.deep.equal([theirs[0]?.title, theirs[1]?.title].sort());
    // The columns count these deals, not the whole pipeline's (the server's totals).
    expect(headerOf(el, 0)).to.deep.equal({ count: '2', amount: money(25_500), forecast: money(Math.round((25_500 * stage(0).probability) / 10_000)) });
    expect(headerOf(el, 2).count).to.equal('1');
    expect(headerOf(el, 1)).to.deep.equal({ count: '0', amount: money(0), forecast: money(0) });
    expect(headerOf(el, 0).count).to.not.equal(String(pipeline.stages[0]?.totals.count));
    await expectAccessible(el);

    await waitUntil(() => client.live.status === 'open', 'the live stream never opened');
    const other = await dealOf(server.sampleCustomerId, `Live not theirs ${uid()}`, 1, 1_000);
    const fresh = await dealOf(buyer.id, `Live theirs ${uid()}`, 1, 4_000);
    await waitUntil(() => titlesIn(el, 1).includes(fresh.title), "the customer's new deal never appeared", { timeout: 15_000 });
    expect(titlesIn(el, 1)).to.not.include(other.title);
    expect(headerOf(el, 1).count).to.equal('1');

    // Another customer, with no deals: the board says so.
    const nobody = await maker.customers.create({ kind: 'person', name: `Pipeline nobody ${uid()}` });
    el.customerId = nobody.id;
    await until(el, 'empty');
    expect(text(el, 'status')).to.equal('No deals with this customer in this pipeline yet.');
    // Without it, the whole pipeline again.
    el.customerId = undefined;
    await until(el, 'ready');
    expect(el.deals.some((deal) => deal.customerId !== buyer.id)).to.equal(true);
    expect(part(el, 'customer-hint')).to.equal(null);
  });

  it("live: another person's move appears without reload", async () => {
    const deal = await newDeal(`Live ${uid()}`, 0, 31_400);
    const client = clientWith(repReadToken);
    const el = await readyBoard(client);
    await waitUntil(() => client.live.status === 'open', 'the live stream never opened');
    expect((await admin.opportunities.move(deal, { stageId: stage(4).id })).status).to.equal('sent');
    await waitUntil(() => titlesIn(el, 4).includes(deal.title), 'the move never appeared');
    expect(titlesIn(el, 0)).to.not.include(deal.title);
    await expectTotalsAgree(el);
  });

  it('offline: a move is kept, shows as pending and says so; back online it is delivered once', async () => {
    const deal = await newDeal(`Offline ${uid()}`, 0, 8_800);
    const proxy = await faultProxy('pass');
    const client = clientWith(repToken, { baseUrl: proxy.url, retry: false });
    const el = await readyBoard(client);
    const seen = record(el);
    await faultProxy('down');
    await keyboardMove(el, seen, deal.id, ['ArrowRight']);
    expect(moves(seen)[0]?.detail.status).to.equal('queued');
    expect(titlesIn(el, 1)).to.include(deal.title);
    await waitUntil(() => slotOf(el, deal.id)?.querySelector('[part~="card-pending"]'), 'the card never showed as pending');
    expect(text(el, 'message')).to.equal(`You are offline: the move of '${deal.title}' is saved and will be sent when the connection is back.`);
    expect((await truth.opportunities.get(deal.id)).version).to.equal(1);
    await faultProxy('pass');
    await client.outbox.flush();
    await waitUntil(() => !slotOf(el, deal.id)?.querySelector('[part~="card-pending"]'), 'the card stayed pending');
    const now = await truth.opportunities.get(deal.id);
    expect(now.stageId).to.equal(stage(1).id);
    expect(now.version, 'delivered once').to.equal(2);
    expect(titlesIn(el, 1)).to.include(deal.title);
  });

  it('after many moves the columns still add up: the SUM of their cards, the same as the server', async () => {
    const client = clientWith(repToken);
    const el = await readyBoard(client);
    const seen = record(el);
    const a = await newDeal(`Many A ${uid()}`, 0, 1_111);
    const b = await newDeal(`Many B ${uid()}`, 0, 22_222);
    const c = await newDeal(`Many C ${uid()}`, 0, 333_333);
    const deals = [a, b, c];
    await waitUntil(() => deals.every((deal) => titlesIn(el, 0).includes(deal.title)), 'the new deals never appeared', { timeout: 20_000 });
    const steps: [Opportunity, string[]][] = [
      [a, ['ArrowRight', 'ArrowRight', 'ArrowRight']],
      [b, ['ArrowRight']],
      [c, ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']],
      [a, ['ArrowLeft', 'ArrowDown']],
      [b, ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowRight']],
      [c, ['ArrowRight']],
    ];
    for (const [deal, keys] of steps) {
      const event = await keyboardMove(el, seen, deal.id, keys);
      expect(event.detail.status, `${deal.title} ${keys.join(' ')}`).to.equal('sent');
    }
    await expectTotalsAgree(el);
  });

  it('filters by owner (names from the staff directory) and title words over every loaded deal; the totals then count the deals shown', async () => {
    const manager = staff.find((member) => member.role === 'manager' && member.name === 'Priya Shah') ?? staff.find((member) => member.role === 'manager');
    if (!manager) expect.fail('the demo has a manager');
    const token = (await mintToken({ kind: 'staff', subject: manager.id, scopes: READ })).token;
    const el = await readyBoard(clientWith(token));
    const owners = new Set(el.deals.map((deal) => deal.ownerId));
    expect(owners.size, 'the manager sees a team').to.be.greaterThan(1);
    const select = part(el, 'owner-filter') as HTMLSelectElement;
    const someone = [...owners].find((id) => id !== null) ?? '';
    const name = staff.find((member) => member.id === someone)?.name ?? '';
    await waitUntil(() => [...select.options].some((option) => squash(option.textContent) === name), 'the owner list never named them');
    expect(squash(select.options[0]?.textContent)).to.equal('Everyone');
    select.value = someone;
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const shown = [...el.shownColumns.values()].flat();
    const theirs = el.deals.filter((deal) => deal.ownerId === someone);
    expect(shown.map((deal) => deal.id).sort()).to.deep.equal(theirs.map((deal) => deal.id).sort());
    expect(text(el, 'filter-hint')).to.equal(`Showing ${theirs.length} of ${el.deals.length} deals: the column totals count the deals shown.`);
    pipeline.stages.forEach((s, i) => {
      const cards = el.shownColumns.get(s.id) ?? [];
      const sum = cards.reduce((total, deal) => total + deal.amount.amount, 0);
      expect(headerOf(el, i), s.name).to.deep.equal({ count: String(cards.length), amount: money(sum), forecast: money(Math.round((sum * s.probability) / 10_000)) });
    });

    select.value = '';
    select.dispatchEvent(new Event('change'));
    const word = `zebra${uid()}`;
    const target = await newDeal(`Find the ${word} deal`, 3, 4_200);
    const mine = await readyBoard(clientWith(repReadToken));
    const search = part(mine, 'search') as HTMLInputElement;
    search.value = word.toUpperCase();
    search.dispatchEvent(new Event('input'));
    await mine.updateComplete;
    expect([...mine.shownColumns.values()].flat().map((deal) => deal.id)).to.deep.equal([target.id]);
    expect(headerOf(mine, 3)).to.deep.equal({ count: '1', amount: money(4_200), forecast: money(Math.round((4_200 * stage(3).probability) / 10_000)) });
    expect(headerOf(mine, 0).count).to.equal('0');
  });

  it('a click on a card or Enter on its title opens the deal (Enter on the card lifts it); setting properties fires no event', async () => {
    const deal = await newDeal(`Open ${uid()}`, 0, 1_500);
    const el = await readyBoard(clientWith(repReadToken));
    const seen = record(el);
    el.locale = 'en-GB';
    el.theme = 'dark';
    await el.updateComplete;
    expect(seen).to.have.length(0);
    const card = await focusCard(el, deal.id);
    card.querySelector<HTMLElement>('[part~="card-amount"]')?.click();
    expect(seen.map((event) => [event.type, (event.detail as { opportunity: Opportunity }).opportunity.id])).to.deep.equal([['kith-opportunity-open', deal.id]]);
    card.querySelector<HTMLElement>('[part~="card-title"]')?.focus();
    await sendKeys({ press: 'Enter' });
    expect(seen).to.have.length(2);
    expect(seen[1]?.bubbles && seen[1].composed).to.equal(true);
    card.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(lifted(el, deal.id), 'Enter on the card lifts it').to.equal(true);
    expect(seen).to.have.length(2);
    await sendKeys({ press: 'Escape' });
  });

  it('with nothing lifted, the arrow keys move focus from card to card, and from title to title', async () => {
    await newDeal(`Focus ${uid()}`, 0, 900);
    const el = await readyBoard(clientWith(repReadToken));
    const [first, second] = el.shownColumns.get(stage(0).id) ?? [];
    if (!first || !second) expect.fail('the first column has two cards');
    await focusCard(el, first.id);
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => el.shadowRoot?.activeElement === cardOf(el, second.id), 'ArrowDown never focused the next card');
    await sendKeys({ press: 'ArrowRight' });
    const right = el.shownColumns.get(stage(1).id) ?? [];
    const expected = right[Math.min(1, right.length - 1)];
    await waitUntil(() => expected && el.shadowRoot?.activeElement === cardOf(el, expected.id), 'ArrowRight never focused the card beside it');
    slotOf(el, second.id)?.querySelector<HTMLElement>('[part~="card-title"]')?.focus();
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => el.shadowRoot?.activeElement === slotOf(el, first.id)?.querySelector('[part~="card-title"]'), 'ArrowUp never focused the title above');
    expect(announcement(el)).to.equal('');
  });

  it('a person who may not change deals: the card goes back and the board says why', async () => {
    const deal = await newDeal(`Read only ${uid()}`, 0, 3_300);
    const el = await readyBoard(clientWith(repReadToken));
    const seen = record(el);
    const event = await keyboardMove(el, seen, deal.id, ['ArrowRight']);
    expect(event.detail.status).to.equal('failed');
    expect(event.detail.result.status === 'failed' && event.detail.result.error.code).to.equal('forbidden');
    const message = `You may not move deals, so '${deal.title}' went back to ${stage(0).name}. A staff sign-in allowed to change deals is needed.`;
    expect(text(el, 'message')).to.equal(message);
    expect(announcement(el)).to.equal(message);
    await waitUntil(() => titlesIn(el, 0).includes(deal.title) && !titlesIn(el, 1).includes(deal.title), 'the card never went back');
    expect((await truth.opportunities.get(deal.id)).version).to.equal(1);
  });

  it('renders hostile titles as text', async () => {
    const deal = await newDeal(HOSTILE, 0, 666);
    const el = await readyBoard(clientWith(repToken));
    await focusCard(el, deal.id);
    expect(squash(slotOf(el, deal.id)?.querySelector('[part~="card-title"]')?.textContent)).to.equal(HOSTILE);
    const card = cardOf(el, deal.id);
    expect(squash(el.shadowRoot?.getElementById(card?.getAttribute('aria-labelledby') ?? '')?.textContent), 'the card is named by its title').to.equal(HOSTILE);
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(announcement(el)).to.contain(`'${HOSTILE}'`);
    await sendKeys({ press: 'Escape' });
    expect(el.shadowRoot?.querySelector('img, b')).to.equal(null);
    expect((window as unknown as { __kithHacked?: number }).__kithHacked).to.equal(undefined);
  });

  it('on a 360 px phone the columns scroll sideways and snap; the element never overflows', async () => {
    const el = await readyBoard(clientWith(repReadToken), { width: 360 });
    expect(el.scrollWidth).to.be.at.most(360);
    const row = part(el, 'board');
    if (!row) expect.fail('the board is rendered');
    const style = getComputedStyle(row);
    expect(style.overflowX).to.equal('auto');
    expect(style.scrollSnapType).to.contain('x');
    expect(row.scrollWidth).to.be.greaterThan(row.clientWidth);
    for (const column of row.querySelectorAll<HTMLElement>('[part~="column"]')) expect(column.getBoundingClientRect().width).to.be.at.most(row.clientWidth);
    await expectAccessible(el);
  });

  it('speaks Simplified and Traditional Chinese', async () => {
    const deal = await newDeal(`Locale ${uid()}`, 0, 2_000);
    for (const [locale, won, labels, lifted] of [
      ['zh-CN', '赢单', ['商机数', '总额', '预测'], '已拿起“'],
      ['zh-TW', '贏單', ['商機數', '總額', '預測'], '已拿起「'],
    ] as const) {
      const el = await readyBoard(clientWith(repToken), { locale });
      const wonColumn = columnEl(el, pipeline.stages.findIndex((s) => s.kind === 'won'));
      expect(squash(wonColumn?.querySelector('[part~="column-kind"]')?.textContent)).to.equal(won);
      expect([...(columnEl(el, 0)?.querySelectorAll('dt') ?? [])].map((dt) => squash(dt.textContent))).to.deep.equal(labels);
      await expectTotalsAgree(el, locale);
      await focusCard(el, deal.id);
      await sendKeys({ press: ' ' });
      await el.updateComplete;
      expect(announcement(el).startsWith(`${lifted}${deal.title}`)).to.equal(true);
      await sendKeys({ press: 'Escape' });
    }
  });

  describe('states', () => {
    it('loading: placeholders, busy', async () => {
      const stuck = createClient({ baseUrl: server.url, key: server.publishableKey, token: () => repReadToken, ...ownStorage(), fetch: () => new Promise<Response>(() => undefined) });
      const el = await board(stuck);
      await until(el, 'loading');
      expect(part(el, 'base')?.getAttribute('aria-busy')).to.equal('true');
      expect(part(el, 'skeleton')).to.not.equal(null);
      expect(text(el, 'status')).to.equal('Loading pipeline…');
      await expectAccessible(el);
    });

    it('empty: a staff member who sees no deal gets the columns and says so', async function () {
      this.timeout(30_000);
      const rep = staff.find((member) => member.role === 'sales' && member.id !== server.staffId);
      if (!rep) expect.fail('the demo has another sales rep');
      // Their deals go to the sample's owner, so they see none.
      const theirs = await admin.pipelines.opportunities(pipeline.id, { ownerId: rep.id, limit: 500 });
      for (const deal of theirs.items) await admin.opportunities.update(deal, { ownerId: server.staffId });
      const token = (await mintToken({ kind: 'staff', subject: rep.id, scopes: READ })).token;
      const el = await board(clientWith(token));
      await until(el, 'empty');
      expect(text(el, 'status')).to.equal('No deals in this pipeline yet.');
      expect(el.shadowRoot?.querySelectorAll('[part~="column"]').length).to.equal(pipeline.stages.length);
      expect(headerOf(el, 0)).to.deep.equal({ count: '0', amount: money(0), forecast: money(0) });
      await expectAccessible(el);
    });

    it('not authorised: a key alone, or a token without opportunities:read', async () => {
      const el = await board(clientWith(null));
      await until(el, 'not_authorized');
      expect(text(el, 'status-title')).to.equal('Staff sign-in needed');
      expect(part(el, 'retry-button')).to.not.equal(null);
      expect(part(el, 'board')).to.equal(null);
      await expectAccessible(el);
      const customersOnly = (await mintToken({ kind: 'staff', scopes: ['customers:read'] })).token;
      const other = await board(clientWith(customersOnly));
      await until(other, 'not_authorized');
    });

    it('not found', async () => {
      const errors: CustomEvent[] = [];
      const client = clientWith(repReadToken);
      const el = await fixture<KithPipeline>(html`<kith-pipeline .client=${client} pipeline-id=${UNKNOWN_ID} locale="en-US"
        @kith-error=${(event: CustomEvent) => errors.push(event)}></kith-pipeline>`);
      await until(el, 'not_found');
      await waitUntil(() => errors.length > 0, 'no kith-error');
      expect(errors.map((event) => (event.detail as { code: string }).code)).to.deep.equal(['not_found']);
      expect(text(el, 'status')).to.equal('This pipeline does not exist or was removed.');
      await expectAccessible(el);
    });

    it('error with Retry when the server cannot be reached', async () => {
      const client = createClient({ baseUrl: await closedUrl(), key: server.publishableKey, token: () => repReadToken, ...ownStorage(), retry: false });
      const el = await board(client);
      await until(el, 'error');
      expect(text(el, 'status')).to.match(/^The pipeline could not be loaded: /);
      expect(part(el, 'retry-button')).to.not.equal(null);
      await expectAccessible(el);
    });

    it('offline: saved data with a notice and Retry', async () => {
      const proxy = await faultProxy('pass');
      const el = await readyBoard(clientWith(repReadToken, { baseUrl: proxy.url, retry: false }));
      const shown = titlesIn(el, 0);
      await faultProxy('down');
      el.retry();
      await until(el, 'offline');
      expect(text(el, 'status')).to.equal('You are offline: showing saved data. It may be out of date.');
      expect(titlesIn(el, 0)).to.deep.equal(shown);
      expect(part(el, 'retry-button')).to.not.equal(null);
      await expectAccessible(el);
    });
  });

  it('more than 500 deals: every page is read, and a long column renders only the cards near its view', async function () {
    this.timeout(180_000);
    const count = 520;
    for (let i = 0; i < count; i += 20) {
      await Promise.all(Array.from({ length: Math.min(20, count - i) }, (_, j) => newDeal(`Bulk ${i + j} ${uid()}`, 2, 1_000 + i + j)));
    }
    const now = await truth.pipelines.get(pipeline.id);
    const el = await readyBoard(clientWith(repToken));
    expect(el.deals.length).to.equal(now.totals.count);
    expect(now.totals.count).to.be.greaterThan(500);
    const column = columnEl(el, 2);
    const rendered = column?.querySelectorAll('[part~="card"]').length ?? 0;
    expect(rendered, 'rendered cards').to.be.greaterThan(0);
    expect(rendered, 'rendered cards').to.be.lessThan(80);
    const cards = el.shownColumns.get(stage(2).id) ?? [];
    expect(cards.length).to.be.at.least(count);
    // The last card, far below: brought into view by keyboard focus, then moved one column left.
    const last = cards.at(-1);
    if (!last) expect.fail('the column has cards');
    const seen = record(el);
    const event = await keyboardMove(el, seen, last.id, ['ArrowLeft']);
    expect(event.detail).to.deep.include({ toStageId: stage(1).id, status: 'sent' });
    await expectTotalsAgree(el);
  });
});
