import { define } from '../internal/define.js';
import { KithFeedback } from './feedback.component.js';

export { KithFeedback };
export type { KithFeedbackSubmitEvent, KithFeedbackSubmitEventDetail } from '../events/kith-feedback-submit.js';
define('kith-feedback', KithFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'kith-feedback': KithFeedback;
  }
}
