import { LitElement } from 'lit';

/** Every `kith-*` event declared in the global event map (see `src/events/`). */
export type KithEventMap = {
  [K in keyof GlobalEventHandlersEventMap as K extends `kith-${string}` ? K : never]: GlobalEventHandlersEventMap[K];
};
export type KithEventName = keyof KithEventMap;
/** The `detail` type of a `kith-*` event. */
export type KithEventDetail<K extends KithEventName> = KithEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * The thin base of every Kith element: a typed `emit` and the `data-kith-theme` hook.
 * Behaviour that elements share lives in reactive controllers, not here.
 */
export class KithElement extends LitElement {
  override connectedCallback(): void {
    super.connectedCallback();
    // A page may theme a whole region with data-kith-theme on an ancestor; shadow CSS cannot
    // see ancestors (no :host-context in Firefox), so the nearest one is mirrored on connect.
    if (!this.hasAttribute('data-kith-theme')) {
      const themed = this.parentElement?.closest('[data-kith-theme]');
      const theme = themed?.getAttribute('data-kith-theme');
      if (theme) this.setAttribute('data-kith-theme', theme);
    }
  }

  /**
   * Dispatches a typed `kith-*` event that bubbles out of shadow roots. The detail is
   * required: an event declared with a detail cannot be emitted without one.
   */
  protected emit<K extends KithEventName>(name: K, detail: KithEventDetail<K>): KithEventMap[K] {
    const event = new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false });
    this.dispatchEvent(event);
    return event as KithEventMap[K];
  }
}
