// The redeem form's chunk: `<kith-loyalty-badge>` imports it when it first offers the form.
import { define } from '../internal/define.js';
import { KithLoyaltyRedeem } from './loyalty-redeem.component.js';

export { KithLoyaltyRedeem };
define('kith-loyalty-redeem', KithLoyaltyRedeem);

declare global {
  interface HTMLElementTagNameMap {
    'kith-loyalty-redeem': KithLoyaltyRedeem;
  }
}
