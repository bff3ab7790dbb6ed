// Each column renders only the cards near its visible part (2,000 deals stay smooth): a virtual
// window per column, part of the board's tools (their chunk imports the lists' chunk), so the code
// a page fetches before the board is interactive carries none of it. Until the tools are there,
// each column renders its first cards plainly (see `PLAIN_MAX` in pipeline.component.ts).
import type { ReactiveControllerHost } from 'lit';
import type { Opportunity } from '@kith/schema';
import { VirtualWindow } from '../internal/virtual-list.js';

/** What the windows need of the board. */
export interface WindowsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class BoardWindows {
  readonly #host: WindowsHost;
  /** Each column's card ids (the same array while they do not change: a window compares them). */
  #keys = new Map<string, readonly string[]>();
  readonly #windows = new Map<string, VirtualWindow>();
  /** The card kept rendered while it is moved (given to the windows made later too). */
  #kept: string | undefined;

  constructor(host: WindowsHost) {
    this.#host = host;
  }

  /** Follows the columns as arranged for this render: a window per stage, each with its cards' ids. */
  follow(columns: ReadonlyMap<string, readonly Opportunity[]>): void {
    const keys = new Map<string, readonly string[]>();
    for (const [id, cards] of columns) {
      const fresh = cards.map((deal) => deal.id);
      const old = this.#keys.get(id);
      keys.set(id, old?.length === fresh.length && old.every((key, i) => key === fresh[i]) ? old : fresh);
      if (this.#windows.has(id)) continue;
      const column = (selector: string) => this.#host.renderRoot.querySelector<HTMLElement>(`[data-stage="${CSS.escape(id)}"] ${selector}`);
      const view = new VirtualWindow(this.#host, { scroller: () => column('.scroller'), list: () => column('.cards'), keys: () => this.#keys.get(id) ?? [], estimate: 100 });
      view.keep(this.#kept);
      this.#windows.set(id, view);
    }
    this.#keys = keys;
    for (const [id, view] of this.#windows) {
      if (keys.has(id)) continue;
      this.#host.removeController(view);
      this.#windows.delete(id);
    }
  }

  /** The cards of a column to render, `[start, end)`; `undefined` before its window is made. */
  range(stageId: string): readonly [number, number] | undefined {
    const view = this.#windows.get(stageId);
    return view && [view.start, view.end];
  }

  /** Keeps a card rendered while it is moved, even scrolled away; `undefined` lets it go. */
  keep(id: string | undefined): void {
    this.#kept = id;
    for (const view of this.#windows.values()) view.keep(id);
  }

  /** Brings card `index` of a column into view and resolves with its element. */
  async cardElement(stageId: string, index: number): Promise<HTMLElement | undefined> {
    await this.#host.updateComplete;
    const column = this.#host.renderRoot.querySelector(`.column[data-stage="${CSS.escape(stageId)}"]`);
    // Rendered already (near the view, or kept while lifted), else the column's window brings it in.
    const el = column?.querySelector<HTMLElement>(`.slot[data-index="${index}"]`) ?? (await this.#windows.get(stageId)?.scrollToIndex(index));
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return el;
  }
}
