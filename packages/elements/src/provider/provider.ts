import { define } from '../internal/define.js';
import { KithProvider } from './provider.component.js';

export { KithProvider };
define('kith-provider', KithProvider);

declare global {
  interface HTMLElementTagNameMap {
    'kith-provider': KithProvider;
  }
}
