import { define } from '../internal/define.js';
import { KithSurveyResults } from './survey-results.component.js';

export { KithSurveyResults };
export type { KithErrorEvent, KithErrorEventDetail } from '../events/kith-error.js';
define('kith-survey-results', KithSurveyResults);

declare global {
  interface HTMLElementTagNameMap {
    'kith-survey-results': KithSurveyResults;
  }
}
