import { define } from '../internal/define.js';
import { KithFeedback } from './feedback.component.js';

export { KithFeedback };
export type { KithFeedbackSubmitEvent, KithFeedbackSubmitEventDetail } from '../events/kith-feedback-submit.js';
export type { KithFeedbackDismissEvent, KithFeedbackDismissEventDetail } from '../events/kith-feedback-dismiss.js';
define('kith-feedback', KithFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'kith-feedback': KithFeedback;
  }
}
