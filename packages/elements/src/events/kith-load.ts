import type { Customer } from '@kith/sdk';

/** Detail of `kith-load`: the data an element has just received and now shows. */
export interface KithLoadEventDetail {
  customer: Customer;
}

/** Fired when an element's data arrives from the server (not when a property is set). */
export type KithLoadEvent = CustomEvent<KithLoadEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-load': KithLoadEvent;
  }
}
