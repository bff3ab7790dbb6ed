// The timeline's form for a note or a call: `<kith-timeline>` imports it when a person first
// points at or focuses "Add note" or "Log call".
import { define } from '../internal/define.js';
import { KithTimelineComposer } from './timeline-composer.component.js';

export { KithTimelineComposer };
define('kith-timeline-composer', KithTimelineComposer);

declare global {
  interface HTMLElementTagNameMap {
    'kith-timeline-composer': KithTimelineComposer;
  }
}
