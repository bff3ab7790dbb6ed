// What the timeline needs beyond its first page, as a chunk of its own fetched as it connects
// (while the first page loads): the virtual window (only the items near the view rendered), the
// next pages read as the person scrolls or asks, PageDown / PageUp between items, and the polite
// announcement of someone else's new interactions; the feed's items merged from these pages and the
// notes written here. Until it is there, the first page renders plainly, alone.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Interaction, InteractionPage, InteractionQuery } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk';
import { getTimeline } from '@kith/sdk/resources/interactions';
import { formatCount } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { repeat, VirtualWindow } from '../internal/virtual-list.js';
import { timelineFeedTexts } from './locales/feed-catalog.js';

/** Pages read as the person scrolls (the largest the server gives). */
const MORE_LIMIT = 100;
/** Start reading the next page when this few loaded items are left below the rendered ones. */
const PAGE_AHEAD = 15;

/** What the feed needs of its timeline. */
export interface FeedContext {
  host: ReactiveControllerHost &
    HTMLElement & { locale?: string | undefined; readonly renderRoot: HTMLElement | DocumentFragment; readonly updateComplete: Promise<boolean> };
  client(): KithCore | undefined;
  customerId(): string | undefined;
  /** The filters applied now, as a query and as a key that is the same for the same filters. */
  filters(): { key: string; query: InteractionQuery };
  /** The first page shown. */
  page(): InteractionPage | undefined;
  /** The keys of every row of the feed, in order (the same array while nothing changed). */
  keys(): readonly string[];
  scroller(): HTMLElement | undefined;
  list(): HTMLElement | undefined;
  /** Ids of interactions written here: not announced as someone else's. */
  own(): readonly Interaction[];
  announce(text: string): void;
}

/** The next pages read, for the filters they were read with. */
interface MorePages {
  key: string;
  items: Interaction[];
  next: string | null;
}

const NONE: readonly Interaction[] = [];

/** The interactions of several pages: each once (a page may overlap the next after a live change), newest first. */
export function mergePages(pages: readonly (readonly Interaction[])[]): Interaction[] {
  const seen = new Set<string>();
  const items: Interaction[] = [];
  for (const page of pages) {
    for (const item of page) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      items.push(item);
    }
  }
  // Stable: ties keep the server's order.
  return items.sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
}

export class TimelineFeed {
  readonly window: VirtualWindow;
  readonly #context: FeedContext;
  readonly #localize: LocalizeController<typeof timelineFeedTexts.en>;
  #more: MorePages | undefined;
  #loading = false;
  #error: KithError | undefined;
  /** The first page last shown, to tell someone else's new interactions from those already seen. */
  #seen: { key: string; ids: Set<string>; newest: number } | undefined;
  /** The items of the first page last shown. */
  #first: readonly Interaction[] | undefined;
  /** The feed's items last merged, and what from. */
  #items: { first: readonly Interaction[]; more: readonly Interaction[]; confirmed: readonly Interaction[]; items: Interaction[] } | undefined;

  constructor(context: FeedContext) {
    this.#context = context;
    this.#localize = new LocalizeController(context.host, timelineFeedTexts);
    this.window = new VirtualWindow(context.host, { scroller: context.scroller, list: context.list, keys: context.keys, estimate: 96 });
    context.host.addController({ hostUpdated: () => this.#pageAhead() });
    const page = context.page();
    if (page) this.noteFirstPage(page);
  }

  /** Resolves when the feed's texts of the current locale have loaded. */
  ready(): Promise<void> {
    return this.#localize.ready();
  }

  /** The interactions read after the first page, for the current filters. */
  more(): readonly Interaction[] {
    return this.#more?.key === this.#context.filters().key ? this.#more.items : NONE;
  }

  /**
   * The interactions the feed shows: `confirmed` (written here, which the first page may not hold
   * yet), the `first` page and those read since, each once, newest first (the same array while none changes).
   */
  items(first: readonly Interaction[], confirmed: readonly Interaction[]): readonly Interaction[] {
    const more = this.more();
    const memo = this.#items;
    if (memo?.first === first && memo.more === more && memo.confirmed === confirmed) return memo.items;
    this.#items = { first, more, confirmed, items: mergePages([confirmed, first, more]) };
    return this.#items.items;
  }

  /** The cursor of the next page, if there is one. */
  get next(): string | null {
    return this.#more?.key === this.#context.filters().key ? this.#more.next : (this.#context.page()?.next ?? null);
  }

  /** New filters, or Retry: the pages read are dropped and the feed shows its top. */
  reset(): void {
    this.#more = undefined;
    this.#error = undefined;
    this.showTop();
  }

  showTop(): void {
    this.window.reset();
    const scroller = this.#context.scroller();
    if (scroller) scroller.scrollTop = 0;
  }

  /** Reads the next page and appends it. */
  async loadMore(): Promise<void> {
    const context = this.#context;
    const client = context.client();
    const id = context.customerId();
    const cursor = this.next;
    if (!client || !id || !cursor || this.#loading) return;
    const { key, query } = context.filters();
    const before = this.more();
    this.#loading = true;
    this.#error = undefined;
    context.host.requestUpdate();
    try {
      const page = await getTimeline(client, id, { ...query, cursor, limit: MORE_LIMIT });
      if (context.filters().key === key) this.#more = { key, items: [...before, ...page.items], next: page.next };
    } catch (reason) {
      if (context.filters().key === key) this.#error = reason as KithError;
    } finally {
      this.#loading = false;
      context.host.requestUpdate();
    }
  }

  /** The rendered rows: those of the window, keyed, so focus stays on its item as the window moves. */
  renderRows<R extends { key: string }>(rows: readonly R[], render: (row: R, index: number) => unknown): unknown {
    const { start, end } = this.window;
    return repeat(rows.slice(start, end), (row) => row.key, (row, i) => render(row, start + i));
  }

  /** Whether a next page is being read (the feed's `aria-busy`). */
  get busy(): boolean {
    return this.#loading;
  }

  /** "Show more", and why the last next page failed. */
  renderMore(): TemplateResult | typeof nothing {
    const { t, common } = this.#localize;
    return html`${this.next
      ? html`<button class="button quiet" part="more-button" type="button" aria-disabled=${this.#loading ? 'true' : 'false'}
          @click=${() => this.loadMore()}>${t.showMore}</button>`
      : nothing}
    ${this.#error ? html`<p class="status error more-error" role="status">${t.moreFailed(common.reasons[this.#error.code] ?? '')}</p>` : nothing}`;
  }

  /** PageDown / PageUp on an item moves focus to the next / previous one (ARIA feed), rendering it first. */
  readonly onKey = async (event: KeyboardEvent): Promise<void> => {
    if (event.key !== 'PageDown' && event.key !== 'PageUp') return;
    const key = (event.target as Element).closest<HTMLElement>('article')?.dataset['key'];
    if (key === undefined) return;
    event.preventDefault();
    const to = this.#context.keys().indexOf(key) + (event.key === 'PageDown' ? 1 : -1);
    if (to >= this.#context.keys().length) await this.loadMore();
    if (to < 0 || to >= this.#context.keys().length) return;
    (await this.window.scrollToIndex(to))?.focus();
  };

  /**
   * A first page arrived: someone else's interactions at its top are announced (not on a first
   * load or new filters). Those the new first page pushed off its end stay: the next pages were
   * read after the old one, so without them the feed would have a gap.
   */
  noteFirstPage(page: InteractionPage): void {
    const { key } = this.#context.filters();
    const seen = this.#seen;
    if (seen?.key === key && this.#more?.key === key && this.#first) {
      const kept = new Set(page.items.map((item) => item.id));
      const pushed = this.#first.filter((item) => !kept.has(item.id));
      if (pushed.length) this.#more = { ...this.#more, items: [...pushed, ...this.#more.items] };
    }
    this.#first = page.items;
    if (seen?.key === key) {
      const own = new Set(this.#context.own().map((item) => item.id));
      const fresh = page.items.filter((item) => !seen.ids.has(item.id) && !own.has(item.id) && Date.parse(item.occurredAt) >= seen.newest);
      const { t, locale } = this.#localize;
      if (fresh.length) this.#context.announce(t.newItems(fresh.length, formatCount(fresh.length, locale)));
    }
    const newest = Math.max(seen?.key === key ? seen.newest : 0, ...page.items.slice(0, 1).map((item) => Date.parse(item.occurredAt)));
    this.#seen = { key, ids: new Set(page.items.map((item) => item.id)), newest };
  }

  /** Cursor paging as the person scrolls: the next page is read before the rendered items run out. */
  #pageAhead(): void {
    const scroller = this.#context.scroller();
    if (scroller && scroller.scrollTop > 0 && this.window.end >= this.#context.keys().length - PAGE_AHEAD && !this.#error) void this.loadMore();
  }
}
