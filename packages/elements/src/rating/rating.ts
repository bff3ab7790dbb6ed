import { define } from '../internal/define.js';
import { KithRating } from './rating.component.js';

export { KithRating };
export type { KithErrorEvent, KithErrorEventDetail } from '../events/kith-error.js';
define('kith-rating', KithRating);

declare global {
  interface HTMLElementTagNameMap {
    'kith-rating': KithRating;
  }
}
