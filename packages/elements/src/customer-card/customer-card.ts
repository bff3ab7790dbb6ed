import { define } from '../internal/define.js';
import { KithCustomerCard } from './customer-card.component.js';

export { KithCustomerCard };
export type { KithLoadEvent, KithLoadEventDetail } from '../events/kith-load.js';
export type { KithErrorEvent, KithErrorEventDetail } from '../events/kith-error.js';
define('kith-customer-card', KithCustomerCard);

declare global {
  interface HTMLElementTagNameMap {
    'kith-customer-card': KithCustomerCard;
  }
}
