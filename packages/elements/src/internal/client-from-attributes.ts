import { checkOptions, createCore, type CoreOptions, type KithCore, type TokenSource } from '@kith/sdk/core';
import { registerClient, useClientFactory } from './page-settings.js';

/** A core from untyped input (attributes, the settings block): checked first, so a bad value is a clear `TypeError`. */
function checkedCore(options: CoreOptions, where = 'Kith'): KithCore {
  checkOptions(options, where);
  return createCore(options);
}

// The page settings make their client with the same SDK this module loads: the core only, each
// element adds the resources it calls (see `resource-of.ts`), so a page bundles what it shows.
useClientFactory((options) => checkedCore(options, 'page settings'));

/**
 * Creates a client from `base-url` + `key` attributes (and a `token` function property, if
 * any), once per combination, and remembers why it could not (a `TypeError` from
 * `checkOptions`) so the element can say so.
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
        client = checkedCore(token ? { baseUrl, key, token } : { baseUrl, key }, 'base-url and key');
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
