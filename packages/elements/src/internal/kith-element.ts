import { LitElement, type PropertyValues } from 'lit';
import { pageSettings } from './page-settings.js';
import { SettingsController } from './settings-controller.js';

/** Every `kith-*` event declared in the global event map (see `src/events/`). */
export type KithEventMap = {
  [K in keyof GlobalEventHandlersEventMap as K extends `kith-${string}` ? K : never]: GlobalEventHandlersEventMap[K];
};
export type KithEventName = keyof KithEventMap;
/** The `detail` type of a `kith-*` event. */
export type KithEventDetail<K extends KithEventName> = KithEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * The thin base of every Kith element: a typed `emit`, the theme chain, and a re-render when the
 * page settings change. Behaviour that elements share lives in reactive controllers, not here.
 */
export class KithElement extends LitElement {
  /** The nearest ancestor's `data-kith-theme` when connected (shadow CSS cannot see ancestors). */
  #ancestorTheme: string | null = null;
  /** Whether this element's `data-kith-theme` was set by Kith (then Kith may change or remove it). */
  #themeIsOurs = false;

  constructor() {
    super();
    // Every element re-renders when the page settings change (`Kith.configure`, `setLocale`, …).
    new SettingsController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A page may theme a whole region with data-kith-theme on an ancestor; shadow CSS cannot
    // see ancestors (no :host-context in Firefox), so the nearest one is mirrored on connect.
    this.#ancestorTheme = this.parentElement?.closest('[data-kith-theme]')?.getAttribute('data-kith-theme') ?? null;
    this.#applyTheme();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#applyTheme();
  }

  /**
   * The theme, most specific first: the element's own `theme` attribute (CSS reads it), a
   * `data-kith-theme` the page set on the element, the nearest ancestor's, the page setting
   * (`Kith.setTheme`); `auto` or nothing follows `prefers-color-scheme`.
   */
  #applyTheme(): void {
    if (this.hasAttribute('theme')) return;
    if (this.hasAttribute('data-kith-theme') && !this.#themeIsOurs) return;
    const page = pageSettings().theme;
    const theme = this.#ancestorTheme ?? (page === 'light' || page === 'dark' ? page : null);
    if (theme) {
      this.#themeIsOurs = true;
      if (this.getAttribute('data-kith-theme') !== theme) this.setAttribute('data-kith-theme', theme);
    } else if (this.#themeIsOurs) {
      this.#themeIsOurs = false;
      this.removeAttribute('data-kith-theme');
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
