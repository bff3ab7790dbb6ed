import { define } from '../internal/define.js';
import { KithLoyaltyBadge } from './loyalty-badge.component.js';

export { KithLoyaltyBadge };
export type { KithLoadEvent, KithLoadEventDetail, KithLoyaltyLoadDetail } from '../events/kith-load.js';
export type { KithErrorEvent, KithErrorEventDetail } from '../events/kith-error.js';
export type { KithRedeemEvent, KithRedeemEventDetail } from '../events/kith-redeem.js';
define('kith-loyalty-badge', KithLoyaltyBadge);

declare global {
  interface HTMLElementTagNameMap {
    'kith-loyalty-badge': KithLoyaltyBadge;
  }
}
