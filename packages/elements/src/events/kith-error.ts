import type { KithError, KithErrorCode } from '@kith/sdk';

/** Detail of `kith-error`: what failed, as a stable code, and the error itself. */
export interface KithErrorEventDetail {
  code: KithErrorCode;
  error: KithError;
}

/** Fired when an element could not load its data (`not_found` included). */
export type KithErrorEvent = CustomEvent<KithErrorEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-error': KithErrorEvent;
  }
}
