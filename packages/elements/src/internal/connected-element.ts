import { property } from 'lit/decorators.js';
import type { KithCore } from '@kith/sdk';
import { ClientController } from './client-controller.js';
import { KithElement } from './kith-element.js';
import type { Theme } from './page-settings.js';

/**
 * The base of every element that reads from the API: the configuration attributes and
 * properties they all share, and the chain that turns them into a client (`ClientController`).
 * What an element does with the client lives in its own controllers.
 */
export class KithConnectedElement extends KithElement {
  /** Base URL of the Kith API, used only without `.client`, a provider and page settings. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** Publishable key (`pk_…`), used like `base-url`. A key alone authenticates nobody: staff and customer data need a token. */
  @property() key?: string;

  /**
   * A client created by the page (`createCore` or `createClient` from `@kith/sdk`); takes
   * precedence over a provider, the page settings and the attributes.
   */
  @property({ attribute: false }) client?: KithCore;

  /** BCP 47 locale for texts, numbers and dates; by default the provider's, the page setting (`Kith.setLocale`), the nearest `lang`, the browser's. */
  @property({ reflect: true }) locale?: string;

  /** `light`, `dark` or `auto` (`prefers-color-scheme`); by default the page setting (`Kith.setTheme`), else auto. */
  @property({ reflect: true }) theme?: Theme;

  /** Where the client comes from. */
  protected readonly connection = new ClientController(this);
}
