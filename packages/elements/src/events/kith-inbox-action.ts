import type { Feedback } from '@kith/schema';

/** Detail of `kith-inbox-action`: what a staff member did to one inbox item, and what became of it. */
export interface KithInboxActionEventDetail {
  /** `publish` / `reject` (a review), `reply` (a review's public reply), `answer` (a complaint) or `status` (a complaint moved on). */
  action: 'publish' | 'reject' | 'reply' | 'answer' | 'status';
  /** The record as the server answered it, or, when `queued`, the item as it will be once the outbox delivers the write. */
  item: Feedback;
  /** `sent` (the server has it) or `queued` (kept in the outbox, delivered once when back online). */
  status: 'sent' | 'queued';
}

/** Fired by `<kith-feedback-inbox-item>` when an action succeeds or is queued (never when a property is set). */
export type KithInboxActionEvent = CustomEvent<KithInboxActionEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-inbox-action': KithInboxActionEvent;
  }
}
