/** Detail of `kith-feedback-dismiss`. */
export interface KithFeedbackDismissEventDetail {
  /** The survey dismissed: its metric (`nps`, `csat`, `ces`), as the element's `kind` names it. */
  kind: string;
  /** Until when this browser will not show it again (ISO 8601). */
  until: string;
}

/** Fired when the shopper dismisses a survey ("Not now"); never when a property is set. */
export type KithFeedbackDismissEvent = CustomEvent<KithFeedbackDismissEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-feedback-dismiss': KithFeedbackDismissEvent;
  }
}
