// Sending a review, as a chunk of its own: the client (provider, page settings or attributes), the
// outbox and its IndexedDB store, the answer's schema, and what the form shows once the outbox has
// answered. Fetched when the person starts writing or submits, never before the form is ready to type.
import { html, nothing, type TemplateResult } from 'lit';
import { CreatedFeedback, type NewReview } from '@kith/schema';
import type { KithErrorCode, WriteResult } from '@kith/sdk/core';
import { submitFeedback } from '@kith/sdk/resources/feedback';
import type { KithFeedbackSubmitEventDetail } from '../events/kith-feedback-submit.js';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { ClientController } from '../internal/client-controller.js';
import { LocalizeController } from '../internal/localize-controller.js';
import type { KithFeedback } from './feedback.component.js';
import { followEntry } from './follow-entry.js';
import { receiptStyles } from './feedback-receipt.styles.js';
import { receiptTexts } from './locales/receipt-catalog.js';
import { EMPTY_DRAFT, parseDraft, remember, storageKeys, type FieldProblem, type ReviewDraft, type ReviewField } from './review.model.js';

/** What the receipt shows of the server's answer. */
export interface ReviewReceipt {
  status: string;
  verifiedPurchase: boolean;
}

/** What became of a review: received, kept to send later, or refused (with why, and the text to show again). */
type Outcome =
  | { status: 'sent'; receipt: ReviewReceipt | undefined }
  | { status: 'queued'; entryId: string }
  | {
      status: 'failed';
      /** Why, in the element's language (a clause); none when the page has not configured Kith. */
      reason: string | undefined;
      issues: readonly { path: readonly PropertyKey[]; message: string }[];
      /** The refused outbox entry a corrected review replaces. */
      entryId: string | undefined;
      /** What was written, read back from the outbox (a review refused after a reload). */
      draft?: ReviewDraft | undefined;
    };

/**
 * The server's field issues (`validation`) on the form's fields: `authorName`, `email`… An issue
 * on a field the form does not show lands on the title, so that it is seen at all.
 */
function serverProblems(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Partial<Record<ReviewField, FieldProblem>> {
  const problems: Partial<Record<ReviewField, FieldProblem>> = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    const field: ReviewField = name in EMPTY_DRAFT ? (name as ReviewField) : 'title';
    problems[field] ??= { server: issue.message };
  }
  return problems;
}

/** The receipt's fields, read defensively: a delivered entry's body from an earlier page is not validated. */
function receiptOf(body: unknown): ReviewReceipt | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { status, verifiedPurchase } = body as Record<string, unknown>;
  return { status: typeof status === 'string' ? status : 'pending', verifiedPurchase: verifiedPurchase === true };
}

/** Sends the reviews of one `<kith-feedback>` through the client its configuration chain gives, and shows what came of them. */
export class ReviewSender {
  readonly #form: KithFeedback;
  readonly #connection: ClientController;
  /** The receipt's texts and the shared ones (why a write was refused), in the element's language. */
  readonly #localize: LocalizeController<typeof receiptTexts.en>;
  /** The refused outbox entry a corrected review replaces. */
  #refusedEntry: string | undefined;
  #stopFollowing: (() => void) | undefined;
  /** What the server answered, once it has. */
  #receipt: ReviewReceipt | undefined;

  constructor(form: KithFeedback) {
    this.#form = form;
    this.#connection = new ClientController(form);
    this.#localize = new LocalizeController(form, receiptTexts);
    form.addController({ hostDisconnected: () => this.#unfollow() });
    adoptLazyStyles(form.renderRoot, receiptStyles, 'feedback-receipt');
  }

  #reason(code: KithErrorCode): string {
    return this.#localize.common.reasons[code];
  }

  /** Hands a review to the outbox (a corrected one replaces its refused entry), then shows what came of it. */
  async submit(product: string, review: NewReview): Promise<void> {
    const client = this.#connection.client;
    if (!client) {
      this.#settle(product, { status: 'failed', reason: undefined, issues: [], entryId: undefined });
      return;
    }
    let result: WriteResult<CreatedFeedback>;
    try {
      result = this.#refusedEntry
        ? await client.outbox.resubmit(this.#refusedEntry, review, CreatedFeedback)
        : await submitFeedback(client, review);
    } catch {
      // The refused entry was discarded meanwhile (another tab): the review goes as a new write.
      result = await submitFeedback(client, review);
    }
    this.#settle(
      product,
      result.status === 'sent'
        ? { status: 'sent', receipt: receiptOf(result.data) }
        : result.status === 'queued'
          ? { status: 'queued', entryId: result.entry.id }
          : { status: 'failed', reason: this.#reason(result.error.code), issues: result.error.issues, entryId: result.entry.id },
    );
  }

  /**
   * Follows a review kept in the outbox (by this page or an earlier one) until it is delivered, or
   * refused; tries it now.
   */
  follow(product: string, entryId: string): void {
    this.#unfollow();
    this.#form.phase = 'queued';
    const client = this.#connection.client;
    if (!client) return;
    this.#stopFollowing = followEntry(client.outbox, entryId, (fate) => {
      this.#stopFollowing = undefined;
      if (fate.status === 'failed') {
        const { error, body } = fate.entry;
        this.#settle(product, { status: 'failed', reason: this.#reason(error?.code ?? 'validation'), issues: error?.issues ?? [], entryId, draft: parseDraft(JSON.stringify(body)) });
      } else {
        this.#settle(product, { status: 'sent', receipt: fate.status === 'delivered' ? receiptOf(fate.body) : undefined });
      }
    });
  }

  #unfollow(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
  }

  /** What shows once the review is handed over: kept to send later, or received. */
  renderReceipt(): TemplateResult {
    const form = this.#form;
    const t = this.#localize.t;
    const receipt = this.#receipt;
    return html`<section part="receipt" class="receipt" aria-labelledby="receipt-heading">
      <h2 id="receipt-heading" tabindex="-1">${form.phase === 'queued' ? t.queued : t.thanks}</h2>
      ${form.phase === 'sent'
        ? html`<p>${receipt?.status === 'published' ? t.published : t.moderated}</p>
            ${receipt?.verifiedPurchase ? html`<p part="verified" class="verified">✓ ${t.verified}</p>` : nothing}`
        : nothing}
    </section>`;
  }

  /** Shows what the outbox did with the review, and keeps (or drops) what this browser holds for it. */
  #settle(product: string, outcome: Outcome): void {
    const form = this.#form;
    const t = form.texts;
    const keys = storageKeys(product);
    if (outcome.status === 'failed') {
      form.phase = 'form';
      this.#refusedEntry = outcome.entryId;
      if (outcome.draft) form.draft = outcome.draft;
      form.problems = serverProblems(outcome.issues);
      form.notice = form.announcement = outcome.reason === undefined ? t.notConfigured : t.refused(outcome.reason);
    } else {
      // From here the outbox (or the server) holds the review: the draft has done its job.
      remember(keys.draft, undefined);
      this.#refusedEntry = undefined;
      form.notice = undefined;
      form.phase = outcome.status;
      if (outcome.status === 'sent') {
        remember(keys.pending, undefined);
        this.#receipt = outcome.receipt;
        form.draft = EMPTY_DRAFT;
      } else {
        remember(keys.pending, outcome.entryId);
        this.follow(product, outcome.entryId);
      }
      form.announcement = outcome.status === 'sent' ? this.#localize.t.thanks : this.#localize.t.queued;
      void form.updateComplete.then(() => (form.renderRoot.querySelector('#receipt-heading') as HTMLElement | null)?.focus());
    }
    const detail: KithFeedbackSubmitEventDetail = { kind: 'review', product, status: outcome.status };
    form.dispatchEvent(new CustomEvent('kith-feedback-submit', { detail, bubbles: true, composed: true }));
  }
}
