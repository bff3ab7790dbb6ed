import { define } from '../internal/define.js';
import { KithPipeline } from './pipeline.component.js';

export { KithPipeline };
define('kith-pipeline', KithPipeline);

declare global {
  interface HTMLElementTagNameMap {
    'kith-pipeline': KithPipeline;
  }
}
