import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ComplaintStatus, Feedback } from '@kith/schema';
import type {} from '../events/kith-inbox-action.js';
import { KithConnectedElement } from '../internal/connected-element.js';
import { formatCount } from '../internal/format.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { skeleton } from '../internal/status.js';
import { controlStyles, stateStyles } from '../styles/shared.js';
import { hostReset, tokens } from '../styles/tokens.js';
import { followQueued, runAction, type ActionOutcome, type ActionRequest } from './inbox-item-actions.js';
import { actionsOf, statusMoves, type ItemAction } from './inbox-item.model.js';
import { inboxItemStyles } from './inbox-item.styles.js';
import { renderComplaint, renderReview, renderSurvey, type ItemView } from './inbox-item-views.js';
import { inboxItemTexts } from './item-locales/catalog.js';
import type { InboxItemTexts, StatusMove } from './item-locales/texts.js';

/** The actions that open a form first: a rejection's reason, a reply's or an answer's words. */
type FormAction = 'reject' | 'reply' | 'answer';

/** The most characters of each form (the schema's `ModerateRequest` and `ReplyRequest`). */
const MAX: Record<FormAction, number> = { reject: 300, reply: 5000, answer: 5000 };

/** What the message beside the actions says. */
interface Notice {
  tone: 'done' | 'queued' | 'error';
  text: string;
}

/**
 * @summary One item of the staff inbox — a review, a complaint or a survey answer — with its
 * actions: publish or reject a review (with a reason only staff and its author see) and reply under it;
 * answer a complaint and move it along its path; a survey answer only shows.
 *
 * Registered by the inbox (`<kith-feedback-inbox>`), which sets `.item`, `.now`, `.client`,
 * `.locale` and `.theme`; it also works alone with those properties. A complaint shows its deadline
 * ("Answer due in 3 h", "Overdue by 2 h", "Answered …") at `now`. Moderation is sent at once;
 * replies, answers and status moves go through the outbox and are kept when offline ("Saved — sent
 * when back online"). A refusal shows beside the action with the words kept; when someone else
 * acted first, the item shows their version. Shoppers' words are text, laid out in their own
 * direction (`dir="auto"`), and long words wrap.
 *
 * @fires kith-inbox-action - An action succeeded (`status: 'sent'`) or was queued (`'queued'`, then `'sent'` again when this page's outbox delivers it). Detail: `{ action, item, status }`.
 *
 * @csspart item - The item (`<article>`).
 * @csspart heading - The heading: the kind and the title, subject or metric.
 * @csspart badge - The item's status.
 * @csspart stars - A review's stars (`role="img"`).
 * @csspart score - A survey answer's score on its scale.
 * @csspart deadline - A complaint's deadline line (`data-state` is `due`, `overdue` or `settled`).
 * @csspart body - The shopper's text (a review's body, a complaint's, a survey comment).
 * @csspart facts - The list of facts (author, e-mail, product, contact…).
 * @csspart reply - The shop's reply under a review, or its answer to a complaint.
 * @csspart actions - The action buttons.
 * @csspart action-button - Each action button (also `publish-button`, `reject-button`, `reply-button`, `answer-button`, and `status-button` with `status-in_progress`, `status-resolved` or `status-closed`).
 * @csspart form - The form an action opens (a reason, a reply, an answer).
 * @csspart field - Its text area.
 * @csspart counter - Its character count.
 * @csspart field-message - Why the field was refused.
 * @csspart send-button - The form's send button.
 * @csspart cancel-button - The form's cancel button.
 * @csspart message - What became of the last action (sent, queued, refused).
 * @csspart skeleton - Each placeholder bar while there is no item.
 *
 * @cssprop --kith-inbox-item-background - Background; defaults to `--kith-color-surface`.
 * @cssprop --kith-inbox-item-color - Text colour; defaults to `--kith-color-text`.
 * @cssprop --kith-inbox-item-border - Border; defaults to 1px solid `--kith-color-border`.
 * @cssprop --kith-inbox-item-radius - Corner radius; defaults to `--kith-radius`.
 * @cssprop --kith-inbox-item-padding - Inner spacing; defaults to `--kith-space-3`.
 * @cssprop --kith-inbox-item-accent - Buttons and the due line; defaults to `--kith-color-accent`.
 * @cssprop --kith-inbox-item-overdue - The overdue line; defaults to `--kith-color-danger`.
 */
export class KithFeedbackInboxItem extends KithConnectedElement {
  static override styles = [tokens, hostReset, controlStyles, stateStyles, inboxItemStyles];
  // Without decorators, like the other elements' own properties (each decorated field costs bytes).
  static override properties = {
    item: { attribute: false },
    now: { attribute: false },
    latest: { state: true },
    open: { state: true },
    draft: { state: true },
    fieldMessage: { state: true },
    busy: { state: true },
    notice: { state: true },
  };

  /** The review, complaint or survey answer shown. */
  declare item?: Feedback;

  /** The moment (epoch ms) a complaint's deadline is counted from; `Date.now()` when unset. The inbox ticks it. */
  declare now?: number;

  /** The record as the server last answered an action here (or the local copy of a queued one), until `item` changes. */
  private latest: Feedback | undefined = undefined;
  /** The form open now. */
  private open: FormAction | undefined = undefined;
  /** The words in the open form (kept when the server refuses them). */
  private draft = '';
  private fieldMessage = '';
  /** The action being sent: its buttons wait. */
  private busy: ItemAction | undefined = undefined;
  private notice: Notice | undefined = undefined;
  /**
   * Stops following a queued write of this item. Not stopped on disconnect: a list that reorders
   * its items moves them (disconnect, connect), and the write's fate must still show.
   */
  private stopFollowing: (() => void) | undefined = undefined;

  private readonly localize = new LocalizeController(this, inboxItemTexts);

  /** Resolves when the texts of the current locale have loaded. */
  localeReady(): Promise<void> {
    return this.localize.ready();
  }

  /** The item shown: the latest answer of an action here, else `item`. */
  get shown(): Feedback | undefined {
    return this.latest ?? this.item;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A new record from the inbox is newer than anything this item kept; another item starts afresh.
    if (changed.has('item')) {
      const before = changed.get('item') as Feedback | undefined;
      this.latest = undefined;
      if (before?.id !== this.item?.id) {
        this.stopFollowing?.();
        this.stopFollowing = undefined;
        this.open = undefined;
        this.draft = '';
        this.fieldMessage = '';
        this.notice = undefined;
      }
    }
  }

  protected override render(): TemplateResult {
    const t = this.localize.t;
    const item = this.shown;
    if (!item) {
      return html`<article class="kith-root item" part="item" lang=${t.$lang} aria-busy="true">${skeleton(3)}</article>`;
    }
    const view: ItemView = { t, locale: this.localize.locale, now: this.now ?? Date.now() };
    return html`
      <article class="kith-root item focusable" part="item" lang=${t.$lang} tabindex="-1" aria-labelledby="heading" data-kind=${item.kind}>
        ${item.kind === 'review' ? renderReview(view, item) : item.kind === 'complaint' ? renderComplaint(view, item) : renderSurvey(view, item)}
        ${this.renderActions(item, t)}
      </article>
    `;
  }

  private renderActions(item: Feedback, t: InboxItemTexts): TemplateResult | typeof nothing {
    const actions = this.connection.client ? actionsOf(item) : [];
    const notice = this.notice;
    const message = html`<p class="message ${notice?.tone ?? ''}" part="message" role="status">${notice?.text ?? ''}</p>`;
    if (actions.length === 0) return item.kind === 'survey' ? nothing : message;
    const hasReply = item.kind !== 'survey' && item.reply !== null;
    const button = (action: ItemAction, label: string, onClick: () => void, extra = '') => html`<button
      class="button ${action === 'publish' ? '' : 'quiet'}" part="action-button ${action}-button${extra}" type="button"
      aria-disabled=${this.busy ? 'true' : 'false'} aria-expanded=${action === 'reject' || action === 'reply' || action === 'answer' ? String(this.open === action) : nothing}
      @click=${() => { if (!this.busy) onClick(); }}>${label}</button>`;
    const moves = item.kind === 'complaint' ? statusMoves(item.status) : [];
    return html`
      <div class="actions" part="actions">
        ${actions.includes('publish') ? button('publish', t.actions.publish, () => void this.act({ action: 'publish' })) : nothing}
        ${actions.includes('reject') ? button('reject', t.actions.reject, () => this.toggle('reject')) : nothing}
        ${actions.includes('reply') ? button('reply', hasReply ? t.actions.editReply : t.actions.reply, () => this.toggle('reply')) : nothing}
        ${actions.includes('answer') ? button('answer', hasReply ? t.actions.editAnswer : t.actions.answer, () => this.toggle('answer')) : nothing}
        ${moves.length > 0
          ? html`<span class="moves" role="group" aria-label=${t.actions.moves}>${moves.map((status) =>
              button('status', t.actions.move[status as StatusMove], () => void this.act({ action: 'status', status }), ` status-${status}`))}</span>`
          : nothing}
      </div>
      ${this.open ? this.renderForm(this.open, t) : nothing}
      ${message}
    `;
  }

  private renderForm(action: FormAction, t: InboxItemTexts): TemplateResult {
    const locale = this.localize.locale;
    const max = MAX[action];
    const label = action === 'reject' ? t.fields.reason : action === 'reply' ? t.fields.reply : t.fields.answer;
    const send = action === 'reject' ? t.actions.confirmReject : t.actions.send;
    const invalid = this.fieldMessage !== '';
    return html`
      <form class="form" part="form" novalidate @submit=${(event: Event) => { event.preventDefault(); this.submit(action); }}>
        <label class="label" for="field">${label}</label>
        <textarea id="field" class="field" part="field" dir="auto" rows=${action === 'reject' ? 2 : 4} maxlength=${max}
          aria-required="true" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby="counter field-message"
          ?readonly=${this.busy !== undefined} .value=${this.draft}
          @input=${(event: Event) => { this.draft = (event.target as HTMLTextAreaElement).value; this.fieldMessage = ''; }}
          @keydown=${(event: KeyboardEvent) => { if (event.key === 'Escape') this.toggle(action); }}></textarea>
        <p class="counter" part="counter" id="counter">${t.fields.counter(formatCount(this.draft.length, locale), formatCount(max, locale))}</p>
        <p class="field-message" part="field-message" id="field-message">${this.fieldMessage}</p>
        <div class="form-actions">
          <button class="button" part="send-button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${send}</button>
          <button class="button quiet" part="cancel-button" type="button" @click=${() => this.toggle(action)}>${t.actions.cancel}</button>
        </div>
      </form>
    `;
  }

  /** Opens a form (with the reply there is, to edit) or closes it, focus following. */
  private async toggle(action: FormAction): Promise<void> {
    const closing = this.open === action;
    const item = this.shown;
    this.open = closing ? undefined : action;
    this.draft = !closing && action !== 'reject' && item && item.kind !== 'survey' ? (item.reply?.body ?? '') : '';
    this.fieldMessage = '';
    await this.updateComplete;
    const target = closing ? `[part~="${action}-button"]` : '#field';
    this.renderRoot.querySelector<HTMLElement>(target)?.focus();
  }

  private submit(action: FormAction): void {
    if (this.busy) return;
    const t = this.localize.t;
    const text = this.draft;
    if (text.trim() === '') {
      this.fieldMessage = action === 'reject' ? t.fields.reasonRequired : t.fields.textRequired;
      this.renderRoot.querySelector<HTMLElement>('#field')?.focus();
      return;
    }
    if (text.length > MAX[action]) {
      this.fieldMessage = t.fields.tooLong(formatCount(MAX[action], this.localize.locale));
      this.renderRoot.querySelector<HTMLElement>('#field')?.focus();
      return;
    }
    void this.act(action === 'reject' ? { action, reason: text.trim() } : { action, body: text });
  }

  /** Sends an action, then shows what became of it and says so to the page. */
  private async act(request: ActionRequest): Promise<void> {
    const client = this.connection.client;
    const item = this.shown;
    if (!client || !item || this.busy) return;
    this.busy = request.action;
    this.notice = { tone: 'queued', text: this.localize.t.outcome.sending };
    let outcome: ActionOutcome;
    try {
      outcome = await runAction(client, item, request, this.now ?? Date.now());
    } catch {
      outcome = { status: 'failed', action: request.action, code: 'server', current: undefined };
    }
    this.busy = undefined;
    this.show(outcome, request);
    if (outcome.status === 'queued') {
      this.stopFollowing?.();
      this.stopFollowing = followQueued(client, outcome.entryId, request.action, (later) => {
        this.stopFollowing = undefined;
        if (later) this.show(later, request);
        else this.notice = { tone: 'done', text: this.doneText(request, this.localize.t) };
      });
    }
    await this.updateComplete;
    // The pressed button may be gone (a published review offers no Publish): keep focus in the item.
    if (!this.renderRoot.querySelector(':focus')) this.renderRoot.querySelector<HTMLElement>('.item')?.focus();
  }

  /** Shows what became of an action (now, or once the outbox delivered or refused it) and says so to the page. */
  private show(outcome: ActionOutcome, request: ActionRequest): void {
    const t = this.localize.t;
    if (outcome.status === 'failed') {
      if (outcome.current) this.latest = outcome.current;
      // Words refused after they were queued go back in their form, to correct or send again.
      if (outcome.text !== undefined && (outcome.action === 'reply' || outcome.action === 'answer')) {
        this.open = outcome.action;
        this.draft = outcome.text;
      }
      const conflict = outcome.code === 'conflict';
      this.notice = { tone: 'error', text: conflict ? t.outcome.conflict : t.outcome.failed(this.localize.common.reasons[outcome.code]) };
      return;
    }
    this.latest = outcome.item;
    this.open = undefined;
    this.draft = '';
    const queued = outcome.status === 'queued';
    this.notice = { tone: queued ? 'queued' : 'done', text: queued ? t.outcome.queued : this.doneText(request, t) };
    this.emit('kith-inbox-action', { action: request.action, item: outcome.item, status: outcome.status });
  }

  private doneText(request: ActionRequest, t: InboxItemTexts): string {
    switch (request.action) {
      case 'publish':
        return t.outcome.published;
      case 'reject':
        return t.outcome.rejected;
      case 'reply':
        return t.outcome.replied;
      case 'answer':
        return t.outcome.answered;
      default:
        return t.outcome.moved(t.complaintStatus[request.status as ComplaintStatus]);
    }
  }
}
