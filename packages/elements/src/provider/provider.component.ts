import { ContextProvider } from '@lit/context';
import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { KithCore, TokenSource } from '@kith/sdk';
import { ClientFromAttributes } from '../internal/client-from-attributes.js';
import { clientContext } from '../internal/client-context.js';
import { KithElement } from '../internal/kith-element.js';

/**
 * @summary Shares one Kith client with every Kith element inside it.
 *
 * The client comes from the `.client` property, or is created from the `base-url` and `key`
 * attributes and the `.token` property (a function: staff and customer data need a token).
 * The provider renders nothing of its own (`display: contents`).
 *
 * @slot - The elements that use the client.
 */
export class KithProvider extends KithElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Base URL of the Kith API, e.g. `https://crm.example.com`. */
  @property({ attribute: 'base-url' }) baseUrl?: string;

  /** The publishable key (`pk_…`) of this site. */
  @property() key?: string;

  /**
   * Gives a short-lived token minted by the page's own backend after its sign-in (staff or
   * customer), or `null` when nobody is signed in. A function, so the SDK can ask again when a
   * token expires; never an attribute, never stored. Ignored when `.client` is set.
   */
  @property({ attribute: false }) token?: TokenSource;

  /** A client created by the page (`createCore` or `createClient`); takes precedence over `base-url`, `key` and `token`. */
  @property({ attribute: false }) client?: KithCore;

  /** BCP 47 locale for the elements inside that have none of their own (before the page setting and `lang`). */
  @property({ reflect: true }) locale?: string;

  /** Why no client could be created from the attributes, if so (a `TypeError` message). */
  get configurationError(): string | undefined {
    return this.#fromAttributes.error;
  }

  readonly #provider = new ContextProvider(this, { context: clientContext });
  readonly #fromAttributes = new ClientFromAttributes('kith-provider');

  /** The client the provider currently shares (`undefined` when not configured). */
  get sharedClient(): KithCore | undefined {
    return this.#provider.value;
  }

  protected override willUpdate(): void {
    this.#provider.setValue(this.client ?? this.#fromAttributes.get(this.baseUrl, this.key, this.token));
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
