import { define } from '../internal/define.js';
import { KithFeedbackInbox } from './feedback-inbox.component.js';

export { KithFeedbackInbox };
export type { KithInboxActionEvent, KithInboxActionEventDetail } from '../events/kith-inbox-action.js';
export type { KithErrorEvent, KithErrorEventDetail } from '../events/kith-error.js';
define('kith-feedback-inbox', KithFeedbackInbox);

declare global {
  interface HTMLElementTagNameMap {
    'kith-feedback-inbox': KithFeedbackInbox;
  }
}
