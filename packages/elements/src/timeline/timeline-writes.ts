// What a person writes in the timeline — "Add note" and "Log call", the form, and the notes and
// calls still in the outbox — as a chunk of its own: fetched as the timeline connects, while its
// first page loads. Entries left by an earlier page (written offline, then reloaded) show as
// pending at once and are confirmed when the outbox delivers them.
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { CreateInteraction, Interaction, type InteractionPhase } from '@kith/schema';
import type { KithCore, OutboxEntry, OutboxEvent } from '@kith/sdk';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { LocalizeController } from '../internal/localize-controller.js';
import type { CommonTexts } from '../locales/common/texts.js';
import type { ComposerClose, ComposerEntry } from './timeline-composer.component.js';
import type { TimelineTexts } from './locales/texts.js';
import { timelineWritesTexts } from './locales/writes-catalog.js';
import { timelineWritesStyles } from './timeline-writes.styles.js';
import { matchesFilters } from './timeline-filters.model.js';
import type { TimelineFilters } from './timeline.model.js';

/** What the writes need of their timeline. */
export interface WritesContext {
  host: ReactiveControllerHost & HTMLElement & { locale?: string | undefined; readonly renderRoot: HTMLElement | DocumentFragment };
  client(): KithCore | undefined;
  customerId(): string | undefined;
  filters(): TimelineFilters;
  /** The timeline's texts and the shared ones, in its language. */
  texts(): { t: TimelineTexts; common: CommonTexts; locale: string };
  /** The phase the form starts with (the latest interaction's). */
  phase(): InteractionPhase;
  /** Says something politely (a live region). */
  announce(text: string): void;
  /** Shows the top of the feed, where a new interaction appears. */
  showTop(): void;
}

/** An interaction written here that the server has not confirmed yet, as the outbox holds it. */
export interface PendingWrite {
  entry: OutboxEntry;
  interaction: CreateInteraction;
}

let composerChunk: Promise<unknown> | undefined;
/** Fetches the form's chunk once (when a person first points at or focuses a button that opens it). */
function loadComposer(): Promise<unknown> {
  composerChunk ??= import('./timeline-composer.js').catch((error: unknown) => {
    composerChunk = undefined;
    console.error('[kith] <kith-timeline> could not load its form', error);
  });
  return composerChunk;
}

export class TimelineWrites {
  readonly #context: WritesContext;
  readonly #localize: LocalizeController<typeof timelineWritesTexts.en>;
  #client: KithCore | undefined;
  #stop: (() => void) | undefined;
  /** This customer's notes and calls in the outbox, newest first (the same array until they change). */
  #pending: PendingWrite[] = [];
  #pendingFor: { signature: string; filters: TimelineFilters; customerId: string | undefined } | undefined;
  /** Interactions written here and confirmed, until the first page holds them. */
  #confirmed: Interaction[] = [];
  /** The form open now, and the refused entry it corrects. */
  #open: { kind: 'note' | 'call'; entry?: ComposerEntry | undefined } | undefined;
  #opener: HTMLElement | undefined;

  constructor(context: WritesContext) {
    this.#context = context;
    this.#localize = new LocalizeController(context.host, timelineWritesTexts);
    adoptLazyStyles(context.host.renderRoot, timelineWritesStyles, 'timeline-writes');
    context.host.addController({
      hostConnected: () => this.#follow(),
      hostUpdate: () => this.#follow(),
      hostDisconnected: () => {
        this.#stop?.();
        this.#stop = undefined;
        this.#client = undefined;
      },
    });
    this.#follow();
  }

  /** Resolves when writing's texts of the current locale have loaded. */
  ready(): Promise<void> {
    return this.#localize.ready();
  }

  /** The notes and calls written here and not confirmed yet that match the filters, newest first. */
  pending(): readonly PendingWrite[] {
    const entries = this.#client?.outbox.entries ?? [];
    const filters = this.#context.filters();
    const customerId = this.#context.customerId();
    // The outbox hands out a new array on every read: compare what matters (ids and states).
    const signature = entries.map((entry) => `${entry.id}:${entry.state}:${entry.attempts}`).join();
    const was = this.#pendingFor;
    if (was && was.signature === signature && was.filters === filters && was.customerId === customerId) return this.#pending;
    this.#pendingFor = { signature, filters, customerId };
    const path = customerId ? `/v1/customers/${encodeURIComponent(customerId)}/interactions` : undefined;
    const pending: PendingWrite[] = [];
    for (const entry of entries) {
      if (entry.kind !== 'interactions.create' || entry.path !== path) continue;
      const parsed = CreateInteraction.safeParse(entry.body);
      if (parsed.success && matchesFilters(parsed.data, filters)) pending.push({ entry, interaction: parsed.data });
    }
    // A form correcting a refused entry shows it: the list does not show it twice.
    const editing = this.#editingId();
    this.#pending = pending.filter((write) => write.entry.id !== editing).reverse();
    return this.#pending;
  }

  /** Interactions written here and confirmed by the server (the first page may not hold them yet). */
  confirmed(): readonly Interaction[] {
    return this.#confirmed;
  }

  /** "Add note" and "Log call", or the open form. */
  renderActions(): TemplateResult {
    const { t: names, locale } = this.#context.texts();
    const t = this.#localize.t;
    const open = this.#open;
    if (open) {
      return html`<kith-timeline-composer exportparts="composer, summary-input, body-input, save-button, cancel-button, composer-message"
        .client=${this.#context.client()} .customerId=${this.#context.customerId()} .kind=${open.kind} .entry=${open.entry}
        .locale=${locale} .phases=${names.phases} .phase=${this.#context.phase()}
        @close=${(event: CustomEvent<ComposerClose>) => this.#onClose(event.detail)}
        @change=${() => this.#changed()}></kith-timeline-composer>`;
    }
    const button = (kind: 'note' | 'call', label: string) =>
      html`<button class="button quiet" part="${kind === 'note' ? 'add-note' : 'log-call'}-button" type="button"
        @pointerenter=${loadComposer} @focus=${loadComposer} @click=${(event: Event) => this.#openForm(kind, event.currentTarget as HTMLElement)}>${label}</button>`;
    return html`<div class="actions">${button('note', t.addNote)} ${button('call', t.logCall)}</div>`;
  }

  /** One pending (or refused) note or call as an item of the feed. */
  renderPending(write: PendingWrite, position: number, total: number, headings: unknown, meta: TemplateResult): TemplateResult {
    const { common } = this.#context.texts();
    const t = this.#localize.t;
    const { entry, interaction } = write;
    const failed = entry.state === 'failed';
    const state = failed
      ? t.pending.failed(common.reasons[entry.error?.code ?? 'server'] ?? entry.error?.message ?? '')
      : entry.state === 'sending'
        ? t.pending.sending
        : t.pending.waiting;
    const lineId = `line-${entry.id}`;
    return html`
      <article class="item pending focusable" part="item pending-item" tabindex="0" aria-posinset=${position} aria-setsize=${total}
        aria-labelledby=${lineId} aria-describedby="state-${entry.id}" data-key="pending:${entry.id}" data-state=${entry.state}>
        ${headings}
        <div class="row">
          <span class="icon" part="icon" aria-hidden="true">${interaction.type === 'call' ? '☎' : '✎'}</span>
          <div class="content">
            ${meta}
            <p class="summary" part="summary">${interaction.summary}</p>
            ${interaction.body ? html`<p class="body">${interaction.body}</p>` : nothing}
            <p class="state ${failed ? 'error' : ''}" part="pending-state" id="state-${entry.id}">${state}</p>
            ${failed
              ? html`<div class="actions">
                  <button class="button quiet" part="edit-button" type="button" @pointerenter=${loadComposer}
                    @click=${(event: Event) => this.#openForm(interaction.type === 'call' ? 'call' : 'note', event.currentTarget as HTMLElement, { id: entry.id, body: interaction })}>${t.pending.edit}</button>
                  <button class="button quiet" part="discard-button" type="button" @click=${() => this.#discard(entry.id)}>${t.pending.discard}</button>
                </div>`
              : nothing}
          </div>
        </div>
      </article>
    `;
  }

  /** Follows the outbox of the timeline's client: its changes re-render, its deliveries confirm. */
  #follow(): void {
    const client = this.#context.client();
    if (client === this.#client) return;
    this.#stop?.();
    this.#client = client;
    this.#stop = client?.outbox.subscribe((event: OutboxEvent) => this.#onOutbox(event));
    this.#context.host.requestUpdate();
  }

  #onOutbox(event: OutboxEvent): void {
    if (event.type === 'delivered' && event.entry.kind === 'interactions.create') {
      const parsed = Interaction.safeParse(event.body);
      if (parsed.success && parsed.data.customerId === this.#context.customerId()) {
        this.#confirmed = [parsed.data, ...this.#confirmed.filter((item) => item.id !== parsed.data.id)];
        this.#context.announce(this.#localize.t.confirmed);
      }
    }
    this.#context.host.requestUpdate();
  }

  #editingId(): string | undefined {
    return this.#context.host.renderRoot.querySelector('kith-timeline-composer')?.entryId ?? this.#open?.entry?.id;
  }

  #changed(): void {
    this.#pendingFor = undefined;
    this.#context.host.requestUpdate();
  }

  async #openForm(kind: 'note' | 'call', opener: HTMLElement, entry?: ComposerEntry): Promise<void> {
    await loadComposer();
    this.#open = { kind, entry };
    this.#opener = opener.matches('[part~="edit-button"]') ? undefined : opener;
    this.#changed();
    const host = this.#context.host as ReactiveControllerHost & { updateComplete: Promise<boolean> };
    await host.updateComplete;
    this.#context.host.renderRoot.querySelector('kith-timeline-composer')?.focus();
  }

  async #onClose(detail: ComposerClose): Promise<void> {
    const { status, interaction } = detail;
    if (interaction) {
      this.#confirmed = [interaction, ...this.#confirmed];
      this.#context.announce(this.#localize.t.confirmed);
    }
    const opener = this.#opener;
    this.#open = undefined;
    this.#opener = undefined;
    this.#changed();
    if (status !== 'cancelled') this.#context.showTop();
    const host = this.#context.host as ReactiveControllerHost & { updateComplete: Promise<boolean> };
    await host.updateComplete;
    // Focus goes back to the button that opened the form (now rendered again).
    const part = opener?.getAttribute('part');
    const again = part ? this.#context.host.renderRoot.querySelector<HTMLElement>(`[part="${part}"]`) : null;
    (again ?? this.#context.host.renderRoot.querySelector<HTMLElement>('[part~="add-note-button"]'))?.focus();
  }

  async #discard(id: string): Promise<void> {
    await this.#client?.outbox.discard(id).catch(() => undefined);
    this.#changed();
  }
}
