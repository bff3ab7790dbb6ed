import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Feedback, FeedbackListQuery, FeedbackPage } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk/core';
import { listFeedback } from '@kith/sdk/resources/feedback';
import type {} from '../events/kith-error.js';
import type { KithInboxActionEvent } from '../events/kith-inbox-action.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatCount } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import type { Theme } from '../internal/page-settings.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { skeleton, statusLine } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { feedbackInboxStyles } from './feedback-inbox.styles.js';
import { renderFilters, renderTabs, tabAfterKey } from './feedback-inbox-controls.js';
import { InboxList } from './inbox-list.js';
import { DEFAULT_FILTERS, queryOf, VIEWS, viewOf, type InboxFilters, type InboxView } from './inbox.model.js';
import { feedbackInboxTexts } from './locales/catalog.js';
import type { ListedKind } from './locales/texts.js';

const { idle, loading, ready, empty, offline, stale, error: failed, notAuthorized } = ResourceStatus;

/** How often the deadlines and the complaints' order are worked out again. */
const TICK_MS = 30_000;
const KINDS: Record<Exclude<InboxView, 'results'>, ListedKind> = { reviews: 'review', complaints: 'complaint', surveys: 'survey' };
const NONE: readonly Feedback[] = [];

/**
 * @summary The staff inbox of all feedback: reviews awaiting moderation, complaints by deadline, survey comments and survey results.
 *
 * Four views, a keyboard tablist (arrow keys, Home, End): **Reviews** (status filter, pending by
 * default) to publish, reject with a reason, or answer publicly; **Complaints** overdue first, then
 * by deadline, with a live countdown and "Overdue only", to answer (the shopper reads the answer)
 * and move along their path; **Survey comments**; **Results** (`<kith-survey-results>`, loaded on
 * first use). Each entry is a `<kith-feedback-inbox-item>` (a chunk of its own, fetched as the inbox
 * connects, while the first page loads). Lists follow the server live: new items
 * are announced politely ("1 new complaint") and marked "New"; after an action the item is replaced
 * where it stands (the item says the outcome). The complaints' order and deadline texts are worked
 * out again every 30 seconds from `now`, without reading again ("Overdue only" asks the server, which
 * judges by its own clock). Needs a staff token with
 * `feedback:read` (and `feedback:moderate` to act); without one, it says so.
 *
 * @fires kith-inbox-action - From an item (bubbles through): an action was sent or queued (`detail.action`, `detail.item`, `detail.status`).
 * @fires kith-error - A list could not be loaded (`detail.code`, `detail.error`).
 *
 * @csspart base - The inbox box.
 * @csspart tabs - The row of view tabs (`role="tablist"`).
 * @csspart tab - Each view tab.
 * @csspart panel - The shown view (`role="tabpanel"`).
 * @csspart filters - The filters of the view.
 * @csspart status-filter - The status menu (`<select>`).
 * @csspart overdue-filter - The "Overdue only" check box.
 * @csspart list - The list of items.
 * @csspart entry - One entry of the list, holding a `<kith-feedback-inbox-item>`.
 * @csspart new-badge - The "New" mark of an item that arrived while the inbox was open.
 * @csspart item - Each item's box (exported from the item).
 * @csspart deadline - Each complaint's deadline line (exported from the item).
 * @csspart more-button - The "Load more" button.
 * @csspart empty - No item in the view.
 * @csspart status - The status message.
 * @csspart status-title - The heading of the staff-only message.
 * @csspart retry-button - The Retry button.
 * @csspart skeleton - Each placeholder bar of the loading state.
 *
 * @cssprop --kith-feedback-inbox-radius - Corner radius; defaults to `--kith-radius`.
 * @cssprop --kith-feedback-inbox-accent - Accent (selected tab, buttons); defaults to `--kith-color-accent`.
 */
export class KithFeedbackInbox extends KithConnectedElement {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, feedbackInboxStyles];
  // Declared without decorators: each decorated field costs the element's entry bytes.
  static override properties = {
    view: { reflect: true },
    pageSize: { type: Number, attribute: 'page-size' },
    now: { attribute: false },
    filters: { state: true },
    announcement: { state: true },
    tick: { state: true },
  };

  /** The view shown: `reviews` (default), `complaints`, `surveys` or `results`. */
  view: InboxView = 'reviews';
  /** How many items a page of the list holds (1–100; the server's default, 20, when unset). */
  declare pageSize?: number;
  /** The clock (ms since the epoch) deadlines and the complaints' order are worked out with; `Date.now` by default. */
  declare now?: () => number;

  private filters: InboxFilters = DEFAULT_FILTERS;
  /** What the polite live region says (arrivals, the outcome of an action). */
  private announcement = '';
  /** Bumped every 30 s: a render works the deadlines out again. */
  private tick = 0;

  private readonly localize = new LocalizeController(this, feedbackInboxTexts);
  /** The list read now, and its query as a string (args compare with `===`). */
  #listed: { key: string; query: FeedbackListQuery } | undefined;
  readonly #list = new InboxList();
  #timer: ReturnType<typeof setInterval> | undefined;
  #results: Promise<unknown> | undefined;
  /** The items' element, a chunk of its own, fetched as the inbox connects, while the first page loads. */
  #itemChunk: Promise<unknown> | undefined;

  private readonly resource = new ResourceController<FeedbackPage, readonly [KithCore, string]>(this, {
    args: () => {
      const client = this.connection.client;
      const query = queryOf(this.currentView, this.filters, this.pageSize);
      if (!client || !query) return undefined;
      const key = JSON.stringify(query);
      if (this.#listed?.key !== key) this.#listed = { key, query };
      return [client, key];
    },
    read: ([client]) => listFeedback(client, this.#listed?.query),
    isEmpty: (page) => page.items.length === 0,
    onReady: (page) => this.#arrived(this.#list.noteFirst(this.#listed?.key ?? '', page)),
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
  });

  /**
   * The state shown: `idle` (no client), `loading`, `ready`, `empty`, `offline`, `stale`, `error`,
   * or `not_authorized` (no staff token, or one without `feedback:read`).
   */
  get status(): ResourceStatus {
    if (this.currentView === 'results') return this.connection.client ? ready : idle;
    const status = this.resource.status;
    return status === failed && this.resource.error?.code === 'unauthorized' ? notAuthorized : status;
  }

  /** The error shown. */
  get error(): KithError | undefined {
    return this.resource.error;
  }

  /** The items shown, in the order shown (the first page, those loaded since, and items acted on). */
  get items(): readonly Feedback[] {
    return this.#list.shown;
  }

  /** Resolves when the texts of the current locale, the items' element and the shown items' texts are there. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
    await this.#itemChunk;
    await this.updateComplete;
    const items = [...this.renderRoot.querySelectorAll('kith-feedback-inbox-item')];
    await Promise.all(items.map(async (item) => item.localeReady()));
  }

  /** Reads the list again from its first page (what the Retry button does). */
  retry(): void {
    this.#list.more = undefined;
    this.#list.moreError = undefined;
    this.resource.retry();
  }

  /** Reads the next page of the list and adds it below (what "Load more" does). */
  async loadMore(): Promise<void> {
    const client = this.connection.client;
    const listed = this.#listed;
    const list = this.#list;
    const cursor = list.next(this.resource.value);
    if (!client || !listed || list.key !== listed.key || !cursor || list.moreLoading) return;
    list.moreLoading = true;
    list.moreError = undefined;
    this.requestUpdate();
    try {
      list.addMore(listed.key, await listFeedback(client, { ...listed.query, cursor }));
    } catch (reason) {
      const error = reason as KithError;
      if (list.key === listed.key) list.moreError = error;
      this.emit('kith-error', { code: error.code, error });
    } finally {
      list.moreLoading = false;
      this.requestUpdate();
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // An item upgrades when its chunk lands: the properties set on it before then are kept.
    this.#itemChunk ??= import('./inbox-item.js').catch((error: unknown) => {
      this.#itemChunk = undefined; // tried again on the next connection
      console.error('[kith] <kith-feedback-inbox> items could not be loaded', error);
    });
    // Deadlines count down and complaints turn overdue while the inbox stays open.
    this.#timer = setInterval(() => (this.tick += 1), TICK_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.#timer);
  }

  /** The view shown (an unknown `view` attribute shows reviews). */
  private get currentView(): InboxView {
    return viewOf(this.view) ?? 'reviews';
  }

  private get clock(): number {
    return (this.now ?? Date.now)();
  }

  /** Items arrived live: said politely ("1 new complaint"). */
  #arrived(fresh: readonly Feedback[]): void {
    const kind = fresh[0]?.kind;
    if (!kind) return;
    const { t, locale } = this.localize;
    this.#announce(t.arrived(kind, formatCount(fresh.length, locale), fresh.length));
  }

  #announce(text: string): void {
    // Emptied and rendered first: the same words again ("1 new complaint") are then a change a screen reader says.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  /**
   * An item's action was sent or queued: the item is replaced where it stands. The outcome is
   * said by the item's own message (a status region beside the action), not again here.
   */
  private onAction(event: KithInboxActionEvent): void {
    this.#list.acted(event.detail.item);
    this.requestUpdate();
  }

  private select(view: InboxView, focus: boolean): void {
    if (view !== this.currentView) this.view = view;
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${view}`)?.focus());
  }

  private onTabKey(event: KeyboardEvent): void {
    const view = tabAfterKey(event.key, VIEWS.indexOf(this.currentView), getComputedStyle(this).direction === 'rtl');
    if (!view) return;
    event.preventDefault();
    this.select(view, true);
  }

  /** The survey results element, a chunk of its own, fetched the first time the Results view is shown. */
  #loadResults(): void {
    if (this.#results) return;
    this.#results = import('../survey-results/survey-results.js').then(
      () => this.requestUpdate(),
      (error: unknown) => {
        this.#results = undefined; // tried again the next time the view is shown
        console.error('[kith] <kith-feedback-inbox> results could not be loaded', error);
      },
    );
  }

  private onRetry(): void {
    this.retry();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.inbox')?.focus());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.currentView === 'results') this.#loadResults();
  }

  /** The theme the items get: the inbox's own, else the one the page set on it (items sit in its shadow root). */
  private get itemTheme(): Theme | undefined {
    return this.theme ?? ((this.getAttribute('data-kith-theme') ?? undefined) as Theme | undefined);
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const view = this.currentView;
    const status = this.status;
    const locked = status === notAuthorized || status === idle;
    return html`
      <section class="kith-root inbox focusable" part="base" lang=${t.$lang} tabindex="-1" aria-label=${t.label}
        aria-busy=${status === loading ? 'true' : 'false'}>
        ${locked
          ? this.renderStatus(status)
          : html`${renderTabs(view, t, { select: (next) => this.select(next, false), key: (event) => this.onTabKey(event) })}
            <div class="panel" part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${view}">
              ${view === 'results' ? this.renderResults() : this.renderList(view, status)}
            </div>`}
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }

  private renderStatus(status: ResourceStatus): TemplateResult {
    const canRetry = status === failed || status === notAuthorized || status === stale || status === offline;
    return html`
      ${statusLine(status, this.localize.t, this.localize.common, this.resource.error)}
      ${canRetry ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${this.localize.common.retry}</button>` : nothing}
    `;
  }

  private renderList(view: Exclude<InboxView, 'results'>, status: ResourceStatus): TemplateResult {
    const t = this.localize.t;
    const list = this.#list;
    const kind = KINDS[view];
    const now = this.clock;
    const shown = status === ready || status === empty || status === stale || status === offline;
    const items = shown ? list.items(this.resource.value, view === 'complaints', now) : NONE;
    const client = this.connection.client;
    const locale = this.localize.locale;
    const theme = this.itemTheme;
    return html`
      ${renderFilters(view, this.filters, t, (change) => (this.filters = { ...this.filters, ...change }))}
      ${items.length > 0
        ? html`<ul class="list" part="list" aria-label=${t.list[kind]} aria-busy=${list.moreLoading ? 'true' : 'false'}
            @kith-inbox-action=${this.onAction}>
            ${repeat(items, (item) => item.id, (item) => html`<li class="entry" part="entry" data-id=${item.id}>
              ${list.fresh.has(item.id) ? html`<span class="badge" part="new-badge">${t.fresh}</span>` : nothing}
              <kith-feedback-inbox-item exportparts="item, deadline" .item=${item} .now=${now} .client=${client} .locale=${locale}
                .theme=${theme}></kith-feedback-inbox-item>
            </li>`)}
          </ul>`
        : nothing}
      ${shown && items.length === 0 ? html`<p class="empty" part="empty">${t.empty[kind]}</p>` : nothing}
      ${shown && list.next(this.resource.value)
        ? html`<button class="button quiet more" part="more-button" type="button" aria-disabled=${list.moreLoading ? 'true' : 'false'}
            @click=${() => void this.loadMore()}>${t.loadMore}</button>`
        : nothing}
      ${list.moreError ? html`<p class="status error" role="alert">${t.moreFailed(this.localize.common.reasons[list.moreError.code])}</p>` : nothing}
      ${status === loading ? skeleton(4) : nothing}
      ${status === ready || status === empty ? nothing : this.renderStatus(status)}
    `;
  }

  private renderResults(): TemplateResult {
    if (!customElements.get('kith-survey-results')) return skeleton(3);
    return html`<kith-survey-results .client=${this.connection.client} .locale=${this.localize.locale} .theme=${this.itemTheme}
      .now=${this.now}></kith-survey-results>`;
  }
}
