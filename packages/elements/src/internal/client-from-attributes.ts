import { createCore, type KithCore, type TokenSource } from '@kith/sdk';
import { registerClient, useClientFactory } from './page-settings.js';

// The page settings make their client with the same SDK this module loads: the core only, each
// element adds the resources it calls (see `resource-of.ts`), so a page bundles what it shows.
useClientFactory(createCore);

/**
 * Creates a client from `base-url` + `key` attributes (and a `token` function property, if
 * any), once per combination, and remembers why it could not (a `TypeError` from
 * `createCore`) so the element can say so.
 */
export class ClientFromAttributes {
  /** Why the last pair was refused, if it was. */
  error: string | undefined = undefined;
  #last: { baseUrl: string; key: string; token: TokenSource | undefined; client: KithCore | undefined } | undefined;

  constructor(private readonly tag: string) {}

  get(baseUrl: string | undefined, key: string | undefined, token?: TokenSource): KithCore | undefined {
    if (!baseUrl || !key) {
      this.error = undefined;
      return undefined;
    }
    if (this.#last?.baseUrl !== baseUrl || this.#last.key !== key || this.#last.token !== token) {
      let client: KithCore | undefined;
      try {
        client = createCore(token ? { baseUrl, key, token } : { baseUrl, key });
        registerClient(client);
        this.error = undefined;
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
        console.warn(`[kith] <${this.tag}>: ${this.error}`);
      }
      this.#last = { baseUrl, key, token, client };
    }
    return this.#last.client;
  }
}
