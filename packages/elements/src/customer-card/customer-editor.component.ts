import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Customer, Tag, type StaffPage } from '@kith/schema';
import type { KithCore, OutboxEvent, WriteResult } from '@kith/sdk';
import { customers } from '@kith/sdk/resources/customers';
import { staff } from '@kith/sdk/resources/staff';
import type {} from '../events/kith-customer-update.js';
import { KithElement } from '../internal/kith-element.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { resourceOf } from '../internal/resource-of.js';
import { formStyles } from '../styles/form.js';
import { controlStyles } from '../styles/shared.js';
import { customerEditorStyles } from './customer-editor.styles.js';
import { customerDetailsTexts } from './locales/details-catalog.js';

/** The most tags a customer may have (the schema's limit). */
const MAX_TAGS = 50;

/** Where the edit is: being typed, being sent, kept in the outbox, refused, or in conflict with someone else's edit. */
type EditState =
  | { kind: 'editing' }
  | { kind: 'sending' }
  | { kind: 'queued'; entryId: string }
  | { kind: 'failed'; message: string; entryId: string }
  | { kind: 'conflict'; theirs: Customer; entryId: string };

/** What the editor tells the card as it closes (an event inside the card's shadow root, not public). */
export interface EditorClose {
  saved: boolean;
  /** The customer's version after this person's save, when known: the card does not announce it as someone else's. */
  version?: number | undefined;
  /** Someone else's version was kept: the card reads the customer again. */
  reread?: boolean;
}

/** Their version, from a refusal: the customer a 409 `conflict` carries in `current`, validated like any answer. */
function theirVersion(error: { code: string; current: unknown }, id: string): Customer | undefined {
  if (error.code !== 'conflict') return undefined;
  const parsed = Customer.safeParse(error.current);
  return parsed.success && parsed.data.id === id ? parsed.data : undefined;
}

/**
 * The inline editor of `<kith-customer-card>` for its tags or its owner: a chunk of its own,
 * fetched when a person first starts an edit. Writes go through the outbox with the version the
 * person saw: nothing typed is lost offline, and someone else's edit in between is shown beside
 * this one for the person to choose (409 `conflict`).
 *
 * Internal to the card: it lives in the card's shadow root and reads the card's theme tokens (inherited).
 */
export class KithCustomerEditor extends KithElement {
  static override styles = [controlStyles, formStyles, customerEditorStyles];

  @property({ attribute: false }) client?: KithCore;
  /** The customer as shown when the edit started (its version goes with the write). */
  @property({ attribute: false }) customer?: Customer;
  @property({ attribute: false }) field: 'tags' | 'owner' = 'tags';
  /** The card's locale. */
  @property({ attribute: false }) locale?: string;

  @state() private tags: string[] = [];
  @state() private typedTag = '';
  @state() private tagProblem = '';
  @state() private ownerId = '';
  @state() private edit: EditState = { kind: 'editing' };

  @query('form') private form?: HTMLFormElement;
  @query('input') private input?: HTMLInputElement;
  @query('select') private select?: HTMLSelectElement;

  private readonly localize = new LocalizeController(this, customerDetailsTexts);
  private stopOutbox: (() => void) | undefined;
  /** The version the next save is based on: the shown one, or theirs after "Use mine". */
  private baseVersion = 0;

  private readonly owners = new ResourceController<StaffPage, readonly [KithCore]>(this, {
    args: () => (this.client && this.field === 'owner' ? [this.client] : undefined),
    read: ([client]) => resourceOf(client, staff).list({ limit: 100 }),
    lazy: false,
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if ((changed.has('customer') || changed.has('field')) && this.customer && this.edit.kind === 'editing' && !this.baseVersion) {
      this.tags = [...this.customer.tags];
      this.ownerId = this.customer.ownerId ?? '';
      this.baseVersion = this.customer.version;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopOutbox?.();
    this.stopOutbox = undefined;
  }

  /** Focus goes to the owner list as soon as it is there (the colleagues may still be loading). */
  private focusSelectWhenListed = false;

  /** Moves focus into the editor (the card calls it when the edit opens). */
  override focus(): void {
    void this.updateComplete.then(() => {
      const target = this.field === 'tags' ? this.input : this.select;
      if (target) return target.focus();
      // The colleagues are loading: hold focus on the form (never on <body>) until the list is there.
      this.focusSelectWhenListed = true;
      this.form?.focus();
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.focusSelectWhenListed && this.select) {
      this.focusSelectWhenListed = false;
      if (this.matches(':focus-within') || this.form?.matches(':focus')) this.select.focus();
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize.t.edit;
    const busy = this.edit.kind === 'sending';
    return html`
      <form class="editor focusable" part="editor" tabindex="-1" lang=${this.localize.t.$lang} @submit=${this.onSave} @keydown=${this.onKeydown}
        aria-busy=${busy ? 'true' : 'false'}>
        ${this.field === 'tags' ? this.renderTags() : this.renderOwner()}
        ${this.edit.kind === 'conflict' ? this.renderConflict(this.edit.theirs) : nothing}
        <div class="actions">
          ${this.edit.kind === 'conflict'
            ? nothing
            : html`<button class="button" part="save-button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? t.saving : t.save}</button>`}
          <button class="button quiet" part="cancel-button" type="button" @click=${this.onCancel}>${t.cancel}</button>
        </div>
        <p class="message ${this.edit.kind === 'failed' ? 'error' : ''}" role="status">${this.message()}</p>
      </form>
    `;
  }

  private renderTags(): TemplateResult {
    const t = this.localize.t;
    return html`
      <fieldset>
        <legend class="visually-hidden">${t.tags}</legend>
        <ul class="tags" aria-label=${t.tags}>
          ${this.tags.map(
            (tag) => html`<li class="chip" part="tag">
              <span>${tag}</span>
              <button class="remove focusable" type="button" aria-label=${t.edit.removeTag(tag)} @click=${() => this.removeTag(tag)}>×</button>
            </li>`,
          )}
        </ul>
        <label class="field">
          <span>${t.edit.addTag}</span>
          <input part="tag-input" .value=${this.typedTag} maxlength="60" enterkeyhint="done" autocomplete="off"
            aria-invalid=${this.tagProblem ? 'true' : 'false'} aria-describedby="tag-hint"
            @input=${(event: Event) => (this.typedTag = (event.target as HTMLInputElement).value)} />
        </label>
        <p id="tag-hint" class="hint ${this.tagProblem ? 'error' : ''}">${this.tagProblem || t.edit.addTagHint}</p>
      </fieldset>
    `;
  }

  private renderOwner(): TemplateResult {
    const t = this.localize.t.edit;
    const status = this.owners.status;
    const people = this.owners.value?.items ?? [];
    const current = this.customer?.ownerId;
    if (status === ResourceStatus.loading || status === ResourceStatus.idle) return html`<p class="hint">${t.ownersLoading}</p>`;
    if (!people.length) return html`<p class="hint error">${t.ownersFailed}</p>`;
    return html`
      <label class="field">
        <span>${t.chooseOwner}</span>
        <select part="owner-select" @change=${(event: Event) => (this.ownerId = (event.target as HTMLSelectElement).value)}>
          ${current && !people.some((person) => person.id === current) ? html`<option value=${current} selected>${this.localize.t.ownerUnknown}</option>` : nothing}
          ${people.map((person) => html`<option value=${person.id} ?selected=${person.id === this.ownerId}>${person.name}${person.team ? ` · ${person.team}` : ''}</option>`)}
        </select>
      </label>
    `;
  }

  private renderConflict(theirs: Customer): TemplateResult {
    const t = this.localize.t;
    const show = (tags: readonly string[], ownerId: string | null) =>
      this.field === 'tags' ? (tags.length ? tags.join(', ') : t.noTags) : this.ownerName(ownerId);
    return html`
      <section class="conflict" part="conflict" role="alert">
        <strong>${t.edit.conflict.title}</strong>
        <p>${t.edit.conflict.body}</p>
        <dl>
          <dt>${t.edit.conflict.theirs}</dt>
          <dd part="conflict-theirs">${show(theirs.tags, theirs.ownerId)}</dd>
          <dt>${t.edit.conflict.yours}</dt>
          <dd part="conflict-yours">${show(this.tags, this.ownerId || null)}</dd>
        </dl>
        <div class="actions">
          <button class="button quiet" part="keep-theirs-button" type="button" @click=${this.onKeepTheirs}>${t.edit.conflict.keepTheirs}</button>
          <button class="button" part="use-mine-button" type="button" @click=${() => this.onUseMine(theirs)}>${t.edit.conflict.useMine}</button>
        </div>
      </section>
    `;
  }

  private ownerName(id: string | null): string {
    if (!id) return this.localize.t.noOwner;
    return this.owners.value?.items.find((person) => person.id === id)?.name ?? this.localize.t.ownerUnknown;
  }

  private message(): string {
    const t = this.localize.t.edit;
    switch (this.edit.kind) {
      case 'queued':
        return t.queued;
      case 'failed':
        return t.failed(this.edit.message);
      default:
        return '';
    }
  }

  /** Adds what was typed as a tag; says why not when it cannot be one. */
  private addTyped(): boolean {
    const t = this.localize.t.edit;
    const tag = this.typedTag.trim();
    if (!tag) return true;
    if (!Tag.safeParse(tag).success) this.tagProblem = t.tooLong;
    else if (this.tags.includes(tag)) this.tagProblem = t.duplicate;
    else if (this.tags.length >= MAX_TAGS) this.tagProblem = t.tooMany;
    else {
      this.tags = [...this.tags, tag];
      this.typedTag = '';
      this.tagProblem = '';
      return true;
    }
    return false;
  }

  private removeTag(tag: string): void {
    this.tags = this.tags.filter((candidate) => candidate !== tag);
    this.input?.focus();
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.onCancel();
    } else if (event.key === 'Enter' && event.target === this.input && this.typedTag.trim()) {
      // Enter in the tag field adds the tag; Enter elsewhere saves.
      event.preventDefault();
      this.addTyped();
    }
  }

  private async onSave(event?: SubmitEvent): Promise<void> {
    event?.preventDefault();
    const { client, customer } = this;
    if (!client || !customer || this.edit.kind === 'sending') return;
    if (this.field === 'tags' && !this.addTyped()) {
      this.input?.focus();
      return;
    }
    const previous = this.edit;
    this.edit = { kind: 'sending' };
    const version = this.baseVersion || customer.version;
    const body = this.field === 'tags' ? { tags: [...this.tags] } : { ownerId: this.ownerId || (this.select?.value ?? '') };
    // A refused edit stays in the outbox: the corrected one replaces it in one step (with a new
    // key). If it has gone meanwhile (delivered or discarded in another tab), this is a new write.
    let result: WriteResult<Customer> | undefined =
      'entryId' in previous ? await client.outbox.resubmit(previous.entryId, body, Customer, { ifMatch: version }).catch(() => undefined) : undefined;
    if (!result) {
      const api = resourceOf(client, customers);
      const base = { id: customer.id, version };
      result = 'tags' in body ? await api.update(base, body) : await api.assign(base, body);
    }
    this.emit(
      'kith-customer-update',
      'tags' in body ? { customerId: customer.id, field: 'tags', patch: body, result } : { customerId: customer.id, field: 'owner', request: body, result },
    );
    this.settle(result);
  }

  /** What the outbox answered: done, kept for later (followed until delivered), or refused. */
  private settle(result: WriteResult<Customer>): void {
    if (result.status === 'sent') {
      this.close({ saved: true, version: result.data.version });
    } else if (result.status === 'queued') {
      this.edit = { kind: 'queued', entryId: result.entry.id };
      this.follow();
    } else {
      this.refused(result.error, result.entry.id);
    }
  }

  private refused(error: { code: string; message: string; current: unknown }, entryId: string): void {
    const theirs = this.customer ? theirVersion(error, this.customer.id) : undefined;
    this.edit = theirs ? { kind: 'conflict', theirs, entryId } : { kind: 'failed', message: error.message, entryId };
  }

  /** Follows a kept edit until the outbox delivers it or the server refuses it (what was typed stays). */
  private follow(): void {
    this.stopOutbox?.();
    this.stopOutbox = this.client?.outbox.subscribe((event: OutboxEvent) => {
      const state = this.edit;
      if (state.kind !== 'queued') return;
      if (event.type === 'delivered' && event.entry.id === state.entryId) {
        // The server's answer (unvalidated: an earlier page's write has no schema stored) names the new version.
        const version = (event.body as { version?: unknown } | null)?.version;
        this.close({ saved: true, version: typeof version === 'number' ? version : undefined });
      } else if (event.type === 'change') {
        const entry = event.entries.find((candidate) => candidate.id === state.entryId);
        if (entry?.state === 'failed' && entry.error) this.refused(entry.error, entry.id);
      }
    });
  }

  private async onKeepTheirs(): Promise<void> {
    const state = this.edit;
    if ('entryId' in state) await this.client?.outbox.discard(state.entryId).catch(() => undefined);
    // The card may not have heard of their edit yet (no live stream): it reads the customer again.
    this.close({ saved: false, reread: true });
  }

  /** Resends this person's version over theirs: based on the version they saved. */
  private onUseMine(theirs: Customer): void {
    this.baseVersion = theirs.version;
    void this.onSave();
  }

  private onCancel(): void {
    // A kept edit is still sent (the person saved it); a refused one is dropped with the editor.
    const state = this.edit;
    if (state.kind === 'failed' || state.kind === 'conflict') void this.client?.outbox.discard(state.entryId).catch(() => undefined);
    this.close({ saved: false });
  }

  private close(detail: EditorClose): void {
    this.stopOutbox?.();
    this.stopOutbox = undefined;
    this.dispatchEvent(new CustomEvent<EditorClose>('close', { detail }));
  }
}
