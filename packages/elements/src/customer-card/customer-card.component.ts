import { html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Customer, KithCore, KithError } from '@kith/sdk';
import { customers } from '@kith/sdk/resources/customers';
import type {} from '../events/kith-error.js';
import type {} from '../events/kith-load.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatMoney } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { customerCardTexts } from './locales/catalog.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { resourceOf } from '../internal/resource-of.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { customerCardStyles } from './customer-card.styles.js';

/**
 * @summary A customer at a glance: name, company, loyalty tier and lifetime value.
 *
 * The client is, in order: the `.client` property, the nearest `<kith-provider>`, or one made
 * from the card's own `base-url` and `key`. Customer data needs a staff (or the customer's own)
 * token: a card with a key alone shows the not-authorised state ("Staff sign-in needed"); give
 * a provider a `.token` function, or pass a `.client` made with one. Loading, error (with
 * Retry), stale (saved data with a notice and Retry, when the latest cannot be loaded), not-authorised
 * (with Retry), not-found and not-configured states are rendered on purpose.
 *
 * @csspart base - The card box.
 * @csspart name - The customer's name.
 * @csspart company - The company value.
 * @csspart tier - The loyalty tier value.
 * @csspart value - The formatted lifetime value.
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
 * @cssprop --kith-card-accent - Tier colour; defaults to `--kith-color-accent`.
 *
 * @fires kith-load - A customer is shown: saved data at once, then each newer version. Detail: `{ customer }`.
 * @fires kith-error - The customer could not be loaded (`not_found` and `forbidden` included; also while saved data is shown). Detail: `{ code, error }`.
 */
export class KithCustomerCard extends KithConnectedElement {
  static override styles = [tokens, hostReset, customerCardStyles];

  /** The id (UUID) of the customer to show. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  @query('.card') private cardElement?: HTMLElement;

  private readonly localize = new LocalizeController(this, customerCardTexts);
  private readonly resource = new ResourceController<Customer, readonly [KithCore, string]>(this, {
    args: () => {
      const client = this.connection.client;
      return client && this.customerId ? [client, this.customerId] : undefined;
    },
    read: ([client, id]) => resourceOf(client, customers).get(id),
    onReady: (customer) => this.emit('kith-load', { customer }),
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
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

  /** Resolves when the texts of the current locale have loaded. */
  localeReady(): Promise<void> {
    return this.localize.ready();
  }

  /** Loads the customer again (what the Retry button does). */
  retry(): void {
    this.resource.retry();
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
    const saved = status === ResourceStatus.stale || status === ResourceStatus.offline;
    const shown = customer && (status === ResourceStatus.ready || saved);
    const label = shown ? t.label(customer.name) : nothing;
    const canRetry = status === ResourceStatus.error || status === ResourceStatus.notAuthorized || saved;
    return html`
      <article class="kith-root card" part="base" lang=${this.localize.t.$lang} tabindex="-1"
        aria-busy=${status === ResourceStatus.loading ? 'true' : 'false'} aria-label=${label}>
        ${shown ? this.renderCustomer(customer) : nothing}
        ${status === ResourceStatus.loading ? this.renderSkeleton() : nothing}
        <p class="status ${this.statusClass(status)}" part="status" role="status">${this.statusText(status)}</p>
        ${canRetry
          ? html`<button class="retry" part="retry-button" type="button" @click=${this.onRetry}>${t.retry}</button>`
          : nothing}
      </article>
    `;
  }

  private renderCustomer(customer: Customer): TemplateResult {
    const t = this.localize.t;
    const tier = customer.loyalty?.tierName ?? null;
    return html`
      <span class="name" part="name">${customer.name}</span>
      <dl>
        <div class="row">
          <dt>${t.company}</dt>
          <dd part="company" class=${customer.company ? '' : 'none'}>${customer.company ?? t.noCompany}</dd>
        </div>
        <div class="row">
          <dt>${t.tier}</dt>
          <dd part="tier" class=${tier ? 'tier' : 'none'}>${tier ?? t.noTier}</dd>
        </div>
        <div class="row">
          <dt>${t.lifetimeValue}</dt>
          <dd part="value" class="value">${formatMoney(customer.value.lifetimeValue, this.localize.locale)}</dd>
        </div>
      </dl>
    `;
  }

  private renderSkeleton(): TemplateResult {
    return html`
      <div aria-hidden="true">
        <span class="skeleton title" part="skeleton"></span>
        <span class="skeleton" part="skeleton"></span>
        <span class="skeleton" part="skeleton"></span>
        <span class="skeleton short" part="skeleton"></span>
      </div>
    `;
  }

  private statusClass(status: ResourceStatus): string {
    if (status === ResourceStatus.error) return 'error';
    if (status === ResourceStatus.notAuthorized) return 'locked';
    if (status === ResourceStatus.stale || status === ResourceStatus.offline) return 'stale';
    if (status === ResourceStatus.loading) return 'visually-hidden';
    return 'muted';
  }

  private statusText(status: ResourceStatus): TemplateResult | string {
    const t = this.localize.t;
    switch (status) {
      case ResourceStatus.notAuthorized:
        return html`<strong class="status-title" part="status-title">${t.notAuthorized.title}</strong>
          <span>${t.notAuthorized.body}</span>`;
      case ResourceStatus.loading:
        return t.loading;
      case ResourceStatus.notFound:
        return t.notFound;
      case ResourceStatus.offline:
        return t.stale.offline;
      case ResourceStatus.stale:
        return t.stale.failed;
      case ResourceStatus.error:
        return this.resource.error ? t.errors[this.resource.error.code] : t.errors.server;
      case ResourceStatus.idle:
        return this.connection.client ? t.noCustomer : t.notConfigured;
      default:
        return '';
    }
  }
}
