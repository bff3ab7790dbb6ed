import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface VirtualWindowOptions {
  /** The element that scrolls (`overflow: auto`): its `scrollTop` is the reading position. */
  scroller: () => HTMLElement | null | undefined;
  /**
   * The element holding the rendered items as its element children, each with `data-key`. The
   * controller sets its `padding-top`/`padding-bottom` to stand for the items not rendered, so
   * it must have no padding of its own, and its children no gap or margin between them (space
   * them with their own padding).
   */
  list: () => HTMLElement | null | undefined;
  /** The keys of all items, in order (the same array while nothing changed: it is compared with `===`). */
  keys: () => readonly string[];
  /** The height in px of an item not measured yet, until some are (then their average is used). */
  estimate: number;
  /** How many px beyond the visible part are rendered on each side. Default 500. */
  overscan?: number;
}

/** How far (in items) a kept item may be from the visible ones and still be rendered with them. */
const KEEP_REACH = 100;

/**
 * Renders only the items of a long list near the visible part of its scroller (a timeline of
 * 10,000 events, a column of 500 deals), with padding standing for the others. Heights are
 * measured once rendered and estimated before; the item at the top of the view — or the focused
 * one — stays where it is when items are added above it, heights change or the list re-renders,
 * so a live insert never moves what a person is reading.
 *
 * The host renders `keys()[start, end)` into `list()`; `indexAt`, `scrollToIndex` and `keep`
 * serve drag and drop and keyboard moves.
 */
export class VirtualWindow implements ReactiveController {
  /** The first item to render. */
  start = 0;
  /** One past the last item to render. */
  end = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: Required<VirtualWindowOptions>;
  readonly #heights = new Map<string, number>();
  /** The sum of the measured heights: their average estimates the others (fewer corrections as they render). */
  #measured = 0;
  /** `#offsets[i]`: the top of item i within the list; `#offsets[n]`: the list's height. */
  #offsets: number[] = [0];
  #keys: readonly string[] = [];
  #index = new Map<string, number>();
  /** The item to keep in place across an update, and its top's distance from the top of the view. */
  #anchor: { key: string; delta: number } | undefined;
  #kept: string | undefined;
  #scroller: HTMLElement | undefined;
  #frame = 0;
  /** Renders in a row that measuring asked for: bounded, so a layout that never settles cannot loop. */
  #passes = 0;
  readonly #resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => this.#schedule()) : undefined;
  readonly #onScroll = () => this.#schedule();

  constructor(host: ReactiveControllerHost, options: VirtualWindowOptions) {
    this.#host = host;
    this.#options = { overscan: 500, ...options };
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#detach();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Before the host renders: lay out the (possibly changed) keys and pick the items to render. */
  hostUpdate(): void {
    // The reading position as the last render left it, before the keys change: taken here too, not
    // only on the next frame after a scroll — a page in the background gets few frames or none.
    if (this.#scroller) this.#captureAnchor();
    this.#layout();
    const scroller = this.#scroller;
    const anchorIndex = this.#anchor ? this.#index.get(this.#anchor.key) : undefined;
    const top = scroller && this.#anchor && anchorIndex !== undefined ? (this.#offsets[anchorIndex] ?? 0) + this.#anchor.delta : this.#viewTop();
    this.#pick(top, scroller?.clientHeight || 800);
  }

  /** After it rendered: measure what was rendered, set the padding, put the anchor back in place. */
  hostUpdated(): void {
    this.#attach();
    const list = this.#options.list();
    if (!list) return;
    let changed = false;
    for (const child of list.children) {
      const key = (child as HTMLElement).dataset['key'];
      if (key === undefined) continue;
      const height = child.getBoundingClientRect().height;
      if (height > 0 && Math.abs((this.#heights.get(key) ?? -1) - height) > 0.5) {
        this.#measured += height - (this.#heights.get(key) ?? 0);
        this.#heights.set(key, height);
        changed = true;
      }
    }
    if (changed) this.#layout(true);
    const n = this.#keys.length;
    list.style.paddingTop = `${this.#offsets[this.start] ?? 0}px`;
    list.style.paddingBottom = `${(this.#offsets[n] ?? 0) - (this.#offsets[this.end] ?? 0)}px`;
    this.#restoreAnchor();
    // Measured heights may let more (or fewer) items fill the view.
    const { start, end } = this;
    this.#pick(this.#viewTop(), this.#scroller?.clientHeight || 800);
    if ((start !== this.start || end !== this.end) && ++this.#passes < 8) this.#host.requestUpdate();
    else {
      this.#passes = 0;
      this.#captureAnchor();
    }
  }

  /** The index of the item at `y` px from the top of the list (the last one past the end). */
  indexAt(y: number): number {
    const offsets = this.#offsets;
    let low = 0;
    let high = Math.max(0, offsets.length - 2);
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((offsets[mid] ?? 0) <= y) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  /** The top of item `index` within the list, in px. */
  offsetOf(index: number): number {
    return this.#offsets[Math.max(0, Math.min(index, this.#offsets.length - 1))] ?? 0;
  }

  /** Keeps the item of `key` rendered (the focused or lifted one) while it is near the visible ones; `undefined` lets it go. */
  keep(key: string | undefined): void {
    this.#kept = key;
  }

  /** Scrolls item `index` into view (as little as needed) and resolves with its element once rendered. */
  async scrollToIndex(index: number): Promise<HTMLElement | undefined> {
    const scroller = this.#scroller ?? this.#options.scroller() ?? undefined;
    const key = this.#keys[index];
    if (!scroller || key === undefined) return undefined;
    const top = this.#listTop(scroller) + this.offsetOf(index);
    const bottom = this.#listTop(scroller) + this.offsetOf(index + 1);
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (bottom > scroller.scrollTop + scroller.clientHeight) scroller.scrollTop = Math.min(top, bottom - scroller.clientHeight);
    this.#anchor = undefined;
    this.#host.requestUpdate();
    await (this.#host as ReactiveControllerHost & { updateComplete: Promise<boolean> }).updateComplete;
    return [...(this.#options.list()?.children ?? [])].find((child) => (child as HTMLElement).dataset['key'] === key) as HTMLElement | undefined;
  }

  /** Nothing to wait for (a lazy part's contract: see `LazyPart`). */
  ready(): Promise<void> {
    return Promise.resolve();
  }

  /** Forgets the reading position: the next update shows the list from where the scroller is (after new filters, say). */
  reset(): void {
    this.#anchor = undefined;
  }

  #attach(): void {
    const scroller = this.#options.scroller() ?? undefined;
    if (scroller === this.#scroller) return;
    this.#detach();
    this.#scroller = scroller;
    scroller?.addEventListener('scroll', this.#onScroll, { passive: true });
    if (scroller) this.#resize?.observe(scroller);
  }

  #detach(): void {
    this.#scroller?.removeEventListener('scroll', this.#onScroll);
    this.#resize?.disconnect();
    this.#scroller = undefined;
  }

  /** One check per frame while scrolling: render again only when other items come into view. */
  #schedule(): void {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.#captureAnchor();
      const { start, end } = this;
      this.#pick(this.#viewTop(), this.#scroller?.clientHeight || 800);
      if (start !== this.start || end !== this.end) this.#host.requestUpdate();
    });
  }

  /** Offsets from the keys and heights (again only when the keys changed, or `force`). */
  #layout(force = false): void {
    const keys = this.#options.keys();
    if (keys === this.#keys && !force) return;
    if (keys !== this.#keys) {
      this.#keys = keys;
      this.#index = new Map(keys.map((key, i) => [key, i]));
    }
    const offsets = new Array<number>(keys.length + 1);
    const estimate = this.#heights.size ? this.#measured / this.#heights.size : this.#options.estimate;
    let y = 0;
    offsets[0] = 0;
    for (let i = 0; i < keys.length; i++) {
      y += this.#heights.get(keys[i] ?? '') ?? estimate;
      offsets[i + 1] = y;
    }
    this.#offsets = offsets;
  }

  /** The range of items covering `[top - overscan, top + height + overscan]`, plus the kept one if near. */
  #pick(top: number, height: number): void {
    const n = this.#keys.length;
    const { overscan } = this.#options;
    let start = this.indexAt(Math.max(0, top - overscan));
    let end = Math.min(n, this.indexAt(top + height + overscan) + 1);
    const kept = this.#kept === undefined ? undefined : this.#index.get(this.#kept);
    if (kept !== undefined && kept >= start - KEEP_REACH && kept < end + KEEP_REACH) {
      start = Math.min(start, kept);
      end = Math.max(end, kept + 1);
    }
    this.start = n === 0 ? 0 : start;
    this.end = end;
  }

  /** Where the list's top is within the scroller's content (the list may sit below other content). */
  #listTop(scroller: HTMLElement): number {
    const list = this.#options.list();
    if (!list || list === scroller) return 0;
    return list.getBoundingClientRect().top - scroller.getBoundingClientRect().top - scroller.clientTop + scroller.scrollTop;
  }

  /** The top of the view in list coordinates. */
  #viewTop(): number {
    const scroller = this.#scroller;
    return scroller ? Math.max(0, scroller.scrollTop - this.#listTop(scroller)) : 0;
  }

  /**
   * Remembers the item being read: the focused item when it is in view, else the one at the top
   * of the view. At the very top nothing is remembered, so new items show at the top.
   */
  #captureAnchor(): void {
    const scroller = this.#scroller;
    if (!scroller || scroller.scrollTop <= 0) {
      this.#anchor = undefined;
      return;
    }
    const top = this.#viewTop();
    const focused = (scroller.getRootNode() as Document | ShadowRoot).activeElement?.closest<HTMLElement>('[data-key]');
    const focusedIndex = focused?.dataset['key'] === undefined ? undefined : this.#index.get(focused.dataset['key']);
    const inView = (i: number) => (this.#offsets[i + 1] ?? 0) > top && (this.#offsets[i] ?? 0) < top + scroller.clientHeight;
    const index = focusedIndex !== undefined && inView(focusedIndex) ? focusedIndex : this.indexAt(top);
    const key = this.#keys[index];
    if (key === undefined) {
      this.#anchor = undefined;
      return;
    }
    // Where the item really is when rendered (heights may have changed since they were measured), else where it is reckoned.
    const list = this.#options.list();
    const rendered = [...(list?.children ?? [])].find((child) => (child as HTMLElement).dataset['key'] === key);
    const at = list && rendered ? rendered.getBoundingClientRect().top - list.getBoundingClientRect().top + (list === scroller ? scroller.scrollTop - scroller.clientTop : 0) : undefined;
    this.#anchor = { key, delta: top - (at ?? this.#offsets[index] ?? 0) };
  }

  /** Scrolls so the anchor's top is where it was. */
  #restoreAnchor(): void {
    const scroller = this.#scroller;
    const anchor = this.#anchor;
    const index = anchor ? this.#index.get(anchor.key) : undefined;
    if (!scroller || !anchor || index === undefined) return;
    const target = this.#listTop(scroller) + (this.#offsets[index] ?? 0) + anchor.delta;
    if (Math.abs(scroller.scrollTop - target) >= 0.5) scroller.scrollTop = target;
  }
}
