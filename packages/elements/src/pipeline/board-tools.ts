// The board's tools — moving cards by pointer, touch and keyboard (with announcements), each
// column's sort, the owner and text filters, opening a card, and the totals the board works out
// itself — are a chunk of their own, fetched as the board connects while its deals load. They
// render into the board's shadow root as reactive controllers of the board; the board asks them how
// to arrange its columns and what their totals are, and hands them its events (`handleEvent`).
//
// This file holds what the parts share: the card being moved (lifted, dropped, put back), what is
// said, and focus. Each part has a file of its own:
//   board-filters.ts   the owner and text filters and each column's sort (with the owners' names)
//   board-keyboard.ts  moving cards, and focus between them, with the keyboard
//   board-drag.ts      dragging a card with a mouse, a finger or a pen
//   board-writes.ts    moves sent through the outbox, and what the board shows of them
//   board-totals.ts    a column's totals computed from the cards it shows
//   board-windows.ts   each column rendering only the cards near its view
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DealTotals, MoveOpportunity, Opportunity, StageWithTotals } from '@kith/schema';
import type { KithCore } from '@kith/sdk';
import type { KithOpportunityOpenEventDetail } from '../events/kith-opportunity-open.js';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { formatCount } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { PointerDrag } from './board-drag.js';
import { BoardFilters } from './board-filters.js';
import { KeyboardMove } from './board-keyboard.js';
import { boardToolsStyles } from './board-tools.styles.js';
import { totalsOf } from './board-totals.js';
import { BoardWindows } from './board-windows.js';
import { MoveWrites } from './board-writes.js';
import { insertAt, neighboursOf, shown, type Lift } from './board.model.js';
import { boardToolsTexts } from './locales/tools-catalog.js';
import type { BoardToolsTexts } from './locales/tools-texts.js';

/** What the tools need of the board that shows them. */
export interface BoardHost extends ReactiveControllerHost, HTMLElement {
  locale?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The deals loaded, as the server sent them. */
  readonly deals: readonly Opportunity[];
  /** The client the board reads and writes through. */
  boardClient(): KithCore | undefined;
  /** Set when the board shows one customer's deals. */
  readonly customerId?: string | undefined;
}

/** A card's place in a column as shown (index from 0), to be said. */
export interface Place {
  id: string;
  stageId: string;
  index: number;
  count: number;
}

/** "'Acme renewal' … Negotiation, position 2 of 5": what is said of a place. */
type SayPlace = BoardToolsTexts['moved'];

export class BoardTools implements ReactiveController {
  /** What the polite live region says. */
  announcement = '';
  /** The visible message (a refused or queued move). */
  message = '';
  /** The card being moved, by keyboard or pointer. */
  lift: Lift | undefined;
  /** While lifted, a person tried to reorder within a sorted column (then the drop says why it did not). */
  reorderTried = false;
  /** The data arranged last; held (live updates wait) while a card is lifted. */
  data: { stages: readonly StageWithTotals[]; deals: readonly Opportunity[] } = { stages: [], deals: [] };
  /** The columns as shown, by stage id. */
  columns = new Map<string, Opportunity[]>();

  readonly host: BoardHost;
  readonly localize: LocalizeController<BoardToolsTexts>;
  readonly filters: BoardFilters;
  readonly writes: MoveWrites;
  readonly keyboard: KeyboardMove;
  readonly drag: PointerDrag;
  /** Each column's virtual window (the cards near its view). */
  readonly windows: BoardWindows;
  /** The rank-ordered columns of the last data, newer copies and moves (sorts and filters come after). */
  #base: { stages: readonly StageWithTotals[]; deals: readonly Opportunity[]; changes: number; columns: Map<string, Opportunity[]> } | undefined;

  constructor(host: BoardHost) {
    this.host = host;
    this.localize = new LocalizeController(host, boardToolsTexts);
    this.filters = new BoardFilters(this);
    this.writes = new MoveWrites(this);
    this.keyboard = new KeyboardMove(this);
    this.drag = new PointerDrag(this);
    this.windows = new BoardWindows(host);
    host.addController(this);
    adoptLazyStyles(host.renderRoot, boardToolsStyles, 'board-tools');
  }

  hostDisconnected(): void {
    this.lift = undefined;
  }

  /** Resolves when the tools' texts of the current locale have loaded. */
  ready(): Promise<void> {
    return this.localize.ready();
  }

  /** Whether the filters hide deals (the column totals then count the deals shown). */
  get filtered(): boolean {
    return this.filters.filtered;
  }

  /** The board's events: a click opens a card; keys, a press and focus leaving move cards. */
  handleEvent(event: Event): void {
    if (event.type === 'click') this.#open(event as MouseEvent);
    else if (event.type === 'keydown') this.keyboard.keydown(event as KeyboardEvent);
    else if (event.type === 'pointerdown') this.drag.pointerdown(event as PointerEvent);
    else if (event.type === 'focusout') this.keyboard.focusout(event as FocusEvent);
  }

  /**
   * The columns to show: the board's deals with the newer copies this page knows, the moves not on
   * the server yet, the filters and sorts, and the lifted card where it would drop. While a card is
   * lifted, the data it was lifted from stays (live updates wait until the drop).
   */
  arrange(stages: readonly StageWithTotals[], deals: readonly Opportunity[]): Map<string, Opportunity[]> {
    if (!this.lift) this.data = { stages, deals };
    const { data, writes, filters } = this;
    let base = this.#base;
    if (base?.stages !== data.stages || base.deals !== data.deals || base.changes !== writes.changes) {
      const merged = writes.merged(data.deals);
      if (data.deals !== base?.deals) filters.names(merged);
      base = { stages: data.stages, deals: data.deals, changes: writes.changes, columns: writes.columnsOf(data.stages, merged) };
      this.#base = base;
    }
    const lift = this.lift;
    let card: Opportunity | undefined;
    const out = new Map<string, Opportunity[]>();
    for (const stage of data.stages) {
      const list = base.columns.get(stage.id) ?? [];
      if (lift) card ??= list.find((deal) => deal.id === lift.id);
      out.set(stage.id, shown(list, filters.value, filters.sortOf(stage.id)).filter((deal) => deal.id !== lift?.id));
    }
    const target = lift && out.get(lift.stageId);
    if (lift && card && target) {
      lift.index = insertAt(target, card, filters.sortOf(lift.stageId), lift.index);
      target.splice(lift.index, 0, { ...card, stageId: lift.stageId });
    }
    this.columns = out;
    this.windows.follow(out);
    return out;
  }

  /** A column's totals computed from its cards as shown (moves not on the server yet, filters). */
  totals(stage: StageWithTotals, currency: string): DealTotals {
    return totalsOf(this.columns.get(stage.id) ?? [], stage.probability, currency);
  }

  /** The card's classes: lifted (being moved) or pending (its move waits in the outbox). */
  cardClass(id: string): string {
    if (this.lift?.id === id) return 'lifted';
    return this.writes.waiting(id) ? 'pending' : '';
  }

  // ——— rendering ———

  /** The filters, the last move's message, how to move a card (each card's description) and the dragged card. */
  renderToolbar(total: number, count: number): TemplateResult {
    const t = this.localize.t;
    return html`
      ${this.filters.render(total, count)}
      <p class="message" part="message" lang=${t.$lang}>${this.message}</p>
      <p class="visually-hidden" id="kith-move-help" lang=${t.$lang}>${t.help}</p>
      ${this.drag.renderGhost()}
    `;
  }

  renderColumnTools(stage: StageWithTotals): TemplateResult {
    return this.filters.renderSort(stage);
  }

  /** A card's drag handle (a finger or a pen drags it; the rest of the card scrolls the column) and pending badge. */
  renderCard(deal: Opportunity): TemplateResult {
    return html`
      ${this.cardClass(deal.id) === 'pending' ? html`<span class="badge" part="card-pending">${this.localize.t.pending}</span>` : nothing}
      <span class="handle" part="card-handle" aria-hidden="true">⠿</span>
    `;
  }

  // ——— opening a card ———

  /** A click on a card (not the end of a drag) opens it. */
  #open(event: MouseEvent): void {
    const key = (event.target as Element).closest('.card')?.closest<HTMLElement>('.slot')?.dataset['key'];
    if (!key || this.drag.consumeClick()) return;
    const opportunity = this.host.deals.find((deal) => deal.id === key);
    if (!opportunity) return;
    const detail: KithOpportunityOpenEventDetail = { opportunity };
    this.host.dispatchEvent(new CustomEvent('kith-opportunity-open', { detail, bubbles: true, composed: true }));
  }

  // ——— the card being moved ———

  /** Lifts card `index` of a column (it must still be `id`); a card whose last move is not saved yet stays. */
  startLift(id: string, stageId: string, index: number): boolean {
    const card = this.columns.get(stageId)?.[index];
    if (!card || card.id !== id) return false;
    if (this.writes.busy(id)) {
      this.say(this.localize.t.busy(card.title), true);
      return false;
    }
    this.lift = { id, fromStage: stageId, fromIndex: index, stageId, index };
    this.reorderTried = false;
    this.message = '';
    this.windows.keep(id);
    this.host.requestUpdate();
    return true;
  }

  /** Puts the lifted card back; `refocus` focuses it there (not when focus went elsewhere). */
  cancel(refocus = true): void {
    const lift = this.lift;
    this.drag.end();
    if (!lift) return;
    this.lift = undefined;
    this.windows.keep(undefined);
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const list = this.columns.get(lift.fromStage) ?? [];
      const index = list.findIndex((deal) => deal.id === lift.id);
      if (index < 0) return;
      this.sayPlace(this.localize.t.cancelled, { id: lift.id, stageId: lift.fromStage, index, count: list.length });
      if (refocus) void this.focus(lift.fromStage, index, '.card');
    });
  }

  /** Drops the lifted card where it is: the move goes through the outbox with the version; the board shows it at once. */
  async drop(): Promise<void> {
    const lift = this.lift;
    const client = this.host.boardClient();
    if (!lift || !client) return;
    const t = this.localize.t;
    const list = this.columns.get(lift.stageId) ?? [];
    const card = list[lift.index];
    const sort = this.filters.sortOf(lift.stageId);
    this.lift = undefined;
    this.windows.keep(undefined);
    if (!card) return this.host.requestUpdate();
    const place = { id: card.id, stageId: lift.stageId, index: lift.index, count: list.length };
    if (lift.stageId === lift.fromStage && (sort !== 'rank' || lift.index === lift.fromIndex)) {
      // Nothing changed (or a sorted column, whose order is not the board's): nothing to send.
      const attempted = sort !== 'rank' && this.reorderTried;
      this.host.requestUpdate();
      await this.host.updateComplete;
      const index = this.columns.get(lift.fromStage)?.findIndex((deal) => deal.id === card.id) ?? lift.fromIndex;
      if (attempted) this.say(t.sortedAttempt(this.stageName(lift.stageId), t.sort[sort]), true);
      else this.sayPlace(t.stays, { ...place, index, count: this.columns.get(lift.fromStage)?.length ?? 0 });
      return this.focus(lift.fromStage, index, '.card');
    }
    const move: MoveOpportunity = { stageId: lift.stageId, ...neighboursOf(list, lift.index, sort) };
    const original = this.data.deals.find((deal) => deal.id === card.id) ?? card;
    this.sayPlace(t.dropped, place);
    void this.host.updateComplete.then(() => this.focusLifted(card.id));
    return this.writes.send(client, card, original, lift, move);
  }

  // ——— what is said, and focus ———

  stageName(id: string): string {
    return this.data.stages.find((stage) => stage.id === id)?.name ?? '';
  }

  /** Says what `text` says of the lifted card's place (or of `at`): its title, stage, position and count, formatted. */
  sayPlace(text: SayPlace, at?: Place): void {
    const lift = this.lift;
    const where = at ?? (lift ? { id: lift.id, stageId: lift.stageId, index: lift.index, count: this.columns.get(lift.stageId)?.length ?? 0 } : undefined);
    const locale = this.localize.locale;
    const title = this.data.deals.find((deal) => deal.id === where?.id)?.title ?? '';
    this.say(text(title, this.stageName(where?.stageId ?? ''), formatCount((where?.index ?? 0) + 1, locale), formatCount(where?.count ?? 0, locale)));
  }

  /** Says `text` in the polite live region; `visible` also shows it as the board's message. */
  say(text: string, visible = false): void {
    this.announcement = text;
    if (visible) this.message = text;
    this.host.requestUpdate();
  }

  async focusLifted(id = this.lift?.id): Promise<void> {
    for (const [stageId, list] of this.columns) {
      const index = list.findIndex((deal) => deal.id === id);
      if (index >= 0) return this.focus(stageId, index, '.card');
    }
  }

  async focus(stageId: string, index: number, control: '.card' | '.deal'): Promise<void> {
    const el = await this.windows.cardElement(stageId, index);
    el?.querySelector<HTMLElement>(control)?.focus();
  }
}
