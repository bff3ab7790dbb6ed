// The timeline's filter bar — channel, type and phase toggles with the server's counts, and a
// text search — as a chunk of its own with its styles and texts: fetched as the timeline
// connects, while its first page loads, so the feed's own code stays small.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { InteractionCounts, InteractionPhase, InteractionQuery, InteractionType } from '@kith/schema';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { formatCount } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { timelineFiltersTexts } from './locales/filters-catalog.js';
import { FACETS, queryOf, type Facet } from './timeline-filters.model.js';
import { NO_FILTERS, type TimelineFilters as Filters } from './timeline.model.js';
import { timelineFiltersStyles } from './timeline-filters.styles.js';

/** How long the search field waits after the last keystroke before it reads. */
const SEARCH_DELAY = 300;

/** What the filter bar needs of its timeline. */
export interface FiltersContext {
  host: ReactiveControllerHost & HTMLElement & { locale?: string | undefined; readonly renderRoot: HTMLElement | DocumentFragment };
  /** The filters applied now. */
  filters(): Filters;
  /** Applies new filters, and the server's query for them (the timeline reads again from its first page). */
  apply(filters: Filters, query: InteractionQuery): void;
  /** The names of types and phases, in the timeline's language (its items use them too). */
  names(): { types: Record<InteractionType, string>; phases: Record<InteractionPhase, string> };
}

export class TimelineFiltersBar {
  readonly #context: FiltersContext;
  readonly #localize: LocalizeController<typeof timelineFiltersTexts.en>;
  /** What the search field holds (applied after a pause in typing). */
  #draft = '';
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(context: FiltersContext) {
    this.#context = context;
    this.#localize = new LocalizeController(context.host, timelineFiltersTexts);
    context.host.addController({ hostDisconnected: () => clearTimeout(this.#timer) });
    adoptLazyStyles(context.host.renderRoot, timelineFiltersStyles, 'timeline-filters');
  }

  /** Resolves when the bar's texts of the current locale have loaded. */
  ready(): Promise<void> {
    return this.#localize.ready();
  }

  /** The filter bar, for a first page with these facet counts. */
  render(counts: InteractionCounts): TemplateResult {
    const t = this.#localize.t;
    const names = this.#context.names();
    return html`
      <div class="filters" part="filters" role="group" aria-label=${t.filters.label}>
        <label class="search">
          <span class="facet-label">${t.filters.search}</span>
          <input part="search" type="search" maxlength="200" .value=${this.#draft} @input=${this.#onSearch} />
        </label>
        ${this.#facet(counts, 'channel', t.filters.channel, t.channels)} ${this.#facet(counts, 'type', t.filters.type, names.types)}
        ${this.#facet(counts, 'phase', t.filters.phase, names.phases)}
      </div>
    `;
  }

  /** What the timeline shows when the filters match nothing. */
  renderEmpty(): TemplateResult {
    const t = this.#localize.t;
    return html`<p class="empty">${t.emptyFiltered}</p>
      <button class="button" part="clear-button" type="button" @click=${this.#clear}>${t.filters.clear}</button>`;
  }

  #facet(counts: InteractionCounts, name: Facet, label: string, names: Record<string, string>): TemplateResult | typeof nothing {
    const selected = this.#context.filters()[name] as string[];
    const count = counts[name] as Record<string, number>;
    const values = FACETS[name].filter((value) => (count[value] ?? 0) > 0 || selected.includes(value));
    if (values.length === 0) return nothing;
    const locale = this.#localize.locale;
    return html`
      <div class="facet" role="group" aria-label=${label}>
        <span class="facet-label" aria-hidden="true">${label}</span>
        ${values.map(
          (value) => html`<button class="toggle" part="filter" type="button" data-facet=${name} data-value=${value}
            aria-pressed=${selected.includes(value) ? 'true' : 'false'} @click=${() => this.#toggle(name, value)}>
            <span>${names[value]}</span> <span class="count">${formatCount(count[value] ?? 0, locale)}</span>
          </button>`,
        )}
      </div>
    `;
  }

  #toggle(facet: Facet, value: string): void {
    const filters = this.#context.filters();
    const list = filters[facet] as string[];
    const next = list.includes(value) ? list.filter((v) => v !== value) : FACETS[facet].filter((v) => v === value || list.includes(v));
    this.#apply({ ...filters, [facet]: next });
  }

  readonly #onSearch = (event: Event): void => {
    this.#draft = (event.target as HTMLInputElement).value;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const q = this.#draft.trim().slice(0, 200);
      const filters = this.#context.filters();
      if (q !== filters.q) this.#apply({ ...filters, q });
    }, SEARCH_DELAY);
  };

  readonly #clear = (): void => {
    clearTimeout(this.#timer);
    this.#draft = '';
    this.#apply(NO_FILTERS);
  };

  #apply(filters: Filters): void {
    this.#context.apply(filters, queryOf(filters));
  }
}
