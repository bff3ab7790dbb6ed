import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import {
  InteractionChannel, InteractionPhase, InteractionType,
  type Interaction, type InteractionPage, type InteractionQuery,
} from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk';
import { getTimeline } from '@kith/sdk/resources/interactions';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatCount, formatRelative } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { statusText, statusTone } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { timelineTexts } from './locales/catalog.js';
import { dayKind, groupByMonthAndDay, keyDate, mergePages, relativeTime } from './timeline.model.js';
import { timelineStyles } from './timeline.styles.js';

const { idle, loading, ready, empty, offline, stale, error: failed, notAuthorized } = ResourceStatus;

/** How long the search field waits after the last keystroke before it reads. */
const SEARCH_DELAY = 300;

/** A text glyph per channel (decorative: the line says what it was). */
const GLYPHS: Record<InteractionChannel, string> = {
  phone: '☎', email: '✉', web: '⌂', mobile: '▯', sms: '✎', chat: '❝', visit: '⚑', fax: '⎙', social: '♯',
};

interface Filters {
  channel: InteractionChannel[];
  type: InteractionType[];
  phase: InteractionPhase[];
  q: string;
}
type Facet = 'channel' | 'type' | 'phase';
const FACETS: Record<Facet, readonly string[]> = {
  channel: InteractionChannel.options,
  type: InteractionType.options,
  phase: InteractionPhase.options,
};

/** The filters as a query (empty ones left out), and as a string that is the same for the same filters. */
function queryOf(filters: Filters): InteractionQuery {
  const query: InteractionQuery = {};
  if (filters.channel.length) query.channel = filters.channel;
  if (filters.type.length) query.type = filters.type;
  if (filters.phase.length) query.phase = filters.phase;
  if (filters.q) query.q = filters.q;
  return query;
}

/** The next pages read with "Show more", for the filters they were read with. */
interface MorePages {
  key: string;
  items: Interaction[];
  next: string | null;
}

/**
 * @summary A customer's timeline for staff: every interaction, newest first, grouped by day and month, filtered by the server.
 *
 * Channel, type and phase filters (toggle buttons with the server's counts) and a text search
 * apply to all rows on the server; "Show more" reads the next page. The list follows the ARIA
 * feed pattern: PageDown and PageUp move between items. Needs a staff token with `customers:read`.
 *
 * @csspart base - The timeline box.
 * @csspart filters - The filter bar.
 * @csspart filter - Each filter toggle button.
 * @csspart search - The search field.
 * @csspart feed - The list of interactions.
 * @csspart month - Each month heading.
 * @csspart day - Each day heading.
 * @csspart item - Each interaction.
 * @csspart icon - The channel's glyph.
 * @csspart line - The readable line ("Call, outbound").
 * @csspart summary - The interaction's summary.
 * @csspart phase - The phase label.
 * @csspart time - When it happened.
 * @csspart count - "12 of 48".
 * @csspart more-button - The "Show more" button.
 * @csspart clear-button - The "Clear filters" button.
 * @csspart status - The status message.
 * @csspart status-title - The heading of the not-authorised message.
 * @csspart retry-button - The Retry button.
 * @csspart skeleton - Each placeholder bar of the loading state.
 *
 * @cssprop --kith-timeline-radius - Corner radius; defaults to `--kith-radius`.
 * @cssprop --kith-timeline-accent - Accent (buttons, pressed filters); defaults to `--kith-color-accent`.
 */
export class KithTimeline extends KithConnectedElement {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, timelineStyles];

  /** The id (UUID) of the customer whose timeline is shown. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  @state() private filters: Filters = { channel: [], type: [], phase: [], q: '' };
  /** What the search field holds (read after a pause in typing). */
  @state() private draft = '';
  @state() private more: MorePages | undefined;
  @state() private loadingMore = false;
  @state() private moreError: KithError | undefined;

  @query('.timeline') private rootElement?: HTMLElement;

  private readonly localize = new LocalizeController(this, timelineTexts);
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  /** The filters' key and query, recomputed only when the filters change (args compare with `===`). */
  private current = { filters: this.filters, key: '{}', query: {} as InteractionQuery };

  private readonly resource = new ResourceController<InteractionPage, readonly [KithCore, string, string]>(this, {
    args: () => {
      const client = this.connection.client;
      return client && this.customerId ? [client, this.customerId, this.filterState().key] : undefined;
    },
    read: ([client, id]) => getTimeline(client, id, this.filterState().query),
    isEmpty: (page) => page.items.length === 0,
  });

  /** The state shown: `idle`, `loading`, `ready`, `empty`, `offline`, `stale`, `error`, `not_found` or `not_authorized`. */
  get status(): ResourceStatus {
    return this.resource.status;
  }

  /** The first page read (with the total and facet counts). */
  get page(): InteractionPage | undefined {
    return this.resource.value;
  }

  /** The interactions shown: the first page and those read with "Show more", newest first. */
  get items(): Interaction[] {
    const first = this.resource.value?.items ?? [];
    const more = this.more?.key === this.filterState().key ? this.more.items : [];
    return mergePages([first, more]);
  }

  /** The error shown. */
  get error(): KithError | undefined {
    return this.resource.error;
  }

  /** Resolves when the texts of the current locale have loaded. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
  }

  /** Reads the timeline again from its first page (what the Retry button does). */
  retry(): void {
    this.more = undefined;
    this.moreError = undefined;
    this.resource.retry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  private filterState(): { key: string; query: InteractionQuery } {
    if (this.current.filters !== this.filters) {
      const query = queryOf(this.filters);
      this.current = { filters: this.filters, key: JSON.stringify(query), query };
    }
    return this.current;
  }

  private get filtered(): boolean {
    const f = this.filters;
    return f.channel.length + f.type.length + f.phase.length > 0 || f.q !== '';
  }

  /** New filters: read again from the first page (the pages read for the old ones are dropped). */
  private setFilters(filters: Filters): void {
    this.filters = filters;
    this.more = undefined;
    this.moreError = undefined;
  }

  private toggle(facet: Facet, value: string): void {
    const list = this.filters[facet] as string[];
    const next = list.includes(value) ? list.filter((v) => v !== value) : FACETS[facet].filter((v) => v === value || list.includes(v));
    this.setFilters({ ...this.filters, [facet]: next });
  }

  private onSearch(event: Event): void {
    this.draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => {
      const q = this.draft.trim().slice(0, 200);
      if (q !== this.filters.q) this.setFilters({ ...this.filters, q });
    }, SEARCH_DELAY);
  }

  private clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.draft = '';
    this.setFilters({ channel: [], type: [], phase: [], q: '' });
  }

  private get nextCursor(): string | null {
    const { key } = this.filterState();
    if (this.more?.key === key) return this.more.next;
    return this.resource.value?.next ?? null;
  }

  /** Reads the next page and appends it. */
  private async showMore(): Promise<void> {
    const client = this.connection.client;
    const id = this.customerId;
    const cursor = this.nextCursor;
    if (!client || !id || !cursor || this.loadingMore) return;
    const { key, query: filterQuery } = this.filterState();
    const before = this.more?.key === key ? this.more.items : [];
    this.loadingMore = true;
    this.moreError = undefined;
    try {
      const page = await getTimeline(client, id, { ...filterQuery, cursor });
      if (this.filterState().key !== key) return;
      this.more = { key, items: [...before, ...page.items], next: page.next };
    } catch (reason) {
      if (this.filterState().key === key) this.moreError = reason as KithError;
    } finally {
      this.loadingMore = false;
    }
  }

  /** PageDown / PageUp on an item moves focus to the next / previous one (ARIA feed). */
  private onFeedKey(event: KeyboardEvent): void {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const article = (event.target as Element).closest('article');
    if (!article) return;
    const articles = [...(this.renderRoot.querySelectorAll<HTMLElement>('[role="feed"] > article'))];
    const to = articles[articles.indexOf(article) + (event.key === 'PageDown' ? 1 : -1)];
    event.preventDefault();
    to?.focus();
  }

  private onRetry(): void {
    this.retry();
    void this.updateComplete.then(() => this.rootElement?.focus());
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const status = this.resource.status;
    const page = this.resource.value;
    const saved = status === stale || status === offline;
    const shown = page && (status === ready || status === empty || saved);
    const canRetry = status === failed || status === notAuthorized || saved;
    return html`
      <section class="kith-root timeline focusable" part="base" lang=${t.$lang} tabindex="-1" aria-label=${t.label}
        aria-busy=${status === loading ? 'true' : 'false'}>
        ${shown ? this.renderFilters(page) : nothing}
        ${shown && page.items.length > 0 ? this.renderFeed(page) : nothing}
        ${shown && page.items.length === 0 ? this.renderEmpty() : nothing}
        ${status === loading ? this.renderSkeleton() : nothing}
        <p class="status ${status === notAuthorized ? 'locked' : statusTone(status)}" part="status" role="status">${this.statusText(status)}</p>
        ${canRetry ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${this.localize.common.retry}</button>` : nothing}
      </section>
    `;
  }

  private renderFilters(page: InteractionPage): TemplateResult {
    const t = this.localize.t;
    const locale = this.localize.locale;
    const facet = (name: Facet, label: string, names: Record<string, string>) => {
      const selected = this.filters[name] as string[];
      const counts = page.counts[name] as Record<string, number>;
      const values = FACETS[name].filter((value) => (counts[value] ?? 0) > 0 || selected.includes(value));
      if (values.length === 0) return nothing;
      return html`
        <div class="facet" role="group" aria-label=${label}>
          <span class="facet-label" aria-hidden="true">${label}</span>
          ${values.map(
            (value) => html`<button class="toggle" part="filter" type="button" data-facet=${name} data-value=${value}
              aria-pressed=${selected.includes(value) ? 'true' : 'false'} @click=${() => this.toggle(name, value)}>
              <span>${names[value]}</span> <span class="count">${formatCount(counts[value] ?? 0, locale)}</span>
            </button>`,
          )}
        </div>
      `;
    };
    return html`
      <div class="filters" part="filters" role="group" aria-label=${t.filters.label}>
        <label class="search">
          <span class="search-label">${t.filters.search}</span>
          <input part="search" type="search" maxlength="200" .value=${this.draft} @input=${this.onSearch} />
        </label>
        ${facet('channel', t.filters.channel, t.channels)} ${facet('type', t.filters.type, t.types)}
        ${facet('phase', t.filters.phase, t.phases)}
      </div>
    `;
  }

  private renderFeed(page: InteractionPage): TemplateResult {
    const t = this.localize.t;
    const locale = this.localize.locale;
    const items = this.items;
    const now = Date.now();
    const months = groupByMonthAndDay(items);
    const monthFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const dayFormat = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    const total = Math.max(page.total, items.length);
    let position = 0;
    const dayLabel = (key: string) => {
      const kind = dayKind(key, now);
      return kind === 'today' ? t.today : kind === 'yesterday' ? t.yesterday : dayFormat.format(keyDate(key));
    };
    return html`
      <div class="feed" part="feed" role="feed" aria-label=${t.label} aria-busy=${this.loadingMore ? 'true' : 'false'} @keydown=${this.onFeedKey}>
        ${months.map((month) =>
          month.days.map((day, d) =>
            day.items.map((item, i) => {
              // A feed holds articles only: a group's headings open its first article.
              const headings =
                i === 0
                  ? html`${d === 0 ? html`<h3 class="month" part="month" data-key=${month.key}>${monthFormat.format(keyDate(month.key))}</h3>` : nothing}
                      <h4 class="day" part="day" data-key=${day.key}>${dayLabel(day.key)}</h4>`
                  : nothing;
              return this.renderItem(item, ++position, total, now, headings);
            }),
          ),
        )}
      </div>
      <div class="foot">
        <span class="count" part="count">${t.shown(formatCount(items.length, locale), formatCount(total, locale))}</span>
        ${this.nextCursor
          ? html`<button class="button quiet" part="more-button" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'}
              @click=${this.showMore}>${t.showMore}</button>`
          : nothing}
      </div>
      ${this.moreError ? html`<p class="status error" role="status">${t.moreFailed(this.localize.common.reasons[this.moreError.code] ?? '')}</p>` : nothing}
    `;
  }

  private renderItem(item: Interaction, position: number, total: number, now: number, headings: TemplateResult | typeof nothing): TemplateResult {
    const t = this.localize.t;
    const locale = this.localize.locale;
    const { value, unit } = relativeTime(item.occurredAt, now);
    const absolute = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(item.occurredAt));
    const lineId = `line-${item.id}`;
    return html`
      <article class="item focusable" part="item" tabindex="0" aria-posinset=${position} aria-setsize=${total} aria-labelledby=${lineId}
        data-id=${item.id} data-channel=${item.channel}>
        ${headings}
        <div class="row">
        <span class="icon" part="icon" aria-hidden="true">${GLYPHS[item.channel]}</span>
        <div class="content">
          <div class="meta">
            <span class="line" part="line" id=${lineId}>${t.line(t.types[item.type], t.directions[item.direction])}</span>
            <span class="phase" part="phase">${t.phases[item.phase]}</span>
            <time part="time" datetime=${item.occurredAt} title=${absolute}>${formatRelative(value, unit, locale)}</time>
          </div>
          <p class="summary" part="summary">${item.summary}</p>
          ${item.body ? html`<p class="body">${item.body}</p>` : nothing}
        </div>
        </div>
      </article>
    `;
  }

  private renderEmpty(): TemplateResult {
    const t = this.localize.t;
    return this.filtered
      ? html`<p class="empty">${t.emptyFiltered}</p>
          <button class="button" part="clear-button" type="button" @click=${this.clearFilters}>${t.filters.clear}</button>`
      : html`<p class="empty">${t.empty}</p>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`
      <div aria-hidden="true">
        <span class="skeleton title" part="skeleton"></span>
        <span class="skeleton" part="skeleton"></span>
        <span class="skeleton" part="skeleton"></span>
        <span class="skeleton short" part="skeleton"></span>
      </div>
    `;
  }

  private statusText(status: ResourceStatus): TemplateResult | string {
    const t = this.localize.t;
    if (status === notAuthorized) {
      return html`<strong class="status-title" part="status-title">${t.notAuthorized.title}</strong>
        <span>${t.notAuthorized.body}</span>`;
    }
    if (status === idle && this.connection.client) return t.noCustomer;
    return statusText(status, t, this.localize.common, this.resource.error) ?? '';
  }
}
