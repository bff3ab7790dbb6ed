// The inbox's controls: the row of view tabs (a keyboard tablist with a roving tabindex) and the
// filters of each view. Templates only: the element owns the state and passes what changes it.
import { html, nothing, type TemplateResult } from 'lit';
import { COMPLAINT_FILTERS, REVIEW_FILTERS, VIEWS, type InboxFilters, type InboxView } from './inbox.model.js';
import type { FeedbackInboxTexts } from './locales/texts.js';

/** The key that moves from the tab at `at` to another, or `undefined` for a key tabs do not use. */
export function tabAfterKey(key: string, at: number, rtl: boolean): InboxView | undefined {
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 }[key];
  if (step !== undefined) return VIEWS[(at + step + VIEWS.length) % VIEWS.length];
  if (key === 'Home') return VIEWS[0];
  if (key === 'End') return VIEWS[VIEWS.length - 1];
  return undefined;
}

/** The tabs; only the chosen one is in the tab order, and only it names the panel it controls. */
export function renderTabs(
  current: InboxView,
  t: FeedbackInboxTexts,
  on: { select: (view: InboxView) => void; key: (event: KeyboardEvent) => void },
): TemplateResult {
  return html`<div class="tabs" part="tabs" role="tablist" aria-label=${t.views} @keydown=${on.key}>
    ${VIEWS.map((view) => {
      const selected = view === current;
      return html`<button class="tab focusable" part="tab" role="tab" type="button" id="tab-${view}"
        aria-selected=${selected ? 'true' : 'false'} aria-controls=${selected ? 'panel' : nothing} tabindex=${selected ? 0 : -1}
        @click=${() => on.select(view)}>${t.tabs[view]}</button>`;
    })}
  </div>`;
}

const chosen = (event: Event) => (event.target as HTMLSelectElement).value;

/** A view's filters: the reviews' status; the complaints' status and "Overdue only"; none for the others. */
export function renderFilters(view: InboxView, filters: InboxFilters, t: FeedbackInboxTexts, set: (change: Partial<InboxFilters>) => void): TemplateResult | typeof nothing {
  if (view === 'reviews') {
    return html`<div class="filters" part="filters">
      <label>${t.statusFilter}
        <select class="focusable" part="status-filter"
          @change=${(event: Event) => set({ reviewStatus: REVIEW_FILTERS.find((s) => s === chosen(event)) ?? 'pending' })}>
          ${REVIEW_FILTERS.map((s) => html`<option value=${s} ?selected=${s === filters.reviewStatus}>${t.reviewStatuses[s]}</option>`)}
        </select>
      </label>
    </div>`;
  }
  if (view !== 'complaints') return nothing;
  return html`<div class="filters" part="filters">
    <label>${t.statusFilter}
      <select class="focusable" part="status-filter"
        @change=${(event: Event) => set({ complaintStatus: COMPLAINT_FILTERS.find((s) => s === chosen(event)) })}>
        <option value="" ?selected=${!filters.complaintStatus}>${t.allStatuses}</option>
        ${COMPLAINT_FILTERS.map((s) => html`<option value=${s} ?selected=${s === filters.complaintStatus}>${t.complaintStatuses[s]}</option>`)}
      </select>
    </label>
    <label class="check">
      <input type="checkbox" class="focusable" part="overdue-filter" .checked=${filters.overdueOnly}
        @change=${(event: Event) => set({ overdueOnly: (event.target as HTMLInputElement).checked })} />
      ${t.overdueOnly}
    </label>
  </div>`;
}
