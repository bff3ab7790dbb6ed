import { html, nothing, type TemplateResult } from 'lit';
import type { Interaction, InteractionChannel, InteractionPage, InteractionQuery } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk';
import { getTimeline } from '@kith/sdk/resources/interactions';
import { KithConnectedElement } from '../internal/connected-element.js';
import { dateTimeFormat, formatCount, formatRelative } from '../internal/format.js';
import { LazyPart } from '../internal/lazy-part.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { skeleton, statusLine } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { timelineTexts } from './locales/catalog.js';
import type * as FeedChunk from './timeline-feed.js';
import type { TimelineFeed } from './timeline-feed.js';
import type * as FiltersChunk from './timeline-filters.js';
import type { TimelineFiltersBar } from './timeline-filters.js';
import type * as WritesChunk from './timeline-writes.js';
import type { PendingWrite, TimelineWrites } from './timeline-writes.js';
import { dayKind, headingsAt, keyDate, NO_FILTERS, relativeTime, type TimelineFilters } from './timeline.model.js';
import { timelineStyles } from './timeline.styles.js';

const { idle, loading, ready, empty, offline, stale, error: failed, notAuthorized } = ResourceStatus;

/** A text glyph per channel (decorative: the line says what it was). */
const GLYPHS: Record<InteractionChannel, string> = {
  phone: '☎', email: '✉', web: '⌂', mobile: '▯', sms: '✎', chat: '❝', visit: '⚑', fax: '⎙', social: '♯',
};

/** The items rendered plainly until the list's chunk is there (a first page is 20). */
const PLAIN_MAX = 50;
/** No interactions (one array, so what is worked out from it is not worked out again). */
const NONE: readonly Interaction[] = [];

/** One item of the feed: an interaction, or a note or call written here and not confirmed yet. */
type Row = { key: string; item: Interaction; write?: undefined } | { key: string; write: PendingWrite; item?: undefined };

/**
 * @summary A customer's timeline for staff: every interaction, newest first, grouped by day and month, filtered by the server.
 *
 * Channel, type and phase filters (toggle buttons with the server's counts) and a text search
 * apply to all rows on the server; the next page is read as the person scrolls (or with "Show
 * more"). Only the items near the visible part of the feed are rendered, so 10,000 events scroll
 * smoothly; new interactions arrive live, announced, without moving the item being read. "Add
 * note" and "Log call" write through the outbox: shown at once as pending, confirmed when
 * delivered, kept when offline. The list follows the ARIA feed pattern: PageDown and PageUp
 * move between items. Needs a staff token with `customers:read` (and `interactions:write` to write).
 *
 * @fires kith-load - The first page arrived (`detail.page`, `detail.customerId`).
 * @fires kith-error - The timeline could not be loaded (`detail.code`, `detail.error`).
 * @fires kith-interaction-create - A note or call written here was sent, queued or refused (`detail.result.status`).
 *
 * @csspart base - The timeline box.
 * @csspart actions - The "Add note" and "Log call" buttons.
 * @csspart add-note-button - The "Add note" button.
 * @csspart log-call-button - The "Log call" button.
 * @csspart composer - The form for a note or a call.
 * @csspart summary-input - The form's summary field.
 * @csspart body-input - The form's details field.
 * @csspart save-button - The form's Save button.
 * @csspart cancel-button - The form's Cancel button.
 * @csspart composer-message - Why the form's last save was refused.
 * @csspart filters - The filter bar.
 * @csspart filter - Each filter toggle button.
 * @csspart search - The search field.
 * @csspart scroller - The box the feed scrolls in (its height is `--kith-timeline-max-height`).
 * @csspart feed - The list of interactions.
 * @csspart month - Each month heading.
 * @csspart day - Each day heading.
 * @csspart item - Each interaction.
 * @csspart pending-item - Each note or call not confirmed yet.
 * @csspart pending-state - What a pending item waits for, or why it was refused.
 * @csspart edit-button - Opens a refused note or call again.
 * @csspart discard-button - Drops a refused note or call.
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
 * @cssprop --kith-timeline-max-height - The feed's height before it scrolls; defaults to `40rem`.
 */
export class KithTimeline extends KithConnectedElement {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, timelineStyles];
  // Declared without decorators: each element chunk would carry its own copy of the decorator helper.
  static override properties = {
    customerId: { attribute: 'customer-id' },
    readonly: { type: Boolean, reflect: true },
    filters: { state: true },
    announcement: { state: true },
  };

  /** The id (UUID) of the customer whose timeline is shown. */
  declare customerId?: string;
  /** Hides "Add note" and "Log call" (a viewer who may read but not write). */
  readonly = false;

  private filters: TimelineFilters = NO_FILTERS;
  /** What the polite live region says (new interactions, a confirmed note). */
  private announcement = '';

  private readonly localize = new LocalizeController(this, timelineTexts);
  /** The filters as the server's query (the filter bar works it out), and a key that is the same string for the same filters (args compare with `===`). */
  private current = { key: '{}', query: {} as InteractionQuery };

  private readonly resource = new ResourceController<InteractionPage, readonly [KithCore, string, string]>(this, {
    args: () => {
      const client = this.connection.client;
      return client && this.customerId ? [client, this.customerId, this.current.key] : undefined;
    },
    read: ([client, id]) => getTimeline(client, id, this.current.query),
    isEmpty: (page) => page.items.length === 0,
    onReady: (page) => {
      this.feed.value?.noteFirstPage(page);
      if (this.customerId) this.emit('kith-load', { customerId: this.customerId, page });
    },
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
  });

  // The filter bar and the writing (buttons, form, pending notes) are chunks of their own,
  // fetched as the timeline connects, while its first page loads.
  private readonly filterBar = new LazyPart<typeof FiltersChunk, TimelineFiltersBar>(this, {
    wanted: () => true,
    chunk: () => import('./timeline-filters.js'),
    make: (module) =>
      new module.TimelineFiltersBar({
        host: this,
        filters: () => this.filters,
        apply: (filters, query) => this.setFilters(filters, query),
        names: () => this.localize.t,
      }),
    name: '<kith-timeline> filters',
  });

  private readonly writes = new LazyPart<typeof WritesChunk, TimelineWrites>(this, {
    wanted: () => !this.readonly,
    chunk: () => import('./timeline-writes.js'),
    make: (module) =>
      new module.TimelineWrites({
        host: this,
        client: () => this.connection.client,
        customerId: () => this.customerId,
        filters: () => this.filters,
        texts: () => ({ t: this.localize.t, common: this.localize.common, locale: this.localize.locale }),
        phase: () => this.items[0]?.phase ?? 'sale',
        announce: (text) => (this.announcement = text),
        showTop: () => this.feed.value?.showTop(),
      }),
    name: '<kith-timeline> writes',
  });

  // Beyond the first page — the virtual window, the next pages, PageDown / PageUp, announcing
  // someone else's new interactions — is a chunk of its own, fetched as the timeline connects.
  private readonly feed = new LazyPart<typeof FeedChunk, TimelineFeed>(this, {
    wanted: () => true,
    chunk: () => import('./timeline-feed.js'),
    make: (module) =>
      new module.TimelineFeed({
        host: this,
        client: () => this.connection.client,
        customerId: () => this.customerId,
        filters: () => this.current,
        page: () => this.resource.value,
        keys: () => this.rowState().keys,
        scroller: () => this.element('.scroller'),
        list: () => this.element('.feed'),
        own: () => this.writes.value?.confirmed() ?? [],
        announce: (text) => (this.announcement = text),
      }),
    name: '<kith-timeline> feed',
  });

  /** The state shown: `idle`, `loading`, `ready`, `empty`, `offline`, `stale`, `error`, `not_found` or `not_authorized`. */
  get status(): ResourceStatus {
    return this.resource.status;
  }

  /** The first page read (with the total and facet counts). */
  get page(): InteractionPage | undefined {
    return this.resource.value;
  }

  /** The interactions shown: the first page, those read since, and those written here and confirmed, newest first. */
  get items(): readonly Interaction[] {
    const first = this.resource.value?.items ?? NONE;
    // The feed's chunk merges them (until it is there, the first page is all there is to show).
    return this.feed.value?.items(first, this.filtered ? NONE : (this.writes.value?.confirmed() ?? NONE)) ?? first;
  }

  /** The error shown. */
  get error(): KithError | undefined {
    return this.resource.error;
  }

  /** Resolves when the texts of the current locale (and of the filter bar, once loaded) are there. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
    await this.filterBar.ready();
    await this.feed.ready();
  }

  /** Reads the timeline again from its first page (what the Retry button does). */
  retry(): void {
    this.feed.value?.reset();
    this.resource.retry();
  }

  /** Reads the next page and appends it (what scrolling near the end, and "Show more", do). */
  async loadMore(): Promise<void> {
    await (await this.feed.loaded())?.loadMore();
  }

  private get filtered(): boolean {
    return this.current.key !== '{}';
  }

  /** The feed's rows (pending writes first) and their keys, the same arrays while nothing changed. */
  private rowState(): { rows: readonly Row[]; keys: readonly string[]; instants: readonly { occurredAt: string }[] } {
    const items = this.items;
    const pending = this.writes.value?.pending() ?? [];
    const memo = this.rowMemo;
    if (memo.items === items && memo.pending === pending) return memo;
    const rows: Row[] = [
      ...pending.map((write): Row => ({ key: `pending:${write.entry.id}`, write })),
      ...items.map((item): Row => ({ key: item.id, item })),
    ];
    // Pending writes carry the time they were written (the form sets it).
    const instants = rows.map((row) => ({ occurredAt: row.item?.occurredAt ?? row.write?.interaction.occurredAt ?? '' }));
    this.rowMemo = { items, pending, rows, keys: rows.map((row) => row.key), instants };
    return this.rowMemo;
  }
  private rowMemo: {
    items: readonly Interaction[];
    pending: readonly PendingWrite[];
    rows: readonly Row[];
    keys: readonly string[];
    instants: readonly { occurredAt: string }[];
  } = { items: [], pending: [], rows: [], keys: [], instants: [] };

  /** New filters: read again from the first page, shown from the top (the pages read for the old ones are dropped). */
  private setFilters(filters: TimelineFilters, query: InteractionQuery): void {
    this.filters = filters;
    this.current = { key: JSON.stringify(query), query };
    this.feed.value?.reset();
  }

  private onRetry(): void {
    this.retry();
    void this.updateComplete.then(() => this.element('.timeline')?.focus());
  }

  /** An element of the shadow root (none while it is not rendered). */
  private element(selector: string): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>(selector) ?? undefined;
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const status = this.resource.status;
    const page = this.resource.value;
    const saved = status === stale || status === offline;
    const shown = page && (status === ready || status === empty || saved);
    const canRetry = status === failed || status === notAuthorized || saved;
    const rows = this.rowState().rows;
    return html`
      <section class="kith-root timeline focusable" part="base" lang=${t.$lang} tabindex="-1" aria-label=${t.label}
        aria-busy=${status === loading ? 'true' : 'false'}>
        ${shown && !this.readonly ? html`<div part="actions">${this.writes.value?.renderActions() ?? html`<div class="actions-reserved"></div>`}</div>` : nothing}
        ${shown ? this.filterBar.value?.render(page.counts) : nothing}
        ${shown && rows.length > 0 ? this.renderFeed(page, rows) : nothing}
        ${shown && rows.length === 0 ? (this.filtered ? this.filterBar.value?.renderEmpty() : html`<p class="empty">${t.empty}</p>`) : nothing}
        ${status === loading ? skeleton(4) : nothing}
        ${statusLine(status, this.localize.t, this.localize.common, this.resource.error, status === idle && this.connection.client ? t.noCustomer : undefined)}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        ${canRetry ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${this.localize.common.retry}</button>` : nothing}
      </section>
    `;
  }

  private renderFeed(page: InteractionPage, rows: readonly Row[]): TemplateResult {
    const t = this.localize.t;
    const locale = this.localize.locale;
    const items = this.items;
    const pendingCount = rows.length - items.length;
    const total = Math.max(page.total, items.length) + pendingCount;
    const now = Date.now();
    const feed = this.feed.value;
    // Headings are worked out for the rendered rows only.
    const instants = this.rowState().instants;
    const monthFormat = dateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
    const dayFormat = dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
    const headings = (index: number) => {
      const { month, day } = headingsAt(instants, index);
      if (!day) return nothing;
      const kind = dayKind(day, now);
      const dayLabel = kind === 'today' ? t.today : kind === 'yesterday' ? t.yesterday : dayFormat.format(keyDate(day));
      // A feed holds articles only: a group's headings open its first article.
      return html`${month ? html`<h3 class="month" part="month" data-key=${month}>${monthFormat.format(keyDate(month))}</h3>` : nothing}
        <h4 class="day" part="day" data-key=${day}>${dayLabel}</h4>`;
    };
    const renderRow = (row: Row, index: number) =>
      row.item
        ? this.renderItem(row.item, index + 1, total, now, headings(index))
        : this.writes.value?.renderPending(row.write, index + 1, total, headings(index), this.renderMeta(row.write.interaction, now, row.key));
    return html`
      <div class="scroller" part="scroller">
      <div class="feed" part="feed" role="feed" aria-label=${t.label} aria-busy=${feed?.busy ? 'true' : 'false'} @keydown=${feed?.onKey}>
        ${feed ? feed.renderRows(rows, renderRow) : rows.slice(0, PLAIN_MAX).map(renderRow)}
      </div>
      </div>
      <div class="foot">
        <span class="count" part="count">${t.shown(formatCount(items.length, locale), formatCount(Math.max(page.total, items.length), locale))}</span>
        ${feed?.renderMore() ?? nothing}
      </div>
    `;
  }

  /** The line, phase and time of an interaction (or of one written here). */
  private renderMeta(item: Pick<Interaction, 'type' | 'direction' | 'phase'> & { occurredAt?: string | undefined }, now: number, key: string): TemplateResult {
    const t = this.localize.t;
    const locale = this.localize.locale;
    const at = item.occurredAt ?? new Date(now).toISOString();
    const { value, unit } = relativeTime(at, now);
    const absolute = dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at));
    return html`<div class="meta">
      <span class="line" part="line" id="line-${key.replace('pending:', '')}">${t.line(t.types[item.type], t.directions[item.direction])}</span>
      <span class="phase" part="phase">${t.phases[item.phase]}</span>
      <time part="time" datetime=${at} title=${absolute}>${formatRelative(value, unit, locale)}</time>
    </div>`;
  }

  private renderItem(item: Interaction, position: number, total: number, now: number, headings: TemplateResult | typeof nothing): TemplateResult {
    return html`
      <article class="item focusable" part="item" tabindex="0" aria-posinset=${position} aria-setsize=${total} aria-labelledby="line-${item.id}"
        data-key=${item.id} data-channel=${item.channel}>
        ${headings}
        <div class="row">
          <span class="icon" part="icon" aria-hidden="true">${GLYPHS[item.channel]}</span>
          <div class="content">
            ${this.renderMeta(item, now, item.id)}
            <p class="summary" part="summary">${item.summary}</p>
            ${item.body ? html`<p class="body">${item.body}</p>` : nothing}
          </div>
        </div>
      </article>
    `;
  }

}
