// Registers `<kith-feedback-inbox-item>`: not an entry of its own, imported by the inbox's component.
import { define } from '../internal/define.js';
import { KithFeedbackInboxItem } from './inbox-item.component.js';

export { KithFeedbackInboxItem };
export type { KithInboxActionEvent, KithInboxActionEventDetail } from '../events/kith-inbox-action.js';
define('kith-feedback-inbox-item', KithFeedbackInboxItem);

declare global {
  interface HTMLElementTagNameMap {
    'kith-feedback-inbox-item': KithFeedbackInboxItem;
  }
}
