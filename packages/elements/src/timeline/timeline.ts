import { define } from '../internal/define.js';
import { KithTimeline } from './timeline.component.js';

export { KithTimeline };
define('kith-timeline', KithTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'kith-timeline': KithTimeline;
  }
}
