import { define } from '../internal/define.js';
import { KithReviews } from './reviews.component.js';

export { KithReviews };
export type { KithLoadEvent, KithLoadEventDetail, KithReviewsLoadDetail } from '../events/kith-load.js';
export type { KithErrorEvent, KithErrorEventDetail } from '../events/kith-error.js';
define('kith-reviews', KithReviews);

declare global {
  interface HTMLElementTagNameMap {
    'kith-reviews': KithReviews;
  }
}
