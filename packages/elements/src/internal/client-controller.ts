import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { KithCore } from '@kith/sdk';
import { attachContextRoot, clientContext } from './client-context.js';
import { ClientFromAttributes } from './client-from-attributes.js';
import { pageClient } from './page-settings.js';

/** What an element that talks to the API offers for its configuration. */
export interface ClientHost extends ReactiveControllerHost, HTMLElement {
  client?: KithCore | undefined;
  baseUrl?: string | undefined;
  key?: string | undefined;
}

/**
 * The configuration chain every element follows, in one place: its `.client` property, the
 * nearest `<kith-provider>` (also one that upgrades later), the page settings (`#kith-settings`,
 * `Kith.configure`), its own `base-url` and `key` attributes.
 */
export class ClientController implements ReactiveController {
  #provided: KithCore | undefined;
  readonly #host: ClientHost;
  readonly #fromAttributes: ClientFromAttributes;

  constructor(host: ClientHost) {
    this.#host = host;
    this.#fromAttributes = new ClientFromAttributes(host.localName);
    // Before the consumer asks: an element that upgrades before its provider still hears from it.
    attachContextRoot();
    new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: (client) => {
        this.#provided = client;
        host.requestUpdate();
      },
    });
    host.addController(this);
  }

  hostConnected(): void {
    attachContextRoot();
  }

  /** The client to use now, or `undefined` when nothing is configured. */
  get client(): KithCore | undefined {
    const host = this.#host;
    return host.client ?? this.#provided ?? pageClient() ?? this.#fromAttributes.get(host.baseUrl, host.key);
  }

  /** Why the element's own `base-url` and `key` made no client (a `TypeError` message), if so. */
  get configurationError(): string | undefined {
    return this.#fromAttributes.error;
  }
}
