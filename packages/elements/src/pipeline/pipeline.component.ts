import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { type DealTotals, type Opportunity, type OpportunityPage, type PipelineWithTotals, type StageWithTotals } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk';
import { getBoard, getPipeline } from '@kith/sdk/resources/pipelines';
import type {} from '../events/kith-error.js';
import type {} from '../events/kith-opportunity-move.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatCount, formatMoney } from '../internal/format.js';
import { LazyPart } from '../internal/lazy-part.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { statusLine } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import type * as PagesChunk from './board-pages.js';
import type { BoardPages } from './board-pages.js';
import type { BoardHost, BoardTools } from './board-tools.js';
import type * as ToolsChunk from './board-tools.js';
import { pipelineTexts } from './locales/catalog.js';
import { boardQuery, boardStatus, calendarDay, columnsOf } from './pipeline.model.js';
import { pipelineStyles } from './pipeline.styles.js';

const { idle, loading, ready, empty, offline, stale, error: failed, notAuthorized } = ResourceStatus;

/** Each column's first cards, rendered plainly until the tools are there (then only those near the view: see board-windows.ts). */
const PLAIN_MAX = 40;

/**
 * @summary A sales pipeline for staff: a column per stage with its count, Σ amount and forecast, and deals moved by pointer, touch or keyboard.
 *
 * Reads the pipeline (stages with totals) and every page of its board (500 deals a page), follows
 * live changes, and keeps what the person sees consistent: cards in rank order, column totals
 * computed from the cards shown (a SUM of their amounts; the forecast is Σ amount × probability,
 * rounded once per column) — the server's figures whenever nothing is pending or filtered.
 *
 * Moving a card: drag its handle (⠿) with a finger or pen (the rest of the card scrolls the
 * column), or the whole card with a mouse; or focus the card (Tab, or the arrow keys from card to
 * card) and press Space or Enter to lift it, the arrow keys to move it between columns and
 * positions, Space or Enter to drop and Escape to cancel; each step is announced. A click on a
 * card, or Enter on its title, opens it. A drop is shown at once and goes through the outbox with
 * the deal's version; when someone else changed the deal first, or the move is refused, the card
 * goes back and the board says why. Offline, the move is kept and the card shows as pending. While
 * a card is lifted, live changes wait until it is dropped. Sorting a column by amount or close
 * date is a view: reordering within it is off (and the board says so), moving to other columns
 * still works. The owner and text filters apply to every loaded deal; the column totals then count
 * the deals shown (a hint says so). The moves, the sorts, the filters and opening a card come with
 * the board's tools, a chunk of their own fetched as the board connects; so does the machinery that
 * renders only the cards near a column's view (until it is there, each column shows its first 40
 * cards). A board of more than 500 deals reads its later pages with a chunk of their own. Needs
 * a staff token with `opportunities:read`; moving needs `opportunities:write`, owners' names
 * `staff:read`.
 *
 * @csspart base - The pipeline box.
 * @csspart title - The pipeline's name.
 * @csspart toolbar - The filters (owner, search).
 * @csspart owner-filter - The owner list.
 * @csspart search - The search field.
 * @csspart filter-hint - Says that totals count the filtered deals.
 * @csspart customer-hint - Says that the board shows one customer's deals (with `customer-id`).
 * @csspart message - What happened to the last move when it did not simply land (refused, kept offline).
 * @csspart board - The row of columns (scrolls sideways).
 * @csspart column - Each column; also `column-open`, `column-won` or `column-lost`.
 * @csspart column-header - A column's header.
 * @csspart column-title - A stage's name.
 * @csspart column-kind - The Won or Lost badge.
 * @csspart totals - A column's totals.
 * @csspart total-count - Its number of deals.
 * @csspart total-amount - Its Σ amount.
 * @csspart total-forecast - Its weighted forecast.
 * @csspart sort - A column's sort list.
 * @csspart sort-hint - Says that a sorted column cannot be reordered.
 * @csspart column-body - A column's scrolling list of cards.
 * @csspart card - Each deal (focusable: Space or Enter lifts it).
 * @csspart card-title - The deal's title (a button that opens it).
 * @csspart card-amount - The deal's amount.
 * @csspart card-close - Its expected close.
 * @csspart card-handle - The drag handle (for a finger or a pen).
 * @csspart card-pending - The badge of a move waiting in the outbox.
 * @csspart drag-ghost - What follows the pointer during a drag.
 * @csspart status - The status message.
 * @csspart status-title - The heading of the not-authorised message.
 * @csspart retry-button - The Retry button.
 * @csspart skeleton - Each placeholder of the loading state.
 *
 * @cssprop --kith-pipeline-radius - Corner radius; defaults to `--kith-radius`.
 * @cssprop --kith-pipeline-accent - Accent (buttons, won column, lifted card); defaults to `--kith-color-accent`.
 * @cssprop --kith-pipeline-column-width - A column's width; defaults to 272px (narrower on a small screen).
 * @cssprop --kith-pipeline-column-height - The tallest a column's list grows before it scrolls; defaults to 560px.
 *
 * @fires kith-error - The pipeline could not be loaded (`not_found` and `forbidden` included; also while saved data is shown). Detail: `{ code, error }`.
 * @fires kith-opportunity-open - A person opened a deal (a click on the card, Enter on its title). Detail: `{ opportunity }`.
 * @fires kith-opportunity-move - A person dropped a deal in a new place and the outbox answered. Detail: `{ opportunity, fromStageId, toStageId, position, status, result }`.
 */
export class KithPipeline extends KithConnectedElement implements BoardHost {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, pipelineStyles];

  /** The id (UUID) of the pipeline to show. */
  @property({ attribute: 'pipeline-id' }) pipelineId?: string;

  /**
   * With a customer's id (UUID), only that customer's deals: a customer 360 page's board. The
   * server filters them; the column totals then count them (the server's totals count every deal).
   */
  @property({ attribute: 'customer-id' }) customerId?: string;

  private readonly localize = new LocalizeController(this, pipelineTexts);

  private readonly pipelineRead = new ResourceController<PipelineWithTotals, readonly [KithCore, string]>(this, {
    args: () => this.args(),
    read: ([client, id]) => getPipeline(client, id),
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
  });

  private readonly boardRead = new ResourceController<OpportunityPage, readonly [KithCore, string, string | undefined]>(this, {
    args: () => {
      const args = this.args();
      return args && [...args, this.customerId || undefined];
    },
    read: ([client, id, customerId]) => getBoard(client, id, boardQuery(customerId)),
    isEmpty: (page) => page.items.length === 0,
  });

  private readonly tools = new LazyPart<typeof ToolsChunk, BoardTools>(this, {
    wanted: () => true,
    // The lists' chunk (the columns' virtual windows, which the tools make) is fetched beside, not after, them.
    chunk: () => Promise.all([import('./board-tools.js'), import('../internal/virtual-list.js')]).then(([tools]) => tools),
    make: (module) => new module.BoardTools(this),
    name: '<kith-pipeline> tools',
  });

  /** The board's later pages (more than 500 deals): a chunk of their own, fetched when the first page says there are more. */
  private readonly pages = new LazyPart<typeof PagesChunk, BoardPages>(this, {
    wanted: () => !!this.boardRead.value?.next,
    chunk: () => import('./board-pages.js'),
    make: (module) => new module.BoardPages(this),
    name: '<kith-pipeline> pages',
  });

  /** The columns as shown, arranged before each render. */
  private columns = new Map<string, Opportunity[]>();

  constructor() {
    super();
    // After the reads (controllers update in the order they were added): the columns are
    // arranged from the data this render shows.
    this.addController({ hostUpdate: () => this.arrange() });
  }

  /** The state shown: `idle`, `loading`, `ready`, `empty`, `offline`, `stale`, `error`, `not_found` or `not_authorized`. */
  get status(): ResourceStatus {
    return boardStatus(this.pipelineRead.status, this.boardRead.status);
  }

  /** The pipeline shown, with the server's totals. */
  get pipeline(): PipelineWithTotals | undefined {
    return this.pipelineRead.value;
  }

  /** The deals loaded (every page once `complete`), as the server sent them. */
  get deals(): readonly Opportunity[] {
    return this.pages.value?.whole ?? this.boardRead.value?.items ?? [];
  }

  /** Whether every page of the board has loaded. */
  get complete(): boolean {
    const first = this.boardRead.value;
    return this.pages.value ? this.pages.value.whole !== undefined : !!first && !first.next;
  }

  /** The error shown. */
  get error(): KithError | undefined {
    return this.pipelineRead.error ?? this.boardRead.error;
  }

  /** Each stage's cards as shown (moves, filters and sorts applied), by stage id. */
  get shownColumns(): ReadonlyMap<string, readonly Opportunity[]> {
    return this.columns;
  }

  /** Resolves when the texts of the current locale, and the tools with theirs, have loaded. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
    await this.tools.ready();
  }

  /** Reads the pipeline and its board again (what the Retry button does). */
  retry(): void {
    this.pipelineRead.retry();
    this.boardRead.retry();
  }

  /**
   * The totals a column shows: computed from its cards as shown once every page is in or while
   * filtered (or showing one customer's deals), else the server's. (Until the tools are there nothing is moved or filtered: the
   * cards shown are the server's, and so are the totals.)
   */
  totalsOf(stage: StageWithTotals): DealTotals | undefined {
    const tools = this.tools.value;
    if (tools && (this.complete || tools.filtered || this.customerId)) return tools.totals(stage, this.pipelineRead.value?.currency ?? stage.totals.amount.currency);
    // One customer's deals: the server's totals count everyone's, so none until the tools count the cards.
    return this.customerId ? undefined : stage.totals;
  }

  /** @internal The client the tools write through. */
  boardClient(): KithCore | undefined {
    return this.connection.client;
  }

  /** @internal Brings card `index` of a column into view (once the tools are there) and resolves with its element. */
  async cardElement(stageId: string, index: number): Promise<HTMLElement | undefined> {
    return (await this.tools.loaded())?.windows.cardElement(stageId, index);
  }

  private args(): readonly [KithCore, string] | undefined {
    const client = this.connection.client;
    return client && this.pipelineId ? [client, this.pipelineId] : undefined;
  }

  private arrange(): void {
    this.pages.value?.follow(this.boardRead.value, this.connection.client, this.pipelineId, boardQuery(this.customerId), this.boardRead.status === ready);
    const stages = this.pipelineRead.value?.stages ?? [];
    const deals = this.deals;
    this.columns = this.tools.value?.arrange(stages, deals) ?? columnsOf(stages, deals);
  }

  private onRetry(): void {
    this.retry();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.pipeline')?.focus());
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const status = this.status;
    const pipeline = this.pipelineRead.value;
    const saved = status === stale || status === offline;
    const shown = pipeline && (status === ready || status === empty || saved);
    const canRetry = status === failed || status === notAuthorized || saved;
    const tools = this.tools.value;
    let count = 0;
    for (const list of this.columns.values()) count += list.length;
    return html`
      <section class="kith-root pipeline focusable" part="base" lang=${t.$lang} tabindex="-1" aria-label=${t.label(pipeline?.name ?? '')}
        aria-busy=${status === loading || (this.pages.value?.reading ?? !!this.boardRead.value?.next) ? 'true' : 'false'}>
        ${shown ? html`<h2 class="title" part="title">${pipeline.name}</h2>
          ${tools?.renderToolbar(this.deals.length, count) ?? nothing}` : nothing}
        ${status === loading ? this.renderSkeleton() : nothing}
        ${statusLine(status, this.localize.t, this.localize.common, this.error, status === idle && this.connection.client ? this.localize.t.noPipeline : status === empty ? (this.customerId ? t.customerEmpty : t.empty) : undefined)}
        ${canRetry ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${this.localize.common.retry}</button>` : nothing}
        ${this.pages.value?.render(t, this.localize.common) ?? nothing}
        ${shown ? this.renderBoard(pipeline) : nothing}
        <p class="visually-hidden" role="status">${tools?.announcement ?? ''}</p>
      </section>
    `;
  }

  private renderBoard(pipeline: PipelineWithTotals): TemplateResult {
    // The tools take the board's events (their `handleEvent`): opening a card, moving it.
    const tools = this.tools.value;
    return html`
      <div class="board" part="board" @click=${tools} @keydown=${tools} @pointerdown=${tools} @focusout=${tools}>
        ${pipeline.stages.map((stage) => this.renderColumn(stage))}
      </div>
    `;
  }

  private renderColumn(stage: StageWithTotals): TemplateResult {
    const t = this.localize.t;
    const locale = this.localize.locale;
    const tools = this.tools.value;
    const cards = this.columns.get(stage.id) ?? [];
    const totals = this.totalsOf(stage);
    const heading = `stage-${stage.id}`;
    const [start, end] = tools?.windows.range(stage.id) ?? [0, Math.min(cards.length, PLAIN_MAX)];
    return html`
      <div class="column ${stage.kind}" part="column column-${stage.kind}" role="group" aria-labelledby=${heading} data-stage=${stage.id}>
        <div class="column-head" part="column-header">
          <h3 class="stage" part="column-title" id=${heading}>${stage.name}${stage.kind === 'open'
            ? nothing
            : html` <span class="kind" part="column-kind">${t.kinds[stage.kind]}</span>`}</h3>
          ${totals ? html`<dl class="totals" part="totals">
            <div><dt>${t.totals.count}</dt><dd part="total-count">${formatCount(totals.count, locale)}</dd></div>
            <div><dt>${t.totals.amount}</dt><dd part="total-amount">${formatMoney(totals.amount, locale)}</dd></div>
            <div><dt>${t.totals.forecast}</dt><dd part="total-forecast">${formatMoney(totals.forecast, locale)}</dd></div>
          </dl>` : nothing}
          ${tools?.renderColumnTools(stage) ?? nothing}
        </div>
        <div class="scroller" part="column-body">
          <ol class="cards" aria-label=${t.cards(stage.name)}>
            ${cards.slice(start, end).map((deal, i) => {
              const index = start + i;
              return html`<li class="slot" data-key=${deal.id} data-stage=${stage.id} data-index=${index}>
                <div class="card focusable ${tools?.cardClass(deal.id) ?? ''}" part="card" tabindex="0" role="group" data-id=${deal.id}
                  aria-labelledby=${`deal-${deal.id}`} aria-describedby=${tools ? 'kith-move-help' : nothing}>
                  <button class="deal focusable" part="card-title" id=${`deal-${deal.id}`} type="button">${deal.title}</button>
                  <span class="amount" part="card-amount">${formatMoney(deal.amount, locale)}</span>
                  ${deal.expectedClose ? html`<span class="close" part="card-close">${t.closes(calendarDay(deal.expectedClose, locale))}</span>` : nothing}
                  ${tools?.renderCard(deal) ?? nothing}
                </div>
              </li>`;
            })}
          </ol>
          ${cards.length ? nothing : html`<p class="none">${t.noDeals}</p>`}
        </div>
      </div>
    `;
  }

  private renderSkeleton(): TemplateResult {
    const column = html`<div class="column" aria-hidden="true">
      <span class="skeleton title" part="skeleton"></span><span class="skeleton card-skeleton" part="skeleton"></span>
      <span class="skeleton card-skeleton" part="skeleton"></span>
    </div>`;
    return html`<div class="board">${column}${column}${column}</div>`;
  }

}
