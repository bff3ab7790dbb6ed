// The board's later pages, a chunk of their own fetched only when the first page says there are
// more (a board of more than 500 deals): every page is read, and the whole board replaces the first
// page once all are in — kept while a live change reads them again, so the board never shrinks back
// to its first page on the way. Until this chunk is there the board shows its first page (with the
// server's totals, which count every deal).
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Opportunity, OpportunityPage, OpportunityQuery } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk';
import { getBoard } from '@kith/sdk/resources/pipelines';
import type { CommonTexts } from '../locales/common/texts.js';
import type { PipelineTexts } from './locales/texts.js';

export class BoardPages {
  /** Every deal, once all pages are in (kept while a live change reads them again). */
  whole: Opportunity[] | undefined;
  /** Whether later pages are being read. */
  reading = false;

  readonly #host: ReactiveControllerHost;
  #error: KithError | undefined;
  /** The first page the later ones were (or are being) read for. */
  #first: OpportunityPage | undefined;
  /** Counts first pages: a read of later pages for an older one is dropped. */
  #generation = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Nothing to wait for (a lazy part's contract: see `LazyPart`). */
  ready(): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Follows the board's first page (called before each render): a new one has its later pages
   * read through `client` with the first page's `query`, from the network when the first page
   * `fresh`ly came from it, else from the cache first (saved data offline).
   */
  follow(first: OpportunityPage | undefined, client: KithCore | undefined, pipelineId: string | undefined, query: OpportunityQuery, fresh: boolean): void {
    if (first === this.#first) return;
    this.#first = first;
    const generation = ++this.#generation;
    this.reading = false;
    this.#error = undefined;
    if (!first) this.whole = undefined;
    else if (!first.next) this.whole = first.items;
    else void this.#readRest(first, generation, client, pipelineId, query, fresh ? 'network' : 'cache-first');
  }

  /** While later pages load, says so; when they could not be loaded, says why. */
  render(t: PipelineTexts, common: CommonTexts): TemplateResult | typeof nothing {
    if (this.reading) return html`<p class="status muted">${t.loadingMore}</p>`;
    return this.#error ? html`<p class="status error">${t.moreFailed(common.reasons[this.#error.code])}</p>` : nothing;
  }

  async #readRest(first: OpportunityPage, generation: number, client: KithCore | undefined, id: string | undefined, query: OpportunityQuery, prefer: 'network' | 'cache-first'): Promise<void> {
    const items = [...first.items];
    let next = first.next;
    this.reading = true;
    try {
      while (client && id && next) {
        const page = await getBoard(client, id, { ...query, cursor: next }, { prefer });
        if (generation !== this.#generation) return;
        items.push(...page.items);
        next = page.next;
      }
      this.whole = items;
    } catch (error) {
      if (generation === this.#generation) this.#error = error as KithError;
    } finally {
      if (generation === this.#generation) {
        this.reading = false;
        this.#host.requestUpdate();
      }
    }
  }
}
