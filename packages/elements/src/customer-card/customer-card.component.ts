import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ContactChannel, Customer, StaffMember } from '@kith/schema';
import type { KithCore, KithError } from '@kith/sdk';
import { customers } from '@kith/sdk/resources/customers';
import { staff } from '@kith/sdk/resources/staff';
import type {} from '../events/kith-customer-update.js';
import type {} from '../events/kith-error.js';
import type {} from '../events/kith-load.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatCount, formatDate, formatMoney, formatPercent, formatRelative, languageName } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { resourceOf } from '../internal/resource-of.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { customerCardStyles } from './customer-card.styles.js';
import type { EditorClose } from './customer-editor.component.js';
import { churnReason, contactHref, creditShare, initials, relativeParts } from './customer-card.model.js';
import { customerCardTexts } from './locales/catalog.js';

const { idle, loading, ready, offline, stale, error: failed, notAuthorized, notFound } = ResourceStatus;

// The inline editor is a chunk of its own, fetched when a person first points at or focuses an
// edit button (and at the latest when they press it): read-only pages never load it.
let editorChunk: Promise<unknown> | undefined;
function loadEditor(): Promise<unknown> {
  editorChunk ??= import('./customer-editor.js').catch((error: unknown) => {
    editorChunk = undefined;
    throw error;
  });
  return editorChunk;
}

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
export class KithCustomerCard extends KithConnectedElement {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, customerCardStyles];

  /** The id (UUID) of the customer to show. */
  @property({ attribute: 'customer-id' }) customerId?: string;

  /** One line for lists and headers: avatar, name, company and chips only; no contact, credit or editing. */
  @property({ type: Boolean, reflect: true }) compact = false;

  /** Hides the edit buttons (a page whose staff may look but not change). */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** Which field is being edited in place, if any. */
  @state() private editing: 'tags' | 'owner' | undefined;
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
    read: ([client, id]) => resourceOf(client, customers).get(id),
    onReady: (customer) => {
      this.noteVersion(customer);
      this.emit('kith-load', { customer });
    },
    onError: (error) => this.emit('kith-error', { code: error.code, error }),
  });

  // The owner's name, from the staff directory. Not every staff token may read it: then the card
  // says "a colleague" and carries on.
  private readonly owner = new ResourceController<StaffMember, readonly [KithCore, string]>(this, {
    args: () => {
      const client = this.connection.client;
      const ownerId = this.compact ? undefined : this.resource.value?.ownerId;
      return client && ownerId ? [client, ownerId] : undefined;
    },
    read: ([client, id]) => resourceOf(client, staff).get(id),
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Another customer, or no editing allowed any more: an open editor closes (its kept writes stay in the outbox).
    if (changed.has('customerId') || (this.compact || this.readonly)) this.editing = undefined;
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

  private async startEdit(field: 'tags' | 'owner'): Promise<void> {
    await loadEditor().catch(() => undefined);
    this.editing = field;
    await this.updateComplete;
    this.renderRoot.querySelector('kith-customer-editor')?.focus();
  }

  private onEditorClose(event: CustomEvent<EditorClose>): void {
    const { saved, version, reread } = event.detail;
    const field = this.editing;
    this.editing = undefined;
    // Focus goes back to the button that opened the editor.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-edit="${field ?? ''}"]`)?.focus());
    if (version !== undefined) this.ownVersions.add(version);
    if (saved) this.announcement = this.localize.t.edit.saved;
    if (reread) this.resource.retry();
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
        ${status === loading ? this.renderSkeleton() : nothing}
        <p class="status ${this.statusClass(status)}" part="status" role="status">${this.statusText(status)}</p>
        ${canRetry ? html`<button class="button retry" part="retry-button" type="button" @click=${this.onRetry}>${t.retry}</button>` : nothing}
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
      ${this.compact
        ? nothing
        : html`<dl class="facts">
            ${this.renderContacts(customer.channels)}
            ${this.renderOrders(customer)}
            ${this.renderCredit(customer)}
            ${this.renderLastContact(customer)}
            ${this.renderOwner(customer)}
            ${this.renderTags(customer)}
            ${customer.locale
              ? html`<div class="row"><dt>${t.language}</dt><dd>${languageName(customer.locale, this.localize.locale)}</dd></div>`
              : nothing}
          </dl>`}
    `;
  }

  private renderChips(customer: Customer): TemplateResult {
    const t = this.localize.t;
    const { value, loyalty } = customer;
    return html`
      <ul class="chips" part="chips" aria-label=${t.lifetimeValue}>
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
          ? html`<li class="chip key" part="chip key-account" title=${t.keyAccountHint}>
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

  private renderContacts(channels: readonly ContactChannel[]): TemplateResult {
    const t = this.localize.t;
    return html`
      <div class="row">
        <dt>${t.contacts}</dt>
        <dd>
          ${channels.length
            ? html`<ul class="contacts" part="contacts">
                ${channels.map((channel) => {
                  const href = contactHref(channel);
                  return html`<li>
                    <span class="muted">${t.channels[channel.kind]}</span>
                    ${href
                      ? html`<a class="focusable" part="contact-link" href=${href} rel="noopener noreferrer">${channel.value}</a>`
                      : html`<span class="contact-text">${channel.value}</span>`}
                    ${channel.preferred ? html`<span class="preferred">(${t.preferred})</span>` : nothing}
                  </li>`;
                })}
              </ul>`
            : html`<span class="muted">${t.noContacts}</span>`}
        </dd>
      </div>
    `;
  }

  private renderOrders(customer: Customer): TemplateResult {
    const t = this.localize.t;
    const { orderCount, lastOrderAt } = customer.value;
    const locale = this.localize.locale;
    return html`
      <div class="row">
        <dt>${t.ordersTitle}</dt>
        <dd>
          ${orderCount
            ? html`${t.orders(formatCount(orderCount, locale), orderCount)}${lastOrderAt ? html` · <span class="muted">${t.lastOrder(formatDate(lastOrderAt, locale))}</span>` : nothing}`
            : html`<span class="muted">${t.noOrders}</span>`}
        </dd>
      </div>
    `;
  }

  private renderCredit(customer: Customer): TemplateResult {
    const t = this.localize.t.credit;
    const credit = customer.credit;
    const locale = this.localize.locale;
    if (!credit) return html`<div class="row"><dt>${t.title}</dt><dd class="muted">${t.none}</dd></div>`;
    const share = creditShare(credit);
    const left = credit.limit.amount - credit.used.amount;
    const over = left < 0;
    const money = (amount: number) => formatMoney({ amount, currency: credit.limit.currency }, locale);
    return html`
      <div class="row">
        <dt>${t.title}</dt>
        <dd class="credit" part="credit">
          <span>${t.used(money(credit.used.amount), money(credit.limit.amount))}</span>
          <span class="track" part="credit-bar" role="meter" aria-label=${t.barLabel} aria-valuemin="0" aria-valuemax="100"
            aria-valuenow=${Math.round(share * 100)} aria-valuetext=${formatPercent(share, locale)}>
            <span class="fill ${over ? 'over' : ''}" style="inline-size: ${(share * 100).toFixed(1)}%"></span>
          </span>
          <span class=${over ? 'warning' : 'muted'}>${over ? t.over(money(-left)) : t.available(money(left))} · ${t.rating(credit.rating)}</span>
        </dd>
      </div>
    `;
  }

  private renderLastContact(customer: Customer): TemplateResult {
    const t = this.localize.t;
    const last = customer.lastContact;
    const locale = this.localize.locale;
    if (!last) return html`<div class="row"><dt>${t.lastContact}</dt><dd class="muted">${t.noContact}</dd></div>`;
    const { value, unit } = relativeParts(last.at, Date.now());
    return html`
      <div class="row">
        <dt>${t.lastContact}</dt>
        <dd><time datetime=${last.at} title=${formatDate(last.at, locale)}>${t.lastContactAt(formatRelative(value, unit, locale), t.interactionChannels[last.channel])}</time></dd>
      </div>
    `;
  }

  private renderOwner(customer: Customer): TemplateResult {
    const t = this.localize.t;
    const name = customer.ownerId ? (this.owner.value?.name ?? (this.owner.status === loading ? '…' : t.ownerUnknown)) : t.noOwner;
    return html`
      <div class="row">
        <dt>${t.owner}</dt>
        <dd>
          ${this.editing === 'owner'
            ? this.renderEditor(customer, 'owner')
            : html`<span part="owner" class=${customer.ownerId ? '' : 'muted'}>${name}</span> ${this.renderEditButton('owner', t.edit.editOwner)}`}
        </dd>
      </div>
    `;
  }

  private renderTags(customer: Customer): TemplateResult {
    const t = this.localize.t;
    return html`
      <div class="row">
        <dt>${t.tags}</dt>
        <dd>
          ${this.editing === 'tags'
            ? this.renderEditor(customer, 'tags')
            : html`${customer.tags.length
                ? html`<ul class="tags" part="tags">${customer.tags.map((tag) => html`<li class="tag" part="tag">${tag}</li>`)}</ul>`
                : html`<span class="muted">${t.noTags}</span>`}
              ${this.renderEditButton('tags', t.edit.editTags)}`}
        </dd>
      </div>
    `;
  }

  private renderEditButton(field: 'tags' | 'owner', label: string): TemplateResult | typeof nothing {
    if (this.readonly || this.status !== ready) return nothing;
    return html`<button class="button quiet edit" part="edit-button" type="button" data-edit=${field}
      @pointerenter=${loadEditor} @focus=${loadEditor} @click=${() => this.startEdit(field)}>${label}</button>`;
  }

  private renderEditor(customer: Customer, field: 'tags' | 'owner'): TemplateResult {
    return html`<kith-customer-editor exportparts="editor, save-button, cancel-button, tag, tag-input, owner-select, conflict, conflict-theirs, conflict-yours, keep-theirs-button, use-mine-button"
      .client=${this.connection.client} .customer=${customer} .field=${field} .locale=${this.localize.locale}
      @close=${this.onEditorClose}></kith-customer-editor>`;
  }

  private renderSkeleton(): TemplateResult {
    return html`
      <div aria-hidden="true">
        <span class="skeleton title" part="skeleton"></span>
        <span class="skeleton" part="skeleton"></span>
        ${this.compact ? nothing : html`<span class="skeleton" part="skeleton"></span><span class="skeleton short" part="skeleton"></span>`}
      </div>
    `;
  }

  private statusClass(status: ResourceStatus): string {
    if (status === failed) return 'error';
    if (status === notAuthorized) return 'locked';
    if (status === stale || status === offline) return 'stale';
    if (status === loading) return 'visually-hidden';
    return 'muted';
  }

  private statusText(status: ResourceStatus): TemplateResult | string {
    const t = this.localize.t;
    switch (status) {
      case notAuthorized:
        return html`<strong class="status-title" part="status-title">${t.notAuthorized.title}</strong>
          <span>${t.notAuthorized.body}</span>`;
      case loading:
        return t.loading;
      case notFound:
        return t.notFound;
      case offline:
        return t.stale.offline;
      case stale:
        return t.stale.failed;
      case failed:
        return this.resource.error ? t.errors[this.resource.error.code] : t.errors.server;
      case idle:
        return this.connection.client ? t.noCustomer : t.notConfigured;
      default:
        return '';
    }
  }
}
