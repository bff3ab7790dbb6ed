/** Detail of `kith-feedback-submit`. */
export interface KithFeedbackSubmitEventDetail {
  /** What was submitted, as the element's `kind` names it: `review`, a survey's metric (`nps`, `csat`, `ces`) or `complaint`. */
  kind: string;
  /** The product reviewed, as the element's `product` names it; absent for a survey answer or a complaint. */
  product?: string;
  /**
   * `sent` (the server has it), `queued` (kept in the outbox: delivered exactly once when back
   * online, also after a reload) or `failed` (refused: a review's or complaint's text is back in
   * the form to correct; a survey answer over the shop's frequency cap is dropped).
   */
  status: 'sent' | 'queued' | 'failed';
}

/** Fired when a review, survey answer or complaint is handed over, and again when a kept one is delivered or refused later. */
export type KithFeedbackSubmitEvent = CustomEvent<KithFeedbackSubmitEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-feedback-submit': KithFeedbackSubmitEvent;
  }
}
