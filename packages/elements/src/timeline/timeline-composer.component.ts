import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { Interaction, type CreateInteraction, type InteractionPhase } from '@kith/schema';
import type { KithCore, WriteResult } from '@kith/sdk';
import { interactions } from '@kith/sdk/resources/interactions';
import { formatCount } from '../internal/format.js';
import { KithElement } from '../internal/kith-element.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { resourceOf } from '../internal/resource-of.js';
import { formStyles } from '../styles/form.js';
import { controlStyles } from '../styles/shared.js';
import { timelineWritesTexts } from './locales/writes-catalog.js';
import { timelineComposerStyles } from './timeline-composer.styles.js';

/** The schema's limits (`Interaction.summary`, `Interaction.body`). */
const SUMMARY_MAX = 300;
const BODY_MAX = 10_000;

/** What the form tells the timeline as it closes (an event inside the timeline's shadow root, not public). */
export interface ComposerClose {
  /** `cancelled`: closed without saving (a refused entry it held is discarded). */
  status: 'sent' | 'queued' | 'cancelled';
  interaction?: Interaction | undefined;
}

/** A refused write being corrected: the outbox entry and what was sent. */
export interface ComposerEntry {
  id: string;
  body: CreateInteraction;
}

/** `YYYY-MM-DDTHH:mm` of an instant in the viewer's time zone (the value of a `datetime-local` field). */
function localInputValue(instant: number): string {
  const date = new Date(instant);
  return new Date(instant - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/**
 * The form of `<kith-timeline>` for a note or a call: a chunk of its own, fetched when a person
 * first points at or focuses "Add note" or "Log call". It writes through the outbox: delivered at
 * once, or kept (offline) and shown in the timeline as pending; a refusal keeps what was written
 * in the form, and the corrected save replaces the refused entry.
 *
 * Internal to the timeline: it lives in the timeline's shadow root and reads its theme tokens (inherited).
 */
export class KithTimelineComposer extends KithElement {
  static override styles = [controlStyles, formStyles, timelineComposerStyles];

  @property({ attribute: false }) client?: KithCore;
  @property({ attribute: false }) customerId?: string;
  @property({ attribute: false }) kind: 'note' | 'call' = 'note';
  /** The timeline's locale. */
  @property({ attribute: false }) locale?: string;
  /** The phases' names, in the timeline's language. */
  @property({ attribute: false }) phases?: Record<InteractionPhase, string>;
  /** The phase chosen at first: the latest interaction's. */
  @property({ attribute: false }) phase: InteractionPhase = 'sale';
  /** A refused entry to correct (opened from the timeline's pending list). */
  @property({ attribute: false }) entry?: ComposerEntry;

  @state() private summary = '';
  @state() private body = '';
  @state() private direction: 'outbound' | 'inbound' = 'outbound';
  @state() private when = localInputValue(Date.now());
  @state() private problem = '';
  @state() private failure = '';
  @state() private sending = false;
  /** The refused entry this form now holds: a new save replaces it. */
  entryId: string | undefined;

  @query('textarea[name="summary"]') private summaryField?: HTMLTextAreaElement;

  private readonly localize = new LocalizeController(this, timelineWritesTexts);

  /** Resolves when the form's texts of the current locale have loaded. */
  async localeReady(): Promise<void> {
    await this.localize.ready();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const entry = this.entry;
    if (entry) {
      this.entryId = entry.id;
      this.kind = entry.body.type === 'call' ? 'call' : 'note';
      this.summary = entry.body.summary;
      this.body = entry.body.body ?? '';
      this.phase = entry.body.phase;
      if (entry.body.direction === 'inbound') this.direction = 'inbound';
      if (entry.body.occurredAt) this.when = localInputValue(Date.parse(entry.body.occurredAt));
    }
  }

  /** Moves focus to the summary field (the timeline calls it when the form opens). */
  override focus(): void {
    void this.updateComplete.then(() => this.summaryField?.focus());
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const locale = this.localize.locale;
    const counter = (used: number, max: number) => t.counter(formatCount(used, locale), formatCount(max, locale));
    const phases = this.phases;
    return html`
      <form class="composer" part="composer" lang=${t.$lang} aria-labelledby="title" novalidate @submit=${this.onSubmit} @keydown=${this.onKey}>
        <h3 id="title" class="title">${t.title[this.kind]}</h3>
        ${this.kind === 'call'
          ? html`<fieldset class="choices">
                <legend>${t.direction}</legend>
                ${(['outbound', 'inbound'] as const).map(
                  (direction) => html`<label class="choice"><input type="radio" name="direction" .value=${direction}
                    .checked=${this.direction === direction} @change=${() => (this.direction = direction)} />${t.directions[direction]}</label>`,
                )}
              </fieldset>
              <label class="field">${t.when}
                <input type="datetime-local" name="when" .value=${this.when} @input=${(event: Event) => (this.when = (event.target as HTMLInputElement).value)} />
              </label>`
          : nothing}
        <label class="field">${t.summary}
          <textarea name="summary" part="summary-input" rows="2" maxlength=${SUMMARY_MAX} required aria-invalid=${this.problem ? 'true' : 'false'}
            aria-describedby="summary-count summary-problem" .value=${this.summary} @input=${this.onSummary}></textarea>
        </label>
        <p id="summary-count" class="hint">${counter(this.summary.length, SUMMARY_MAX)}</p>
        <p id="summary-problem" class="message error" role="alert">${this.problem}</p>
        <label class="field">${t.body}
          <textarea name="body" part="body-input" rows="3" maxlength=${BODY_MAX} .value=${this.body}
            @input=${(event: Event) => (this.body = (event.target as HTMLTextAreaElement).value)}></textarea>
        </label>
        ${phases
          ? html`<label class="field">${t.phase}
              <select name="phase" .value=${this.phase} @change=${(event: Event) => (this.phase = (event.target as HTMLSelectElement).value as InteractionPhase)}>
                ${(Object.keys(phases) as InteractionPhase[]).map((phase) => html`<option value=${phase} ?selected=${phase === this.phase}>${phases[phase]}</option>`)}
              </select>
            </label>`
          : nothing}
        <p class="message error" part="composer-message" role="status">${this.failure}</p>
        <div class="actions">
          <button class="button" part="save-button" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>${t.save}</button>
          <button class="button quiet" part="cancel-button" type="button" @click=${this.cancel}>${t.cancel}</button>
        </div>
      </form>
    `;
  }

  private onSummary(event: Event): void {
    this.summary = (event.target as HTMLTextAreaElement).value;
    if (this.problem && this.summary.trim()) this.problem = '';
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.cancel();
  }

  /** What is written, as the interaction to create. */
  private interaction(): CreateInteraction {
    const note = this.kind === 'note';
    const occurred = note ? Date.now() : Date.parse(this.when);
    const body = this.body.trim();
    return {
      channel: note ? 'web' : 'phone',
      type: this.kind,
      direction: note ? 'internal' : this.direction,
      phase: this.phase,
      summary: this.summary.trim(),
      ...(body ? { body } : {}),
      occurredAt: new Date(Number.isNaN(occurred) ? Date.now() : occurred).toISOString(),
    };
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const t = this.localize.t;
    const client = this.client;
    const customerId = this.customerId;
    if (this.sending || !client || !customerId) return;
    const summary = this.summary.trim();
    this.problem = !summary ? t.required : summary.length > SUMMARY_MAX ? t.tooLong(formatCount(SUMMARY_MAX, this.localize.locale)) : '';
    if (this.problem) {
      this.summaryField?.focus();
      return;
    }
    const interaction = this.interaction();
    this.sending = true;
    this.failure = '';
    let result: WriteResult<Interaction>;
    try {
      // A refused entry is replaced by the corrected one in one step (it keeps what was written until then).
      result = this.entryId
        ? await client.outbox.resubmit(this.entryId, interaction, Interaction).catch(() => resourceOf(client, interactions).create(customerId, interaction))
        : await resourceOf(client, interactions).create(customerId, interaction);
    } finally {
      this.sending = false;
    }
    this.emit('kith-interaction-create', { customerId, interaction, result });
    if (result.status === 'failed') {
      this.entryId = result.entry.id;
      this.failure = t.failed(this.localize.common.reasons[result.error.code] ?? result.error.message);
      this.dispatchEvent(new Event('change'));
      return;
    }
    this.entryId = undefined;
    this.close({ status: result.status, interaction: result.status === 'sent' ? result.data : undefined });
  }

  private cancel(): void {
    // Cancelling a refused write is the person's choice to drop it.
    if (this.entryId) void this.client?.outbox.discard(this.entryId).catch(() => undefined);
    this.entryId = undefined;
    this.close({ status: 'cancelled' });
  }

  private close(detail: ComposerClose): void {
    this.dispatchEvent(new CustomEvent<ComposerClose>('close', { detail }));
  }
}
