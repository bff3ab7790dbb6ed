/** Detail of `kith-feedback-submit`. */
export interface KithFeedbackSubmitEventDetail {
  /** What was submitted: `review`, or a survey's metric (`nps`, `csat`, `ces`), as the element's `kind` names it. */
  kind: string;
  /** The product reviewed, as the element's `product` names it; absent for a survey answer. */
  product?: string;
  /**
   * `sent` (the server has it), `queued` (kept in the outbox: delivered exactly once when back
   * online, also after a reload) or `failed` (refused: a review's text is back in the form to
   * correct; a survey answer over the shop's frequency cap is dropped).
   */
  status: 'sent' | 'queued' | 'failed';
}

/** Fired when a review or survey answer is handed over, and again when a kept one is delivered or refused later. */
export type KithFeedbackSubmitEvent = CustomEvent<KithFeedbackSubmitEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-feedback-submit': KithFeedbackSubmitEvent;
  }
}
