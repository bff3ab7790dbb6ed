// The inline editor's chunk: `<kith-customer-card>` imports it when a person first starts an edit.
import { define } from '../internal/define.js';
import { KithCustomerEditor } from './customer-editor.component.js';

export { KithCustomerEditor };
define('kith-customer-editor', KithCustomerEditor);

declare global {
  interface HTMLElementTagNameMap {
    'kith-customer-editor': KithCustomerEditor;
  }
}
