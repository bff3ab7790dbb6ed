import type { KithErrorCode } from '@kith/sdk';
import type { Texts } from '../translation.js';

/**
 * What every element says the same way: the Retry button, and why something could not be loaded
 * (after the element's own "The customer could not be loaded: …"). Shipped once, in the shared
 * runtime, instead of once per element.
 */
export interface CommonTexts extends Texts {
  retry: string;
  /** Saved data shown because the person is offline, or because the latest could not be loaded (an element may word its own). */
  stale: { offline: string; failed: string };
  /** One reason per error code, a clause that follows the element's `failed(…)` lead-in. */
  reasons: Record<KithErrorCode, string>;
}
