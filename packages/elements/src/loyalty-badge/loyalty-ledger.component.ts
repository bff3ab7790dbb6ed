import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { LedgerEntry, LedgerPage } from '@kith/schema';
import type { KithCore } from '@kith/sdk';
import { getLoyaltyLedger } from '@kith/sdk/resources/loyalty';
import type {} from '../events/kith-error.js';
import { KithElement } from '../internal/kith-element.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { loyaltyBadgeTexts } from './locales/catalog.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { formatCount, formatDate } from '../internal/format.js';
import { controlStyles } from '../styles/shared.js';
import { loyaltyLedgerStyles } from './loyalty-ledger.styles.js';

/** How many recent entries are shown. */
const LIMIT = 5;

/**
 * @summary The recent points of `<kith-loyalty-badge>`, newest first: its own chunk, rendered (and
 * read) only while the badge's disclosure is expanded. Not for use alone.
 *
 * It lives in the badge's shadow root and reads the badge's theme tokens (inherited); the badge
 * passes its client, customer and locale, and forwards the parts below.
 *
 * @csspart ledger-entry - One entry: reason, points, date and note.
 * @csspart retry-button - Retry, when the entries could not be loaded.
 *
 * @fires kith-error - The entries could not be loaded. Detail: `{ code, error }`.
 */
export class KithLoyaltyLedger extends KithElement {
  static override styles = [controlStyles, loyaltyLedgerStyles];

  /** The client to read through. */
  @property({ attribute: false }) client?: KithCore;
  /** Whose entries. */
  @property({ attribute: false }) customerId?: string;
  /** The badge's locale, for texts, numbers and dates. */
  @property({ attribute: false }) locale?: string;

  private readonly localize = new LocalizeController(this, loyaltyBadgeTexts);
  private readonly ledger = new ResourceController<LedgerPage, readonly [KithCore, string]>(this, {
    args: () => (this.client && this.customerId ? [this.client, this.customerId] : undefined),
    read: ([client, id]) => getLoyaltyLedger(client, id, { limit: LIMIT }),
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
    lazy: false,
  });

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const { status, value: page, error } = this.ledger;
    if (page && (status === ResourceStatus.ready || status === ResourceStatus.stale || status === ResourceStatus.offline)) {
      if (page.items.length === 0) return html`<p>${t.historyEmpty}</p>`;
      return html`
        <ol>${page.items.map((entry) => this.renderEntry(entry))}</ol>
        ${status === ResourceStatus.ready ? nothing : html`<p>${status === ResourceStatus.offline ? t.stale.offline : t.stale.failed}</p>`}
      `;
    }
    if (error && status !== ResourceStatus.loading) {
      const common = this.localize.common;
      return html`<p class="error" role="alert">${t.failed(common.reasons[error.code])}</p>
        <button class="button" part="retry-button" type="button" @click=${() => this.ledger.retry()}>${common.retry}</button>`;
    }
    return html`<p role="status">${t.historyLoading}</p>`;
  }

  private renderEntry(entry: LedgerEntry): TemplateResult {
    const t = this.localize.t;
    const locale = this.localize.locale;
    return html`
      <li part="ledger-entry">
        <span class="reason">${t.reasons[entry.reason]}</span>
        <span class="points">${formatCount(entry.points, locale, true)}</span>
        <time datetime=${entry.createdAt}>${formatDate(entry.createdAt, locale)}</time>
        ${entry.note ? html`<span class="note">${entry.note}</span>` : nothing}
      </li>
    `;
  }
}
