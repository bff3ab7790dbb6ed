// A satisfaction survey (`kind="nps" | "csat" | "ces"`) as a chunk of its own: `<kith-feedback>`
// loads it through `KINDS` when a page asks for a survey, so the review form's entry stays small.
// It asks the server whether this shopper may answer now (the frequency cap), remembers in this
// browser an answer or a dismissal, and sends the answer through the outbox like a review.
import { html, nothing, type TemplateResult } from 'lit';
import { SURVEY_SCALES, type NewSurvey, type SurveyEligibility, type SurveyMetric } from '@kith/schema';
import type { KithCore } from '@kith/sdk/core';
import { getSurveyEligibility } from '@kith/sdk/resources/surveys';
import { adoptLazyStyles } from '../internal/adopt-styles.js';
import { ClientController } from '../internal/client-controller.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { ResourceController, ResourceStatus } from '../internal/resource-controller.js';
import { skeleton, statusLine } from '../internal/status.js';
import { stateStyles } from '../styles/shared.js';
import type { FeedbackKindPart, KithFeedback } from './feedback.component.js';
import { receiptStyles } from './feedback-receipt.styles.js';
import { surveyStyles } from './feedback-survey.styles.js';
import { SurveySender, type SurveyPhase } from './survey-send.js';
import { surveyTexts } from './locales/survey-catalog.js';
import { COMMENT_MAX, isMetric, scoresOf, suppress, suppressionOf } from './survey.model.js';

/**
 * What a survey that is not to be shown renders: an empty, hidden mark that says why (tests and
 * devtools see the difference between "not yet loaded" and "not to be asked").
 */
const hidden = (why: 'dismissed' | 'suppressed' | 'ineligible' | 'other-kind'): TemplateResult =>
  html`<span class="survey-hidden" data-why=${why} hidden></span>`;

/** The answer being written: no score until one is chosen. */
interface SurveyDraft {
  score: number | undefined;
  comment: string;
}

/** No answer from the eligibility check because the network is down: the survey shows, the answer waits in the outbox. */
const OFFLINE_CODES = new Set(['network', 'timeout']);

/** The survey of one `<kith-feedback>`: the scale, a comment, Send and "Not now". */
class SurveyPart implements FeedbackKindPart {
  readonly #host: KithFeedback;
  readonly #metric: SurveyMetric;
  readonly #connection: ClientController;
  readonly #localize: LocalizeController<typeof surveyTexts.en>;
  readonly #eligibility: ResourceController<SurveyEligibility, [KithCore, SurveyMetric]>;
  readonly #sender: SurveySender;
  /** Answered or dismissed in this browser within the window when the survey was asked for: not shown. */
  readonly #suppressed: boolean;
  #draft: SurveyDraft = { score: undefined, comment: '' };
  #problem: 'score' | 'comment' | undefined;

  constructor(host: KithFeedback, metric: SurveyMetric) {
    this.#host = host;
    this.#metric = metric;
    this.#suppressed = suppressionOf(metric, Date.now()) !== undefined;
    this.#connection = new ClientController(host);
    this.#localize = new LocalizeController(host, surveyTexts);
    this.#eligibility = new ResourceController(host, {
      // Only while this survey is the element's kind, and only when it may show at all.
      args: () => {
        const client = this.#connection.client;
        return host.kind === metric && !this.#suppressed && client ? [client, metric] : undefined;
      },
      read: ([client, asked]) => getSurveyEligibility(client, { metric: asked }),
    });
    this.#sender = new SurveySender(host, metric, this.#connection, this.#localize);
    for (const [styles, name] of [[stateStyles, 'kith-state'], [receiptStyles, 'feedback-receipt'], [surveyStyles, 'feedback-survey']] as const) {
      adoptLazyStyles(host.renderRoot, styles, name);
    }
  }

  get #phase(): SurveyPhase {
    return this.#sender.phase;
  }

  render(): TemplateResult {
    const t = this.#localize.t;
    const phase = this.#phase;
    if (phase === 'dismissed') return hidden('dismissed');
    if (this.#suppressed && phase === 'form') return hidden('suppressed');
    if (phase !== 'form' && phase !== 'sending') return this.#sender.renderReceipt();
    if (!this.#connection.client) return html`<p class="notice" part="notice">${t.notConfigured}</p>`;
    const read = this.#eligibility;
    const common = this.#localize.common;
    switch (read.status) {
      case ResourceStatus.loading:
        return html`<div class="survey-state" part="form">${skeleton(3)}${statusLine(read.status, t, common, undefined)}</div>`;
      case ResourceStatus.error:
        if (OFFLINE_CODES.has(read.error?.code ?? '')) return this.#renderForm(statusLine(ResourceStatus.offline, t, common, undefined));
        return html`<div class="survey-state" part="form">${statusLine(read.status, t, common, read.error)}
          <button type="button" class="retry quiet" part="retry" @click=${() => read.retry()}>${common.retry}</button></div>`;
      case ResourceStatus.notFound:
      case ResourceStatus.notAuthorized:
        return html`<div class="survey-state" part="form">${statusLine(read.status, t, common, read.error)}</div>`;
      case ResourceStatus.ready:
      case ResourceStatus.stale:
      case ResourceStatus.offline:
        // Over the cap (a customer who answered lately): nothing to ask.
        if (read.value?.eligible !== true) return hidden('ineligible');
        return this.#renderForm(read.status === ResourceStatus.ready ? nothing : statusLine(read.status, t, common, read.error));
      default:
        return hidden('other-kind');
    }
  }

  #renderForm(line: TemplateResult | typeof nothing): TemplateResult {
    const t = this.#localize.t;
    const metric = this.#metric;
    const { min, max } = SURVEY_SCALES[metric];
    const [low, high] = t.ends[metric];
    const sending = this.#phase === 'sending';
    const length = this.#draft.comment.length;
    const notice = this.#sender.notice;
    return html`<form part="form" novalidate aria-labelledby="survey-heading" @submit=${this.#submit}>
      <h2 id="survey-heading" part="heading">${t.heading}</h2>
      ${notice ? html`<p class="notice" part="notice">${notice}</p>` : nothing}
      <fieldset part="scale" aria-describedby="score-message">
        <legend class="survey-question" part="question">${t.question[metric]}</legend>
        <div class="scale">
          ${scoresOf(metric).map((score) => {
            const end = score === min ? low : score === max ? high : undefined;
            return html`<input type="radio" class="visually-hidden" id="score-${score}" name="score" .value=${String(score)}
.checked=${this.#draft.score === score} @change=${() => this.#edit({ score })} /><label for="score-${score}" part="score"
class=${this.#draft.score === score ? 'score chosen' : 'score'}><span aria-hidden="true">${score}</span><span class="visually-hidden">${t.score(score, end)}</span></label>`;
          })}
        </div>
        <div class="ends" aria-hidden="true"><span>${low}</span><span>${high}</span></div>
        <p id="score-message" class="message error">${this.#problem === 'score' ? t.scoreRequired(min, max) : ''}</p>
      </fieldset>
      <div class="field" part="field">
        <label for="comment">${t.comment} <span class="hint">${t.optional}</span></label>
        <textarea id="comment" name="comment" rows="3" .value=${this.#draft.comment} aria-invalid=${String(length > COMMENT_MAX)}
          aria-describedby="comment-hint comment-message" @input=${(event: Event) => this.#edit({ comment: (event.target as HTMLTextAreaElement).value })}></textarea>
        <p class="hint" id="comment-hint">${t.counter(length, COMMENT_MAX)}</p>
        <p id="comment-message" class="message error" aria-live="polite">${length > COMMENT_MAX ? t.tooLong(COMMENT_MAX) : ''}</p>
      </div>
      <div class="actions">
        <button type="submit" part="submit" aria-disabled=${String(sending)}>${sending ? t.sending : t.send}</button>
        <button type="button" part="dismiss" class="quiet" @click=${this.#dismiss}>${t.dismiss}</button>
      </div>
      ${line}
    </form>`;
  }

  #edit(change: Partial<SurveyDraft>): void {
    this.#draft = { ...this.#draft, ...change };
    if (this.#problem === 'score' && this.#draft.score !== undefined) this.#problem = undefined;
    this.#host.requestUpdate();
  }

  #submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this.#phase !== 'form') return;
    const t = this.#localize.t;
    const metric = this.#metric;
    const { score, comment } = this.#draft;
    if (score === undefined || comment.length > COMMENT_MAX) {
      this.#problem = score === undefined ? 'score' : 'comment';
      const { min, max } = SURVEY_SCALES[metric];
      this.#host.announcement = score === undefined ? t.scoreRequired(min, max) : t.tooLong(COMMENT_MAX);
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      (this.#host.renderRoot.querySelector(score === undefined ? `#score-${min}` : '#comment') as HTMLElement | null)?.focus();
      return;
    }
    const answer: NewSurvey = { kind: 'survey', metric, score, comment: comment.trim() ? comment : null };
    await this.#sender.submit(answer);
  };

  #dismiss = (): void => {
    const until = suppress(this.#metric, 'dismissed', Date.now());
    this.#sender.dismiss(until);
  };
}

/** The survey for the element's `kind` (`nps`, `csat` or `ces`). */
export function createKind(host: KithFeedback): FeedbackKindPart {
  // The chunk is loaded for a survey kind only; a kind changed meanwhile gets a part that never reads.
  return new SurveyPart(host, isMetric(host.kind) ? host.kind : 'nps');
}
