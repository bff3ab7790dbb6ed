// A full badge's details — progress to the next tier, expiry, benefits, the recent points behind a
// disclosure, the redeem form — as a chunk of its own: a compact badge (a shop header) never loads
// it; a full badge fetches it as it connects, while its account loads. It renders into the badge's
// own shadow root, as a reactive controller of the badge, and brings its own styles and texts.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LoyaltyAccount, LoyaltyProgram } from '@kith/schema';
import type { KithCore } from '@kith/sdk';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { formatCount, formatDate } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { loyaltyDetailsTexts } from './locales/details-catalog.js';
import { tierProgress } from './loyalty-badge.model.js';
import { loyaltyDetailsStyles } from './loyalty-details.styles.js';

/** What the details need of the badge that shows them. */
export interface BadgeForDetails extends ReactiveControllerHost, HTMLElement {
  readonly noRedeem: boolean;
  locale?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The client the badge reads through. */
  detailsClient(): KithCore | undefined;
  /** The badge shows the server's latest (not saved data): a larger redemption is refused at once. */
  detailsFresh(): boolean;
  /** The text the recent points show while they load. */
  historyLoading(): string;
}

// The redeem form and the recent points are chunks of their own, fetched once per page: the form
// as the details start (while the account loads), the entries when a person first points at,
// focuses or uses the disclosure.
const chunks = {
  redeem: () => import('./loyalty-redeem.js'),
  ledger: () => import('./loyalty-ledger.js'),
};
const fetched = new Map<keyof typeof chunks, Promise<unknown>>();
function loadChunk(name: keyof typeof chunks): void {
  if (fetched.has(name)) return;
  fetched.set(
    name,
    chunks[name]().catch((error: unknown) => {
      fetched.delete(name);
      console.error(`[kith] <kith-loyalty-badge> could not load its ${name} code`, error);
    }),
  );
}

export class LoyaltyDetails implements ReactiveController {
  readonly #badge: BadgeForDetails;
  readonly #localize: LocalizeController<typeof loyaltyDetailsTexts.en>;
  /** Whether the recent points are shown (and read). */
  #expanded = false;

  constructor(badge: BadgeForDetails) {
    this.#badge = badge;
    this.#localize = new LocalizeController(badge, loyaltyDetailsTexts);
    badge.addController(this);
    adoptLazyStyles(badge.renderRoot, loyaltyDetailsStyles, 'loyalty-details');
    if (!badge.noRedeem) loadChunk('redeem');
  }

  hostUpdated(): void {
    // Through the CSSOM, not a style attribute: a strict CSP (no 'unsafe-inline' styles) allows it.
    const fill = this.#badge.renderRoot.querySelector<HTMLElement>('.fill');
    fill?.style.setProperty('--_fraction', fill.dataset['fraction'] ?? '0');
  }

  /** Resolves when the details' texts of the current locale have loaded. */
  ready(): Promise<void> {
    return this.#localize.ready();
  }

  /** The details of `account` in `program`; `tier` is the current tier's name, if any. */
  render(account: LoyaltyAccount, program: LoyaltyProgram, tier: { name: string; benefits: readonly string[] } | undefined): TemplateResult {
    const t = this.#localize.t;
    const badge = this.#badge;
    const expiry = account.tierExpiresAt && tier ? t.expires(tier.name, formatDate(account.tierExpiresAt, this.#localize.locale)) : null;
    const benefits = tier?.benefits ?? [];
    return html`
      ${this.#progress(account, program)}
      ${expiry ? html`<p class="expiry" part="expiry">${expiry}</p>` : nothing}
      ${benefits.length && tier
        ? html`<ul class="benefits" part="benefits" aria-label=${t.benefits(tier.name)}>
            ${benefits.map((benefit) => html`<li>${benefit}</li>`)}
          </ul>`
        : nothing}
      <button class="toggle focusable" part="ledger-toggle" type="button" aria-expanded=${this.#expanded ? 'true' : 'false'} aria-controls="ledger"
        @click=${() => this.#toggle()} @pointerenter=${() => loadChunk('ledger')} @focus=${() => loadChunk('ledger')}>${t.history}</button>
      <div id="ledger" class="ledger" part="ledger" ?hidden=${!this.#expanded}>
        ${this.#expanded
          ? html`<kith-loyalty-ledger exportparts="ledger-entry, retry-button" .client=${badge.detailsClient()} .customerId=${account.customerId}
              .locale=${this.#localize.locale}><p class="muted small" role="status">${badge.historyLoading()}</p></kith-loyalty-ledger>`
          : nothing}
      </div>
      ${account.balance >= 1 && !badge.noRedeem ? this.#redeem(account) : nothing}
    `;
  }

  #toggle(): void {
    loadChunk('ledger');
    this.#expanded = !this.#expanded;
    this.#badge.requestUpdate();
  }

  #progress(account: LoyaltyAccount, program: LoyaltyProgram): TemplateResult {
    const t = this.#localize.t;
    const progress = tierProgress(account, program);
    if (!progress) return html`<p class="progress top" part="progress">${t.topTier}</p>`;
    const text = t.toNext(formatCount(progress.pointsNeeded, this.#localize.locale), progress.pointsNeeded, progress.next);
    return html`
      <div class="progress" part="progress">
        <div class="track" part="progress-bar" role="progressbar" aria-label=${t.progressLabel(progress.next)}
          aria-valuemin=${progress.min} aria-valuemax=${progress.max} aria-valuenow=${progress.now} aria-valuetext=${text}>
          <span class="fill" part="progress-fill" data-fraction=${progress.fraction}></span>
        </div>
        <span class="to-next" aria-hidden="true">${text}</span>
      </div>
    `;
  }

  #redeem(account: LoyaltyAccount): TemplateResult {
    loadChunk('redeem');
    const badge = this.#badge;
    return html`<kith-loyalty-redeem exportparts="redeem, redeem-input, redeem-button, redeem-message" .client=${badge.detailsClient()}
      .customerId=${account.customerId} .balance=${account.balance} .fresh=${badge.detailsFresh()} .locale=${this.#localize.locale}>
    </kith-loyalty-redeem>`;
  }
}
