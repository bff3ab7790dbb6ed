/** Detail of `kith-feedback-submit`. */
export interface KithFeedbackSubmitEventDetail {
  /** What was submitted: `review`. */
  kind: string;
  /** The product reviewed, as the element's `product` names it. */
  product: string;
  /**
   * `sent` (the server has it), `queued` (kept in the outbox: delivered exactly once when back
   * online, also after a reload) or `failed` (refused: the text is back in the form to correct).
   */
  status: 'sent' | 'queued' | 'failed';
}

/** Fired when a review is handed over, and again when a kept one is delivered or refused later. */
export type KithFeedbackSubmitEvent = CustomEvent<KithFeedbackSubmitEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-feedback-submit': KithFeedbackSubmitEvent;
  }
}
