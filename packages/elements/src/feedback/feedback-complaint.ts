// A complaint (`kind="complaint"`) as a chunk of its own: `<kith-feedback>` loads it through `KINDS`
// when a page asks for it. What is typed is kept in this browser until the outbox holds it; the
// receipt states the 24-hour promise with its due time; with a customer token the shopper follows
// the complaint's status live (the server publishes its changes on `customer:<id>`).
import { html, nothing, type TemplateResult } from 'lit';
import { Feedback, type ComplaintStatus } from '@kith/schema';
import type { KithCore } from '@kith/sdk/core';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { ClientController } from '../internal/client-controller.js';
import { dateTimeFormat } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { statusLine } from '../internal/status.js';
import type { KithFeedbackSubmitEventDetail } from '../events/kith-feedback-submit.js';
import { stateStyles } from '../styles/shared.js';
import type { FeedbackKindPart, KithFeedback } from './feedback.component.js';
import { complaintStyles } from './feedback-complaint.styles.js';
import { receiptStyles } from './feedback-receipt.styles.js';
import { followComplaint, sendComplaint, type ComplaintOutcome, type ComplaintRecord } from './complaint-send.js';
import {
  CATEGORIES, COMPLAINT_FIELDS, COMPLAINT_KEYS, COMPLAINT_LIMITS, EMPTY_COMPLAINT, complaintProblems, isEmptyComplaint,
  parseComplaintDraft, recall, remember, storedObject, toNewComplaint,
  type ComplaintDraft, type ComplaintField, type ComplaintProblem, type ComplaintTextField,
} from './complaint.model.js';
import { complaintTexts } from './locales/complaint-catalog.js';

type Phase = 'form' | 'sending' | 'queued' | 'sent';
type Problems = Partial<Record<ComplaintField, ComplaintProblem>>;

/** The due time as people say it: "Tuesday 25 November, 14:30", in the viewer's zone and locale. */
export const DUE_FORMAT: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };

/** The server's field issues on the form's fields; an issue on a field the form does not show lands on the subject. */
function serverProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Problems {
  const problems: Problems = {};
  for (const issue of issues) {
    const name = String(issue.path[0] === 'contact' ? (issue.path[1] ?? 'email') : (issue.path[0] ?? ''));
    const field = (COMPLAINT_FIELDS as readonly string[]).includes(name) ? (name as ComplaintField) : 'subject';
    problems[field] ??= { server: issue.message };
  }
  return problems;
}

/** A complaint sent with a customer token, kept so a later page follows it (anything else is not readable back). */
function storedRecord(): ComplaintRecord | undefined {
  const { id, customerId } = storedObject(recall(COMPLAINT_KEYS.sent)) ?? {};
  return typeof id === 'string' && typeof customerId === 'string' ? { id, customerId, status: undefined, dueAt: undefined } : undefined;
}

/** The complaint form of one `<kith-feedback>`, then its receipt and live status. */
class ComplaintPart implements FeedbackKindPart {
  readonly #host: KithFeedback;
  readonly #connection: ClientController;
  readonly #localize: LocalizeController<typeof complaintTexts.en>;
  /** The complaint read back with a customer token, live on `customer:<id>`. */
  readonly #live: ResourceController<Feedback, [KithCore, string, string]>;
  #phase: Phase = 'form';
  #draft: ComplaintDraft = EMPTY_COMPLAINT;
  #problems: Problems = {};
  #notice: string | undefined;
  /** A draft from an earlier page was restored: said in the texts' language once they have loaded. */
  #restored = false;
  #record: ComplaintRecord | undefined;
  #refusedEntry: string | undefined;
  #stopFollowing: (() => void) | undefined;
  /** The status last announced, so a live change is said once. */
  #announced: ComplaintStatus | undefined;

  constructor(host: KithFeedback) {
    this.#host = host;
    this.#connection = new ClientController(host);
    this.#localize = new LocalizeController(host, complaintTexts);
    this.#live = new ResourceController(host, {
      args: () => {
        const client = this.#connection.client;
        const record = this.#record;
        return host.kind === 'complaint' && this.#phase === 'sent' && client && record?.customerId ? [client, record.id, record.customerId] : undefined;
      },
      read: ([client, id, customerId]) =>
        client.read({ path: `/v1/feedback/${encodeURIComponent(id)}`, schema: Feedback, topics: [`customer:${customerId}`] }),
      onReady: (value) => this.#announce(value.kind === 'complaint' ? value.status : undefined),
      lazy: false,
    });
    host.addController({ hostDisconnected: () => this.#unfollow() });
    for (const [styles, name] of [[stateStyles, 'kith-state'], [receiptStyles, 'feedback-receipt'], [complaintStyles, 'feedback-complaint']] as const) {
      adoptLazyStyles(host.renderRoot, styles, name);
    }
    this.#restore();
  }

  /** A draft, a kept complaint in the outbox, or a sent one to follow: whatever an earlier page left. */
  #restore(): void {
    const draft = parseComplaintDraft(recall(COMPLAINT_KEYS.draft));
    if (draft) {
      this.#draft = draft;
      this.#restored = true;
    }
    const pending = recall(COMPLAINT_KEYS.pending);
    const sent = storedRecord();
    if (pending) {
      this.#phase = 'queued';
      this.#follow(pending);
    } else if (sent) {
      this.#record = sent;
      this.#phase = 'sent';
    }
  }

  render(): TemplateResult {
    if (this.#phase === 'queued' || this.#phase === 'sent') return this.#renderReceipt();
    return this.#renderForm();
  }

  #renderForm(): TemplateResult {
    const t = this.#localize.t;
    const draft = this.#draft;
    const sending = this.#phase === 'sending';
    const notice = this.#notice ?? (this.#restored ? t.draftRestored : this.#connection.client ? undefined : t.notConfigured);
    const message = (field: ComplaintField) => html`<p id="complaint-${field}-message" class="message error" aria-live="polite">${this.#problemText(field)}</p>`;
    const invalid = (field: ComplaintField) => String(this.#problems[field] !== undefined);
    return html`<form part="form" novalidate aria-labelledby="complaint-heading" @submit=${this.#submit}>
      <h2 id="complaint-heading" part="heading">${t.heading}</h2>
      <p class="promise" part="promise">${t.promise}</p>
      ${notice ? html`<p class="notice" part="notice">${notice}</p>` : nothing}
      <div class="field" part="field">
        <label for="complaint-category">${t.category}</label>
        <select id="complaint-category" name="category" aria-invalid=${invalid('category')} aria-describedby="complaint-category-message"
          @change=${(event: Event) => this.#edit({ category: (event.target as HTMLSelectElement).value as ComplaintDraft['category'] })}>
          <option value="" ?selected=${draft.category === ''}>${t.chooseCategory}</option>
          ${CATEGORIES.map((category) => html`<option value=${category} ?selected=${draft.category === category}>${t.categories[category]}</option>`)}
        </select>
        ${message('category')}
      </div>
      ${this.#renderText('subject', t.subject)}
      ${this.#renderText('body', t.body)}
      <fieldset part="contact" class="contact">
        <legend>${t.contact}</legend>
        <div class="choices">
          ${(['email', 'phone'] as const).map(
            (way) => html`<label><input type="radio" name="contact-by" id="complaint-by-${way}" .value=${way} .checked=${draft.contactBy === way}
              @change=${() => this.#edit({ contactBy: way })} />${t.contactBy[way]}</label>`,
          )}
        </div>
        ${this.#renderText('name', t.name)}
        ${this.#renderText('email', t.email, draft.contactBy !== 'email')}
        ${this.#renderText('phone', t.phone, draft.contactBy !== 'phone')}
      </fieldset>
      <button type="submit" part="submit" aria-disabled=${String(sending)}>${sending ? t.sending : t.submit}</button>
    </form>`;
  }

  /** A labelled text field with its counter (or "optional") and its message. */
  #renderText(field: ComplaintTextField, label: string, optional = false): TemplateResult {
    const t = this.#localize.t;
    const id = `complaint-${field}`;
    const value = this.#draft[field];
    const max = COMPLAINT_LIMITS[field];
    const input = (event: Event) => this.#edit({ [field]: (event.target as HTMLInputElement).value });
    const common = { invalid: String(this.#problems[field] !== undefined), describedBy: `${id}-hint ${id}-message` };
    const type = field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text';
    const autocomplete = field === 'email' ? 'email' : field === 'phone' ? 'tel' : field === 'name' ? 'name' : 'off';
    return html`<div class="field" part="field">
      <label for=${id}>${label}${optional ? html` <span class="hint">${t.optional}</span>` : nothing}</label>
      ${field === 'body'
        ? html`<textarea id=${id} name=${field} rows="6" .value=${value} aria-invalid=${common.invalid} aria-describedby=${common.describedBy} @input=${input}></textarea>`
        : html`<input id=${id} name=${field} type=${type} autocomplete=${autocomplete} .value=${value} aria-invalid=${common.invalid}
            aria-describedby=${common.describedBy} @input=${input} />`}
      <p class="hint" id="${id}-hint">${t.counter(value.length, max)}</p>
      <p id="${id}-message" class="message error" aria-live="polite">${this.#problemText(field)}</p>
    </div>`;
  }

  #problemText(field: ComplaintField): string {
    const t = this.#localize.t;
    const problem = this.#problems[field];
    if (problem === undefined) return '';
    if (typeof problem === 'object') return problem.server;
    return problem === 'tooLong' ? t.tooLong(COMPLAINT_LIMITS[field as ComplaintTextField]) : t[problem];
  }

  /** The receipt: the promise with its due time, then (with a customer token) the status, live. */
  #renderReceipt(): TemplateResult {
    const t = this.#localize.t;
    const live = this.#live;
    const value = live.value?.kind === 'complaint' ? live.value : undefined;
    const dueAt = value?.dueAt ?? this.#record?.dueAt;
    const status = value?.status ?? this.#record?.status;
    const queued = this.#phase === 'queued';
    const follows = !queued && this.#record?.customerId;
    return html`<section part="receipt" class="receipt" aria-labelledby="complaint-receipt">
      <h2 id="complaint-receipt" tabindex="-1">${queued ? t.queued : t.thanks}</h2>
      <p class="promise" part="promise">${dueAt ? t.answerBy(this.#formatDue(dueAt)) : t.answerWithin}</p>
      ${follows
        ? html`${status ? html`<p class="complaint-status" part="status-value">${t.statusLabel}: <strong>${t.statuses[status]}</strong></p>` : nothing}
            ${value?.answeredAt ? html`<p part="answered">${t.answeredAt(this.#formatDue(value.answeredAt))}</p>` : nothing}
            ${value?.reply
              ? html`<figure class="answer" part="answer"><figcaption>${t.answer}</figcaption><blockquote dir="auto">${value.reply.body}</blockquote></figure>`
              : nothing}
            ${live.status === ResourceStatus.ready || live.status === ResourceStatus.idle
              ? nothing
              : statusLine(live.status, t, this.#localize.common, live.error)}
            ${live.status === ResourceStatus.error || live.status === ResourceStatus.stale || live.status === ResourceStatus.offline
              ? html`<button type="button" class="quiet" part="retry" @click=${() => live.retry()}>${t.refresh}</button>`
              : nothing}`
        : queued
          ? nothing
          : html`<p>${t.answerByContact}</p>`}
      ${queued ? nothing : html`<button type="button" class="quiet" part="another" @click=${this.#another}>${t.another}</button>`}
    </section>`;
  }

  #formatDue(iso: string): string {
    return dateTimeFormat(this.#localize.locale, DUE_FORMAT).format(new Date(iso));
  }

  /** Says a live status change to screen readers (not the first status, which the receipt shows). */
  #announce(status: ComplaintStatus | undefined): void {
    if (status === undefined || status === this.#announced) return;
    const first = this.#announced === undefined;
    this.#announced = status;
    if (!first) this.#host.announcement = `${this.#localize.t.statusLabel}: ${this.#localize.t.statuses[status]}`;
  }

  /** Applies what the person typed or chose, keeps it in this browser, and re-checks what was already flagged. */
  #edit(change: Partial<ComplaintDraft>): void {
    this.#draft = { ...this.#draft, ...change };
    remember(COMPLAINT_KEYS.draft, isEmptyComplaint(this.#draft) ? undefined : JSON.stringify(this.#draft));
    const now = complaintProblems(this.#draft);
    const next: Problems = {};
    // "Too long" shows while typing; the rest once a submit flagged the field, until it is fixed.
    for (const field of Object.keys(now) as ComplaintField[]) {
      if (now[field] === 'tooLong' || this.#problems[field] !== undefined) next[field] = now[field];
    }
    this.#problems = next;
    this.#host.requestUpdate();
  }

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#phase !== 'form') return;
    const t = this.#localize.t;
    const problems = complaintProblems(this.#draft);
    const fields = COMPLAINT_FIELDS.filter((field) => problems[field] !== undefined);
    if (fields.length > 0) {
      this.#problems = problems;
      this.#host.announcement = t.correct(fields.length);
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      (this.#host.renderRoot.querySelector(`#complaint-${fields[0] ?? 'category'}`) as HTMLElement | null)?.focus();
      return;
    }
    const client = this.#connection.client;
    if (!client) {
      this.#notice = this.#host.announcement = t.notConfigured;
      this.#host.requestUpdate();
      return;
    }
    this.#phase = 'sending';
    this.#host.announcement = t.sending;
    this.#host.requestUpdate();
    let outcome: ComplaintOutcome;
    try {
      outcome = await sendComplaint(client, toNewComplaint(this.#draft), this.#refusedEntry);
    } catch (error) {
      // The outbox itself could not take it: nothing was sent, the complaint stays in the form.
      console.warn('[kith] <kith-feedback>: could not send the complaint', error);
      outcome = { status: 'failed', code: 'network', issues: [], entryId: this.#refusedEntry };
    }
    this.#settle(outcome);
  };

  #follow(entryId: string): void {
    const client = this.#connection.client;
    if (!client) return;
    this.#unfollow();
    this.#stopFollowing = followComplaint(client, entryId, (outcome) => {
      this.#stopFollowing = undefined;
      this.#settle(outcome);
    });
  }

  #unfollow(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
  }

  /** Shows what the outbox did with the complaint, and keeps (or drops) what this browser holds for it. */
  #settle(outcome: ComplaintOutcome): void {
    const t = this.#localize.t;
    const host = this.#host;
    if (outcome.status === 'failed') {
      this.#phase = 'form';
      this.#refusedEntry = outcome.entryId;
      const restored = outcome.body === undefined ? undefined : parseComplaintDraft(JSON.stringify(outcome.body));
      if (restored) this.#draft = { ...restored, contactBy: this.#draft.contactBy };
      this.#problems = serverProblems(outcome.issues);
      this.#notice = host.announcement = t.refused(this.#localize.common.reasons[outcome.code]);
      remember(COMPLAINT_KEYS.pending, undefined);
    } else {
      // From here the outbox (or the server) holds the complaint: the draft has done its job.
      remember(COMPLAINT_KEYS.draft, undefined);
      this.#refusedEntry = undefined;
      this.#notice = undefined;
      this.#restored = false;
      this.#phase = outcome.status;
      if (outcome.status === 'sent') {
        remember(COMPLAINT_KEYS.pending, undefined);
        this.#record = outcome.record;
        const { id, customerId } = outcome.record ?? {};
        remember(COMPLAINT_KEYS.sent, id && customerId ? JSON.stringify({ id, customerId }) : undefined);
        this.#draft = EMPTY_COMPLAINT;
      } else {
        remember(COMPLAINT_KEYS.pending, outcome.entryId);
        this.#follow(outcome.entryId);
      }
      host.announcement = outcome.status === 'sent' ? t.thanks : t.queued;
      void host.updateComplete.then(() => (host.renderRoot.querySelector('#complaint-receipt') as HTMLElement | null)?.focus());
    }
    host.requestUpdate();
    const detail: KithFeedbackSubmitEventDetail = { kind: 'complaint', status: outcome.status };
    host.dispatchEvent(new CustomEvent('kith-feedback-submit', { detail, bubbles: true, composed: true }));
  }

  /** Back to an empty form; the complaint sent is no longer followed here. */
  #another = async (): Promise<void> => {
    remember(COMPLAINT_KEYS.sent, undefined);
    this.#record = undefined;
    this.#announced = undefined;
    this.#phase = 'form';
    this.#problems = {};
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    (this.#host.renderRoot.querySelector('#complaint-category') as HTMLElement | null)?.focus();
  };
}

/** The complaint form for `<kith-feedback kind="complaint">`. */
export function createKind(host: KithFeedback): FeedbackKindPart {
  return new ComplaintPart(host);
}
