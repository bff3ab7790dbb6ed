// A full card's details — contact, orders, credit, last contact, owner, tags, language — and the
// in-place editing of tags and owner. A chunk of its own: a compact card (a list, a header) never
// loads it; a full card fetches it as it connects, while its customer loads. It renders into the
// card's own shadow root (the card's styles apply), as a reactive controller of the card.
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ContactChannel, Customer, StaffMember } from '@kith/schema';
import type { KithCore } from '@kith/sdk';
import { getStaffMember } from '@kith/sdk/resources/staff';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { formatCount, formatDate, formatMoney, formatPercent, formatRelative, languageName } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { contactHref, creditShare, relativeParts } from './customer-details.model.js';
import type { EditorClose } from './customer-editor.component.js';
import { customerDetailsStyles } from './customer-details.styles.js';
import { customerDetailsTexts } from './locales/details-catalog.js';

/** What the details need of the card that shows them. */
export interface CardForDetails extends ReactiveControllerHost, HTMLElement {
  readonly compact: boolean;
  readonly readonly: boolean;
  readonly customerId?: string | undefined;
  locale?: string | undefined;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The client the card reads through. */
  detailsClient(): KithCore | undefined;
  /** This person saved an edit: announce `message`; `version` is theirs, not someone else's update. */
  detailsSaved(message: string, version: number | undefined): void;
  /** Someone else's version was kept: the card reads the customer again. */
  retry(): void;
}

// The inline editor is a chunk of its own too, fetched when a person first points at or focuses an
// edit button (and at the latest when they press it): read-only pages never load it.
let editorChunk: Promise<unknown> | undefined;
function loadEditor(): Promise<unknown> {
  editorChunk ??= import('./customer-editor.js').catch((error: unknown) => {
    editorChunk = undefined;
    throw error;
  });
  return editorChunk;
}

export class CustomerDetails implements ReactiveController {
  readonly #card: CardForDetails;
  readonly #customer: () => Customer | undefined;
  readonly #localize: LocalizeController<typeof customerDetailsTexts.en>;
  /** Which field is being edited in place, if any. */
  #editing: 'tags' | 'owner' | undefined;
  #editedCustomer: string | undefined;

  // The owner's name, from the staff directory. Not every staff token may read it: then the card
  // says "a colleague" and carries on.
  readonly #owner: ResourceController<StaffMember, readonly [KithCore, string]>;

  constructor(card: CardForDetails, customer: () => Customer | undefined) {
    this.#card = card;
    this.#customer = customer;
    this.#localize = new LocalizeController(card, customerDetailsTexts);
    this.#owner = new ResourceController<StaffMember, readonly [KithCore, string]>(card, {
      args: () => {
        const client = card.detailsClient();
        const ownerId = card.compact ? undefined : this.#customer()?.ownerId;
        return client && ownerId ? [client, ownerId] : undefined;
      },
      read: ([client, id]) => getStaffMember(client, id),
    });
    card.addController(this);
    adoptLazyStyles(card.renderRoot, customerDetailsStyles, 'customer-details');
  }

  hostUpdate(): void {
    // Another customer, or no editing allowed any more: an open editor closes (its kept writes stay in the outbox).
    const card = this.#card;
    if (this.#editing && (card.compact || card.readonly || this.#editedCustomer !== card.customerId)) this.#editing = undefined;
  }

  hostUpdated(): void {
    // Through the CSSOM, not a style attribute: a strict CSP (no 'unsafe-inline' styles) allows it.
    const fill = this.#card.renderRoot.querySelector<HTMLElement>('.credit .fill');
    fill?.style.setProperty('inline-size', `${fill.dataset['fill'] ?? '0'}%`);
  }

  /** Resolves when the details' texts of the current locale have loaded. */
  ready(): Promise<void> {
    return this.#localize.ready();
  }

  /** The details of `customer`; `editable` when the card shows the server's latest (not saved data). */
  render(customer: Customer, editable: boolean): TemplateResult {
    const t = this.#localize.t;
    return html`<dl class="facts" lang=${t.$lang}>
      ${this.#contacts(customer.channels)} ${this.#orders(customer)} ${this.#credit(customer)} ${this.#lastContact(customer)}
      ${this.#ownerRow(customer, editable)} ${this.#tags(customer, editable)}
      ${customer.locale ? html`<div class="row"><dt>${t.language}</dt><dd>${languageName(customer.locale, this.#localize.locale)}</dd></div>` : nothing}
    </dl>`;
  }

  #contacts(channels: readonly ContactChannel[]): TemplateResult {
    const t = this.#localize.t;
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

  #orders(customer: Customer): TemplateResult {
    const t = this.#localize.t;
    const { orderCount, lastOrderAt } = customer.value;
    const locale = this.#localize.locale;
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

  #credit(customer: Customer): TemplateResult {
    const t = this.#localize.t.credit;
    const credit = customer.credit;
    const locale = this.#localize.locale;
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
            <span class="fill ${over ? 'over' : ''}" data-fill=${(share * 100).toFixed(1)}></span>
          </span>
          <span class=${over ? 'warning' : 'muted'}>${over ? t.over(money(-left)) : t.available(money(left))} · ${t.rating(credit.rating)}</span>
        </dd>
      </div>
    `;
  }

  #lastContact(customer: Customer): TemplateResult {
    const t = this.#localize.t;
    const last = customer.lastContact;
    const locale = this.#localize.locale;
    if (!last) return html`<div class="row"><dt>${t.lastContact}</dt><dd class="muted">${t.noContact}</dd></div>`;
    const { value, unit } = relativeParts(last.at, Date.now());
    return html`
      <div class="row">
        <dt>${t.lastContact}</dt>
        <dd><time datetime=${last.at} title=${formatDate(last.at, locale)}>${t.lastContactAt(formatRelative(value, unit, locale), t.interactionChannels[last.channel])}</time></dd>
      </div>
    `;
  }

  #ownerRow(customer: Customer, editable: boolean): TemplateResult {
    const t = this.#localize.t;
    const owner = this.#owner;
    const name = customer.ownerId ? (owner.value?.name ?? (owner.status === ResourceStatus.loading ? t.ownerLoading : t.ownerUnknown)) : t.noOwner;
    return html`
      <div class="row">
        <dt>${t.owner}</dt>
        <dd>
          ${this.#editing === 'owner'
            ? this.#editor(customer, 'owner')
            : html`<span part="owner" class=${customer.ownerId ? '' : 'muted'}>${name}</span> ${this.#editButton('owner', t.edit.editOwner, editable)}`}
        </dd>
      </div>
    `;
  }

  #tags(customer: Customer, editable: boolean): TemplateResult {
    const t = this.#localize.t;
    return html`
      <div class="row">
        <dt>${t.tags}</dt>
        <dd>
          ${this.#editing === 'tags'
            ? this.#editor(customer, 'tags')
            : html`${customer.tags.length
                ? html`<ul class="tags" part="tags">${customer.tags.map((tag) => html`<li class="tag" part="tag">${tag}</li>`)}</ul>`
                : html`<span class="muted">${t.noTags}</span>`}
              ${this.#editButton('tags', t.edit.editTags, editable)}`}
        </dd>
      </div>
    `;
  }

  #editButton(field: 'tags' | 'owner', label: string, editable: boolean): TemplateResult | typeof nothing {
    if (this.#card.readonly || !editable) return nothing;
    return html`<button class="button quiet edit" part="edit-button" type="button" data-edit=${field}
      @pointerenter=${loadEditor} @focus=${loadEditor} @click=${() => this.#startEdit(field)}>${label}</button>`;
  }

  #editor(customer: Customer, field: 'tags' | 'owner'): TemplateResult {
    return html`<kith-customer-editor exportparts="editor, save-button, cancel-button, tag, tag-input, owner-select, conflict, conflict-theirs, conflict-yours, keep-theirs-button, use-mine-button"
      .client=${this.#card.detailsClient()} .customer=${customer} .field=${field} .locale=${this.#localize.locale}
      @close=${(event: CustomEvent<EditorClose>) => this.#onEditorClose(event)}></kith-customer-editor>`;
  }

  async #startEdit(field: 'tags' | 'owner'): Promise<void> {
    await loadEditor().catch(() => undefined);
    this.#editing = field;
    this.#editedCustomer = this.#card.customerId;
    this.#card.requestUpdate();
    await this.#card.updateComplete;
    this.#card.renderRoot.querySelector('kith-customer-editor')?.focus();
  }

  #onEditorClose(event: CustomEvent<EditorClose>): void {
    const { saved, version, reread } = event.detail;
    const card = this.#card;
    const field = this.#editing;
    this.#editing = undefined;
    card.requestUpdate();
    // Focus goes back to the button that opened the editor.
    void card.updateComplete.then(() => card.renderRoot.querySelector<HTMLElement>(`[data-edit="${field ?? ''}"]`)?.focus());
    if (saved) card.detailsSaved(this.#localize.t.edit.saved, version);
    if (reread) card.retry();
  }
}
