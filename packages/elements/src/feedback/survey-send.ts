// Sending a survey answer through the outbox (like a review), following a kept one to delivery in
// this page, and what shows once it is handed over. Part of the survey's chunk.
import { html, type TemplateResult } from 'lit';
import { CreatedFeedback, type NewSurvey, type SurveyMetric } from '@kith/schema';
import type { KithCore, OutboxEntry, WriteResult } from '@kith/sdk/core';
import { submitFeedback } from '@kith/sdk/resources/feedback';
import type { KithFeedbackDismissEventDetail } from '../events/kith-feedback-dismiss.js';
import type { KithFeedbackSubmitEventDetail } from '../events/kith-feedback-submit.js';
import type { ClientController } from '../internal/client-controller.js';
import type { LocalizeController } from '../internal/localize-controller.js';
import type { KithFeedback } from './feedback.component.js';
import type { SurveyTexts } from './locales/survey-texts.js';
import { forget, suppress } from './survey.model.js';

/** Where the survey is: asking, handing the answer over, kept to send later, received, refused by the cap, or dismissed. */
export type SurveyPhase = 'form' | 'sending' | 'queued' | 'sent' | 'capped' | 'dismissed';

/**
 * A 429 whose wait is this long is the shop's survey cap (days), not the per-address write limit
 * (seconds to minutes, worth retrying): such an answer is dropped, never delivered weeks later.
 */
const CAP_WAIT_MS = 3_600_000;

const isCapped = (entry: OutboxEntry, now: number) => entry.error?.code === 'rate_limited' && entry.nextAttemptAt - now > CAP_WAIT_MS;

/** Sends one survey's answer and says what came of it. */
export class SurveySender {
  phase: SurveyPhase = 'form';
  /** A line above the form: why the answer was not accepted, or that the survey is not set up. */
  notice: string | undefined;
  readonly #host: KithFeedback;
  readonly #metric: SurveyMetric;
  readonly #connection: ClientController;
  readonly #localize: LocalizeController<SurveyTexts>;
  /** The refused outbox entry a corrected answer replaces. */
  #refusedEntry: string | undefined;
  #stopFollowing: (() => void) | undefined;

  constructor(host: KithFeedback, metric: SurveyMetric, connection: ClientController, localize: LocalizeController<SurveyTexts>) {
    this.#host = host;
    this.#metric = metric;
    this.#connection = connection;
    this.#localize = localize;
    host.addController({ hostDisconnected: () => this.#unfollow() });
  }

  async submit(answer: NewSurvey): Promise<void> {
    const client = this.#connection.client;
    const t = this.#localize.t;
    if (!client) {
      this.#refuse(t.notConfigured);
      return;
    }
    this.phase = 'sending';
    this.#host.announcement = t.sending;
    this.#host.requestUpdate();
    let result: WriteResult<CreatedFeedback>;
    try {
      try {
        result = this.#refusedEntry ? await client.outbox.resubmit(this.#refusedEntry, answer, CreatedFeedback) : await submitFeedback(client, answer);
      } catch {
        // The refused entry was discarded meanwhile (another tab): the answer goes as a new write.
        result = await submitFeedback(client, answer);
      }
    } catch (error) {
      // The outbox itself could not take it: nothing was sent, the answer stays in the form.
      console.warn('[kith] <kith-feedback>: could not send the survey answer', error);
      this.#refuse(t.refused(this.#localize.common.reasons.network));
      return;
    }
    this.#settle(client, result);
  }

  #settle(client: KithCore, result: WriteResult<CreatedFeedback>): void {
    if (result.status !== 'sent' && isCapped(result.entry, Date.now())) {
      this.#capped(client, result.entry.id);
      return;
    }
    if (result.status === 'failed') {
      this.#refusedEntry = result.entry.id;
      this.#refuse(this.#localize.t.refused(this.#localize.common.reasons[result.error.code]));
      return;
    }
    // From here the server or the outbox holds the answer: not asked again in this browser.
    suppress(this.#metric, 'answered', Date.now());
    this.#refusedEntry = undefined;
    this.notice = undefined;
    this.#finish(result.status);
    if (result.status === 'queued') this.#follow(client, result.entry.id);
  }

  /** Over the shop's cap: the kept entry is dropped, and the survey is not asked again here. */
  #capped(client: KithCore, entryId: string): void {
    void client.outbox.discard(entryId).catch(() => undefined);
    suppress(this.#metric, 'answered', Date.now());
    this.#finish('capped');
  }

  /** Refused (or not set up): back to the form, with why; the answer stays to correct and send again. */
  #refuse(reason: string): void {
    forget(this.#metric);
    this.phase = 'form';
    this.notice = this.#host.announcement = reason;
    this.#host.requestUpdate();
    this.#emit('failed');
  }

  #finish(phase: 'sent' | 'queued' | 'capped'): void {
    const t = this.#localize.t;
    this.phase = phase;
    this.#host.announcement = phase === 'sent' ? t.thanks : phase === 'queued' ? t.queued : t.capped;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => (this.#host.renderRoot.querySelector('#survey-receipt') as HTMLElement | null)?.focus());
    this.#emit(phase === 'capped' ? 'failed' : phase);
  }

  /** Follows a kept answer in this page until it is delivered, capped or refused. */
  #follow(client: KithCore, entryId: string): void {
    this.#unfollow();
    this.#stopFollowing = client.outbox.subscribe((event) => {
      if (event.type === 'delivered' && event.entry.id === entryId) {
        this.#unfollow();
        this.#finish('sent');
      } else if (event.type === 'change') {
        const entry = event.entries.find((candidate) => candidate.id === entryId);
        if (!entry) return;
        if (isCapped(entry, Date.now())) {
          this.#unfollow();
          this.#capped(client, entryId);
        } else if (entry.state === 'failed') {
          this.#unfollow();
          this.#refusedEntry = entryId;
          this.#refuse(this.#localize.t.refused(this.#localize.common.reasons[entry.error?.code ?? 'validation']));
        }
      }
    });
  }

  #unfollow(): void {
    this.#stopFollowing?.();
    this.#stopFollowing = undefined;
  }

  /** "Not now": hidden, remembered until `until`, and said. */
  dismiss(until: Date): void {
    this.phase = 'dismissed';
    this.#host.announcement = this.#localize.t.dismissed;
    this.#host.requestUpdate();
    const detail: KithFeedbackDismissEventDetail = { kind: this.#metric, until: until.toISOString() };
    this.#host.dispatchEvent(new CustomEvent('kith-feedback-dismiss', { detail, bubbles: true, composed: true }));
  }

  /** What shows once the answer is handed over: thanks, kept to send later, or already answered lately. */
  renderReceipt(): TemplateResult {
    const t = this.#localize.t;
    const heading = this.phase === 'queued' ? t.queued : this.phase === 'capped' ? t.capped : t.thanks;
    return html`<section part="receipt" class="receipt" aria-labelledby="survey-receipt">
      <h2 id="survey-receipt" tabindex="-1">${heading}</h2>
    </section>`;
  }

  #emit(status: KithFeedbackSubmitEventDetail['status']): void {
    const detail: KithFeedbackSubmitEventDetail = { kind: this.#metric, status };
    this.#host.dispatchEvent(new CustomEvent('kith-feedback-submit', { detail, bubbles: true, composed: true }));
  }
}
