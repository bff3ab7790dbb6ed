import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Customer } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk';
import { getCustomer } from '@kith/sdk/resources/customers';
import type {} from '../events/kith-customer-update.js';
import type {} from '../events/kith-error.js';
import type {} from '../events/kith-load.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatCount, formatMoney, formatPercent } from '../internal/format.js';
import { LazyPart } from '../internal/lazy-part.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { skeleton, statusLine } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { customerCardStyles } from './customer-card.styles.js';
import { churnReason, initials } from './customer-card.model.js';
import type { CardForDetails, CustomerDetails } from './customer-details.js';
import type * as DetailsChunk from './customer-details.js';
import { customerCardTexts } from './locales/catalog.js';

const { idle, loading, ready, offline, stale, error: failed, notAuthorized } = ResourceStatus;

/**
 * @summary A customer at a glance for staff: profile, contact, value, churn risk, credit, last contact; tags and owner edited in place.
 *
 * The client comes from the `.client` property, the nearest `<kith-provider>`, the page settings or
 * the card's own `base-url` and `key`. Customer data needs a staff token (or the customer's own):
 * with a key alone the card shows its not-authorised state ("Staff sign-in needed"). Every state is
 * rendered on purpose: loading (placeholders), ready, offline and stale (saved data with a notice and
 * Retry), error (with Retry), not found, not authorised, not configured. Live: an edit someone else
 * makes appears without reload. Tags and owner are edited in place through the outbox with the
 * version shown; when someone else edited first, both versions are shown for the person to choose.
 * Contact channels become `mailto:` and `tel:` links only when they plainly are an address or a
 * number; everything else is text.
 *
 * @slot avatar - A picture of the customer, shown instead of their initials.
 * @slot actions - Buttons or links of the page (call, new order…), shown at the foot of the card.
 *
 * @csspart base - The card box.
 * @csspart avatar - The initials (or the `avatar` slot's frame).
 * @csspart name - The customer's name.
 * @csspart company - The company, or the role at the company, under the name.
 * @csspart chips - The row of value chips.
 * @csspart chip - Each chip (lifetime value, segment, key account, tier).
 * @csspart key-account - The key-account chip.
 * @csspart churn - The churn-risk warning.
 * @csspart contacts - The list of contact channels.
 * @csspart contact-link - Each `mailto:` or `tel:` link.
 * @csspart credit - The credit section.
 * @csspart credit-bar - The credit bar's track.
 * @csspart tags - The list of tags.
 * @csspart tag - Each tag.
 * @csspart owner - The owner's name.
 * @csspart edit-button - The Edit tags and Change owner buttons.
 * @csspart editor - The inline editor's form.
 * @csspart save-button - The editor's Save button.
 * @csspart cancel-button - The editor's Cancel button.
 * @csspart tag-input - The editor's field for a new tag.
 * @csspart owner-select - The editor's list of colleagues.
 * @csspart conflict - The section that shows someone else's edit beside this one.
 * @csspart conflict-theirs - Their version.
 * @csspart conflict-yours - This person's version.
 * @csspart keep-theirs-button - Drops this edit.
 * @csspart use-mine-button - Sends this edit over theirs.
 * @csspart value - The formatted lifetime value.
 * @csspart tier - The loyalty tier chip.
 * @csspart status - The status message (loading, stale, error, not authorised, not found, not configured).
 * @csspart status-title - The heading of the not-authorised message ("Staff sign-in needed").
 * @csspart retry-button - The Retry button of the stale, error and not-authorised states.
 * @csspart skeleton - Each placeholder bar of the loading state.
 *
 * @cssprop --kith-card-background - Card background; defaults to `--kith-color-surface`.
 * @cssprop --kith-card-color - Text colour; defaults to `--kith-color-text`.
 * @cssprop --kith-card-border - Card border; defaults to 1px solid `--kith-color-border`.
 * @cssprop --kith-card-radius - Corner radius; defaults to `--kith-radius`.
 * @cssprop --kith-card-padding - Inner spacing; defaults to `--kith-space-3`.
 * @cssprop --kith-card-shadow - Box shadow; defaults to `--kith-shadow`.
 * @cssprop --kith-card-accent - Accent (tier, avatar, buttons); defaults to `--kith-color-accent`.
 * @cssprop --kith-card-warning - Churn warning and credit over the limit; defaults to `--kith-color-danger`.
 *
 * @fires kith-load - A customer is shown: saved data at once, then each newer version. Detail: `{ customer }`.
 * @fires kith-error - The customer could not be loaded (`not_found` and `forbidden` included; also while saved data is shown). Detail: `{ code, error }`.
 * @fires kith-customer-update - A person saved an edit of tags or owner and the outbox answered. Detail: `{ customerId, field, patch | request, result }`.
 */
export class KithCustomerCard extends KithConnectedElement implements CardForDetails {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, customerCardStyles];

  /** The id (UUID) of the customer to show. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** One line for lists and headers: avatar, name, company and chips only; no contact, credit or editing. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Hides the edit buttons (a page whose staff may look but not change). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Announced politely when a live update changed the shown customer. */
  @state() private announcement = '';

  @query('.card') private cardElement?: HTMLElement;

  private readonly localize = new LocalizeController(this, customerCardTexts);
  private shownVersion: { id: string; version: number } | undefined;
  /** Versions this card's own saves made: not announced as someone else's update. */
  private readonly ownVersions = new Set<number>();

  private readonly resource = new ResourceController<Customer, readonly [KithCore, string]>(this, {
    args: () => {
      const client = this.connection.client;
      return client && this.customerId ? [client, this.customerId] : undefined;
    },
    read: ([client, id]) => getCustomer(client, id),
    onReady: (customer) => {
      this.noteVersion(customer);
      this.emit('kith-load', { customer });
    },
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
  });

  // A full card's details are a chunk of their own, fetched as it connects, while its data
  // loads: a compact one never loads them.
  private readonly details = new LazyPart<typeof DetailsChunk, CustomerDetails>(this, {
    wanted: () => !this.compact,
    chunk: () => import('./customer-details.js'),
    make: (module) => new module.CustomerDetails(this, () => this.resource.value),
    name: '<kith-customer-card> details',
  });

  /** The state shown: `idle`, `loading`, `ready`, `offline` (saved data, the server cannot be reached), `stale` (saved data, the latest could not be loaded), `error`, `not_found` or `not_authorized`. */
  get status(): ResourceStatus {
    return this.resource.status;
  }

  /** The customer shown, once `status` is `ready`, `offline` or `stale`. */
  get customer(): Customer | undefined {
    return this.resource.value;
  }

  /** The error shown, when `status` is `offline`, `stale`, `error`, `not_found` or `not_authorized`. */
  get error(): KithError | undefined {
    return this.resource.error;
  }

  /** Resolves when the texts of the current locale (and, in a full card, the details and their texts) have loaded. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
    await this.details.ready();
  }

  /** Loads the customer again (what the Retry button does). */
  retry(): void {
    this.resource.retry();
  }

  /** @internal The client the details read and write through. */
  detailsClient(): KithCore | undefined {
    return this.connection.client;
  }

  /** @internal This person saved an edit: announced, and its version is not someone else's update. */
  detailsSaved(message: string, version: number | undefined): void {
    if (version !== undefined) this.ownVersions.add(version);
    this.announcement = message;
  }

  /** Notes the version shown; a newer one of the same customer (live, another tab) is announced. */
  private noteVersion(customer: Customer): void {
    const shown = this.shownVersion;
    if (shown?.id === customer.id && customer.version > shown.version && !this.ownVersions.has(customer.version)) {
      this.announcement = this.localize.t.updated;
    }
    this.shownVersion = { id: customer.id, version: customer.version };
  }

  private onRetry(): void {
    this.retry();
    // The button disappears while loading: keep focus in the card, not on <body>.
    void this.updateComplete.then(() => this.cardElement?.focus());
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const status = this.resource.status;
    const customer = this.resource.value;
    const saved = status === stale || status === offline;
    const shown = customer && (status === ready || saved);
    const canRetry = status === failed || status === notAuthorized || saved;
    return html`
      <article class="kith-root card focusable" part="base" lang=${t.$lang} tabindex="-1"
        aria-busy=${status === loading ? 'true' : 'false'} aria-label=${shown ? t.label(customer.name) : nothing}>
        ${shown ? this.renderCustomer(customer) : nothing}
        ${status === loading ? skeleton(this.compact ? 2 : 4) : nothing}
        ${statusLine(status, this.localize.t, this.localize.common, this.resource.error, status === idle && this.connection.client ? this.localize.t.noCustomer : undefined)}
        ${canRetry ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${this.localize.common.retry}</button>` : nothing}
        <p class="visually-hidden" role="status">${this.announcement}</p>
        ${shown && !this.compact ? html`<div class="actions"><slot name="actions"></slot></div>` : nothing}
      </article>
    `;
  }

  private renderCustomer(customer: Customer): TemplateResult {
    const t = this.localize.t;
    const subtitle = customer.role && customer.company ? t.roleAt(customer.role, customer.company) : (customer.company ?? customer.role);
    return html`
      <header class="head">
        <span class="avatar" part="avatar" aria-hidden="true"><slot name="avatar">${initials(customer.name)}</slot></span>
        <div class="who">
          <span class="name" part="name">${customer.name}</span>
          ${subtitle ? html`<span class="company" part="company">${subtitle}</span>` : html`<span class="company muted">${t.kind[customer.kind]}</span>`}
        </div>
      </header>
      ${this.renderChips(customer)} ${this.renderChurn(customer)}
      ${this.compact ? nothing : this.renderDetails(customer)}
    `;
  }

  private renderChips(customer: Customer): TemplateResult {
    const t = this.localize.t;
    const { value, loyalty } = customer;
    return html`
      <ul class="chips" part="chips">
        <li class="chip" part="chip">
          <span class="chip-label">${t.lifetimeValue}</span>
          <span class="value" part="value">${formatMoney(value.lifetimeValue, this.localize.locale)}</span>
        </li>
        ${value.segment
          ? html`<li class="chip segment" part="chip" data-segment=${value.segment}>
              <span class="chip-label">${t.segment}</span> <span>${t.segments[value.segment]}</span>
            </li>`
          : nothing}
        ${value.keyAccount
          ? html`<li class="chip key" part="chip key-account">
              <span>★ ${t.keyAccount}</span><span class="visually-hidden">: ${t.keyAccountHint}</span>
            </li>`
          : nothing}
        ${loyalty?.tierName
          ? html`<li class="chip tier" part="chip tier"><span class="chip-label">${t.tier}</span> <span>${loyalty.tierName}</span></li>`
          : nothing}
      </ul>
    `;
  }

  private renderChurn(customer: Customer): TemplateResult | typeof nothing {
    const risk = customer.value.churnRisk;
    if (!risk || risk.level === 'low') return nothing;
    const t = this.localize.t.churn;
    const locale = this.localize.locale;
    const reason = churnReason(customer.value, Date.now());
    const because = reason
      ? reason.usualEvery !== null && reason.usualEvery < reason.daysSince
        ? t.reason(formatCount(reason.daysSince, locale), reason.daysSince, formatCount(reason.usualEvery, locale), reason.usualEvery)
        : t.reasonNoCadence(formatCount(reason.daysSince, locale), reason.daysSince)
      : '';
    return html`
      <p class="churn ${risk.level}" part="churn" role="note">
        <strong>${risk.level === 'high' ? t.high : t.medium}</strong>
        ${because ? html`<span>${because}</span>` : nothing}
        ${this.compact ? nothing : html`<span class="muted">${t.score(formatPercent(risk.score / 10_000, locale))}</span>`}
      </p>
    `;
  }

  private renderDetails(customer: Customer): TemplateResult {
    // Editing starts from the server's latest only: saved data may be out of date.
    if (this.details.value) return this.details.value.render(customer, this.status === ready);
    return html`<div aria-hidden="true"><span class="skeleton" part="skeleton"></span><span class="skeleton short" part="skeleton"></span></div>`;
  }

}
