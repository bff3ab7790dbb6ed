import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { KithCore } from '@kith/sdk/core';
import { REVIEW_LIMITS } from '@kith/schema/review-limits';
import { KithElement } from '../internal/kith-element.js';
import { TextsController } from '../internal/texts-controller.js';
import type { Theme } from '../internal/page-settings.js';
import type * as SendModule from './feedback-send.js';
import type { ReviewSender } from './feedback-send.js';
import { feedbackStyles } from './feedback.styles.js';
import { feedbackTexts } from './locales/catalog.js';
import type { FeedbackTexts } from './locales/texts.js';
import {
  EMPTY_DRAFT, TEXT_FIELDS, isEmpty, lengthOf, parseDraft, problemsOf, recall, remember, storageKeys,
  type FieldProblem, type ReviewDraft, type ReviewField, type TextField,
} from './review.model.js';

/** Where the form is: typing, handing the review over, kept to send later, or received by the server. */
export type Phase = 'form' | 'sending' | 'queued' | 'sent';

/** @internal The form of another kind than a review (a chunk of its own, see `KINDS`). */
export interface FeedbackKindPart {
  render(): TemplateResult;
}

/** @internal What a kind's chunk exports. */
export interface FeedbackKindModule {
  createKind(host: KithFeedback): FeedbackKindPart;
}

/**
 * The kinds besides `review`, each a chunk loaded when an element asks for it: surveys `nps`,
 * `csat`, `ces`, and `complaint`.
 */
const KINDS: Record<string, () => Promise<FeedbackKindModule>> = {
  nps: () => import('./feedback-survey.js'),
  csat: () => import('./feedback-survey.js'),
  ces: () => import('./feedback-survey.js'),
  complaint: () => import('./feedback-complaint.js'),
};

/** A BCP 47 tag the server accepts for `language` (the schema's `LanguageTag`). */
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

let senderChunk: Promise<typeof SendModule> | undefined;
/** The sending code (the client, the outbox, IndexedDB): fetched on the first submit, or when a kept review waits. */
function loadSender(): Promise<typeof SendModule> {
  senderChunk ??= import('./feedback-send.js').catch((error: unknown) => {
    senderChunk = undefined;
    throw error;
  });
  return senderChunk;
}

/**
 * A shopper's review of a product: a star rating (a radio group), a title, the review, the name
 * shown with it and an optional e-mail. What is typed is kept in this browser until it is sent;
 * sending goes through the outbox, so a review written offline is delivered exactly once later,
 * even after a reload. Only the form loads with the page: the client, the outbox and IndexedDB
 * load on the first submit.
 *
 * @summary A review form that never loses what the shopper wrote.
 * @fires kith-feedback-submit - A review, survey answer or complaint was handed over: `sent`, `queued` (offline) or `failed` (refused; the text stays in the form). `product` only for a review.
 * @fires kith-feedback-dismiss - The shopper chose "Not now" on a survey: hidden in this browser until `detail.until`.
 * @csspart form - The form.
 * @csspart heading - The form's heading.
 * @csspart notice - A line above the form: a restored draft, why the review was not accepted, or that the form is not set up.
 * @csspart rating - The star rating's group.
 * @csspart star - Each star (a label of a radio).
 * @csspart field - Each text field's box (label, input, counter, message).
 * @csspart submit - The submit button.
 * @csspart receipt - What shows once the review is handed over.
 * @csspart verified - The "Verified buyer" mark on the receipt.
 * @csspart question - A survey's question.
 * @csspart scale - A survey's scale (a radio group with named ends).
 * @csspart score - Each score of a survey's scale.
 * @csspart dismiss - A survey's "Not now" button.
 * @csspart promise - A complaint receipt's promise ("We answer within 24 hours: by …").
 * @csspart contact - A complaint's contact preference and details.
 * @csspart status-value - A complaint's status, as the shopper follows it.
 * @csspart answered - When a complaint was answered.
 * @csspart answer - The shop's answer to a complaint, as the customer who wrote it reads it (a `figure` with its caption).
 * @csspart another - "Write another complaint".
 * @csspart status - The line saying a survey or a complaint's status could not be read (with `retry`).
 * @csspart retry - Reads a survey's eligibility or a complaint's status again.
 * @csspart skeleton - A survey's placeholder while its eligibility is read.
 * @cssprop --kith-star-color - The colour of a chosen star.
 * @cssprop --kith-color-accent - Buttons and focus.
 */
export class KithFeedback extends KithElement {
  static override styles = feedbackStyles;
  // Declared without decorators: this entry is the smallest Kith ships (ready to type in ≤ 12 kB).
  static override properties = {
    kind: {},
    product: {},
    baseUrl: { attribute: 'base-url' },
    key: {},
    client: { attribute: false },
    locale: { reflect: true },
    theme: { reflect: true },
    phase: { state: true },
    draft: { state: true },
    problems: { state: true },
    notice: { state: true },
    announcement: { state: true },
  };

  /** What is asked for: `review` (the default), a survey (`nps` 0–10, `csat` 1–5, `ces` 1–7) or a `complaint`. Another value shows that the form is not set up. */
  kind = 'review';
  /** The product reviewed: Kith's product id or the shop's own (its SKU). */
  declare product?: string;
  /** Base URL of the Kith API, used only without `.client`, a provider and page settings. */
  declare baseUrl?: string;
  /** Publishable key (`pk_…`), used like `base-url`. */
  declare key?: string;
  /** A client created by the page; takes precedence over a provider, the page settings and the attributes. */
  declare client?: KithCore;
  /** BCP 47 locale of the texts (and of the review's `language`); by default the page's. */
  declare locale?: string;
  /** `light`, `dark` or `auto`. */
  declare theme?: Theme;

  // The form's state, set by the form and by its sending chunk (`feedback-send.ts`).
  /** @internal */
  phase: Phase = 'form';
  /** @internal */
  draft: ReviewDraft = EMPTY_DRAFT;
  /** Problems shown beside the fields: after a submit, and "too long" as soon as it is. */
  /** @internal */
  problems: Partial<Record<ReviewField, FieldProblem>> = {};
  /** A line above the form: the draft was restored, the server refused, or the form is not set up. */
  /** @internal */
  notice: string | undefined;
  /** Said politely to screen readers. */
  /** @internal */
  announcement = '';

  readonly #localize = new TextsController(this, feedbackTexts);
  #honeypot = '';
  /** When the form was first shown (the server's bot check); unknown for a restored draft. */
  #shownAt: number | undefined;
  /** The form of another kind than a review, once its chunk is there. */
  #other: { kind: string; part: FeedbackKindPart } | undefined;
  /** The sending code, bound to this element, once asked for; and once it is there. */
  #sending: Promise<ReviewSender> | undefined;
  #sent: ReviewSender | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.product) this.#restore(this.product);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('product') && changed.get('product') !== undefined && this.product) this.#restore(this.product);
    if (changed.has('kind')) void this.#loadKind(this.kind);
  }

  /** Another kind than a review: its chunk, loaded once the element asks for it. */
  async #loadKind(kind: string): Promise<void> {
    const load = KINDS[kind];
    if (!load || this.#other?.kind === kind) return;
    try {
      const part = (await load()).createKind(this);
      if (this.kind === kind) this.#other = { kind, part };
      this.requestUpdate();
    } catch (error) {
      console.warn(`[kith] <kith-feedback>: could not load the "${kind}" form`, error);
    }
  }

  /** @internal The texts in the element's language (the sending chunk says what happened with them). */
  get texts(): FeedbackTexts {
    return this.#localize.t;
  }

  /** Resolves when the texts of the current locale have loaded (tests await it). */
  async ready(): Promise<void> {
    await this.updateComplete;
    await this.#localize.ready();
  }

  protected override render(): TemplateResult {
    const t = this.#localize.t;
    return html`<div class="kith-root" lang=${t.$lang}>
      ${this.kind !== 'review'
        ? (this.#other?.kind === this.kind ? this.#other.part.render() : KINDS[this.kind] ? nothing : html`<p class="notice" part="notice">${t.notConfigured}</p>`)
        : this.phase === 'queued' || this.phase === 'sent'
          ? this.#sent?.renderReceipt()
          : this.#renderForm()}
      <p class="visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  #renderForm(): TemplateResult {
    const t = this.#localize.t;
    const ratingProblem = this.problems.rating;
    return html`<form part="form" novalidate aria-labelledby="heading" @submit=${this.#submit} @focusin=${this.#prepare}>
      <h2 id="heading" part="heading">${t.heading}</h2>
      ${this.notice ? html`<p class="notice" part="notice">${this.notice}</p>` : nothing}
      <fieldset part="rating" aria-describedby="rating-message">
        <legend>${t.rating}</legend>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map(
            (stars) => html`<input type="radio" class="visually-hidden" id="star-${stars}" name="rating" .value=${String(stars)}
.checked=${this.draft.rating === stars} @change=${() => this.#edit({ rating: stars })} /><label for="star-${stars}" part="star"
class=${this.draft.rating >= stars ? 'star chosen' : 'star'}><span aria-hidden="true">★</span><span class="visually-hidden">${t.stars(stars)}</span></label>`,
          )}
        </div>
        <p id="rating-message" class="message error">${ratingProblem ? this.#problemText(ratingProblem, 0) : ''}</p>
      </fieldset>
      ${TEXT_FIELDS.map((field) => this.#renderField(field))}
      <div class="trap" aria-hidden="true">
        <label>${t.honeypot} <input name="website" tabindex="-1" autocomplete="off" @input=${(event: Event) => (this.#honeypot = (event.target as HTMLInputElement).value)} /></label>
      </div>
      <button type="submit" part="submit" aria-disabled=${String(this.phase === 'sending')}>
        ${this.phase === 'sending' ? t.sending : t.submit}
      </button>
    </form>`;
  }

  #renderField(field: TextField): TemplateResult {
    const t = this.#localize.t;
    const max = REVIEW_LIMITS[field];
    const problem = this.problems[field];
    const email = field === 'email';
    // The e-mail has a hint where the others count characters.
    const attributes = {
      invalid: String(problem !== undefined),
      describedBy: `${field}-hint ${field}-message`,
    };
    const input = (event: Event) => this.#edit({ [field]: (event.target as HTMLInputElement).value });
    return html`<div class="field" part="field">
      <label for=${field}>${{ title: t.title, body: t.body, authorName: t.name, email: t.email }[field]}${email ? html` <span class="hint">${t.optional}</span>` : nothing}</label>
      ${field === 'body'
        ? html`<textarea id=${field} name=${field} rows="5" .value=${this.draft.body} aria-invalid=${attributes.invalid} aria-describedby=${attributes.describedBy} @input=${input}></textarea>`
        : html`<input id=${field} name=${field} .value=${this.draft[field]} aria-invalid=${attributes.invalid} aria-describedby=${attributes.describedBy} @input=${input}
            type=${email ? 'email' : 'text'} autocomplete=${email ? 'email' : field === 'authorName' ? 'nickname' : 'off'} />`}
      <p class="hint" id="${field}-hint">${email ? t.emailHint : t.counter(lengthOf(this.draft[field]), max)}</p>
      <p id="${field}-message" class="message error" aria-live="polite">${problem ? this.#problemText(problem, max) : ''}</p>
    </div>`;
  }

  #problemText(problem: FieldProblem, max: number): string {
    const t = this.#localize.t;
    if (typeof problem === 'object') return problem.server;
    return problem === 'tooLong' ? t.tooLong(max) : t[problem];
  }

  /** Applies what the person typed or chose, keeps it in this browser, and re-checks what was already flagged. */
  #edit(change: Partial<ReviewDraft>): void {
    this.draft = { ...this.draft, ...change };
    if (this.product) remember(storageKeys(this.product).draft, isEmpty(this.draft) ? undefined : JSON.stringify(this.draft));
    const now = problemsOf(this.draft);
    const next: Partial<Record<ReviewField, FieldProblem>> = {};
    // "Too long" shows while typing; the rest once a submit flagged the field, until it is fixed.
    for (const field of Object.keys(now) as ReviewField[]) {
      if (now[field] === 'tooLong' || this.problems[field] !== undefined) next[field] = now[field];
    }
    this.problems = next;
  }

  /** A draft kept by an earlier page, and a review it left in the outbox to follow to delivery. */
  #restore(product: string): void {
    const keys = storageKeys(product);
    const draft = parseDraft(recall(keys.draft));
    if (draft) {
      this.draft = draft;
      this.notice = this.#localize.t.draftRestored;
      this.#shownAt = undefined;
    }
    const pending = recall(keys.pending);
    if (pending) {
      this.#sender().then(
        (sender) => sender.follow(product, pending),
        // Offline on a fresh page: the review stays in the outbox; a later page follows it.
        (error: unknown) => console.warn('[kith] <kith-feedback>: could not follow the kept review', error),
      );
    }
  }

  protected override firstUpdated(): void {
    if (this.notice === undefined) this.#shownAt = performance.now();
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.phase !== 'form') return;
    const t = this.#localize.t;
    const product = this.product;
    const problems = problemsOf(this.draft);
    const fields = Object.keys(problems) as ReviewField[];
    if (!product) {
      this.notice = t.notConfigured;
      return;
    }
    if (fields.length > 0) {
      this.problems = problems;
      this.announcement = t.correct(fields.length);
      await this.updateComplete;
      (this.renderRoot.querySelector(`#${fields[0] === 'rating' ? 'star-1' : fields[0]}`) as HTMLElement | null)?.focus();
      return;
    }
    this.phase = 'sending';
    this.announcement = t.sending;
    const locale = this.#localize.locale;
    const { rating, title, body, authorName, email } = this.draft;
    const review = {
      kind: 'review' as const,
      productId: product,
      rating,
      title,
      body,
      authorName,
      ...(email.trim() ? { email: email.trim() } : {}),
      language: LANGUAGE_TAG.test(locale) ? locale : 'en',
      ...(this.#honeypot ? { website: this.#honeypot } : {}),
      ...(this.#shownAt === undefined ? {} : { fillMs: Math.round(performance.now() - this.#shownAt) }),
    };
    try {
      await (await this.#sender()).submit(product, review);
    } catch (error) {
      // The sending code could not load (offline before it ever loaded): the draft stays kept here.
      console.warn('[kith] <kith-feedback>: could not send', error);
      this.phase = 'form';
      this.notice = this.announcement = t.refused(t.unreachable);
    }
  }

  /** The person starts writing: fetch the sending code now, so a submit made offline later still reaches the outbox. */
  #prepare(): void {
    this.#sender().catch(() => undefined);
  }

  #sender(): Promise<ReviewSender> {
    this.#sending ??= loadSender().then(
      ({ ReviewSender }) => (this.#sent = new ReviewSender(this)),
      (error: unknown) => {
        this.#sending = undefined;
        throw error;
      },
    );
    return this.#sending;
  }
}
