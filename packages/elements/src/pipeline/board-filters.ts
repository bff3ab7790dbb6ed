// The owner and text filters and each column's sort (part of the board's tools): views of the
// board, never written anywhere. The owner list names the owners on the board from the staff
// directory when the token may read it ("Colleague 2" when it may not).
import { html, nothing, type TemplateResult } from 'lit';
import type { Opportunity, StageWithTotals } from '@kith/schema';
import { getStaffMember } from '@kith/sdk/resources/staff';
import { formatCount } from '../internal/format.js';
import type { BoardTools } from './board-tools.js';
import { SORTS, type Filters, type SortKey } from './board.model.js';

export class BoardFilters {
  /** The filters applied to every loaded deal. */
  value: Filters = { owner: '', q: '' };

  readonly #board: BoardTools;
  readonly #sorts = new Map<string, SortKey>();
  /** The owners on the board: a name, or a number for "Colleague 2" when the name may not be read. */
  #owners = new Map<string, string | number>();
  #ownersFor = '';

  constructor(board: BoardTools) {
    this.#board = board;
  }

  /** Whether the filters hide deals. */
  get filtered(): boolean {
    return this.value.owner !== '' || this.value.q.trim() !== '';
  }

  sortOf(stageId: string): SortKey {
    return this.#sorts.get(stageId) ?? 'rank';
  }

  /** The owners on the board, by name when this token may read the staff directory. */
  names(deals: readonly Opportunity[]): void {
    const ids = [...new Set(deals.map((deal) => deal.ownerId ?? '-'))].sort();
    const key = ids.join();
    if (key === this.#ownersFor) return;
    this.#ownersFor = key;
    const host = this.#board.host;
    const client = host.boardClient();
    this.#owners = new Map(ids.map((id, i) => [id, this.#owners.get(id) ?? i + 1]));
    for (const id of ids) {
      if (id === '-' || !client) continue;
      getStaffMember(client, id, { prefer: 'cache-first' }).then(
        (member) => {
          if (!this.#owners.has(id)) return;
          this.#owners.set(id, member.name);
          host.requestUpdate();
        },
        () => undefined, // no `staff:read`: "Colleague 2"
      );
    }
  }

  /** The owner list and the search field; under them, while they hide deals, that the totals count the deals shown. */
  render(total: number, count: number): TemplateResult {
    const { t, locale } = this.#board.localize;
    const filters = this.value;
    return html`
      <div class="tools" part="toolbar" role="group" aria-label=${t.filters.label} lang=${t.$lang}>
        <label class="field"><span>${t.filters.owner}</span>
          <select part="owner-filter" @change=${(e: Event) => this.#filter({ owner: (e.target as HTMLSelectElement).value })}>
            <option value="" ?selected=${filters.owner === ''}>${t.filters.everyone}</option>
            ${[...this.#owners].map(([id, owner]) => {
              const label = id === '-' ? t.filters.noOwner : typeof owner === 'string' ? owner : t.colleague(formatCount(owner, locale));
              return html`<option value=${id} ?selected=${filters.owner === id}>${label}</option>`;
            })}
          </select>
        </label>
        <label class="field"><span>${t.filters.search}</span>
          <input part="search" type="search" maxlength="200" .value=${filters.q}
            @input=${(e: Event) => this.#filter({ q: (e.target as HTMLInputElement).value })} />
        </label>
      </div>
      ${this.#board.host.customerId ? html`<p class="hint" part="customer-hint">${t.customerOnly}</p>` : nothing}
      ${this.filtered ? html`<p class="hint" part="filter-hint">${t.filtered(formatCount(count, locale), formatCount(total, locale))}</p>` : nothing}
    `;
  }

  /** A column's sort list; under it, while sorted, that reordering within the column is off. */
  renderSort(stage: StageWithTotals): TemplateResult {
    const t = this.#board.localize.t;
    const sort = this.sortOf(stage.id);
    return html`
      <select class="sort" part="sort" aria-label=${t.sort.label(stage.name)} lang=${t.$lang}
        @change=${(e: Event) => this.#sort(stage.id, (e.target as HTMLSelectElement).value as SortKey)}>
        ${SORTS.map((key) => html`<option value=${key} ?selected=${key === sort}>${t.sort[key]}</option>`)}
      </select>
      ${sort === 'rank' ? nothing : html`<p class="sorted" part="sort-hint" lang=${t.$lang}>${t.sorted(t.sort[sort])}</p>`}
    `;
  }

  #filter(change: Partial<Filters>): void {
    this.value = { ...this.value, ...change };
    this.#board.host.requestUpdate();
  }

  #sort(stageId: string, key: SortKey): void {
    this.#sorts.set(stageId, key);
    this.#board.host.requestUpdate();
  }
}
