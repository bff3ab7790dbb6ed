// The recent points' chunk: `<kith-loyalty-badge>` imports it when its disclosure is first used.
import { define } from '../internal/define.js';
import { KithLoyaltyLedger } from './loyalty-ledger.component.js';

export { KithLoyaltyLedger };
define('kith-loyalty-ledger', KithLoyaltyLedger);

declare global {
  interface HTMLElementTagNameMap {
    'kith-loyalty-ledger': KithLoyaltyLedger;
  }
}
