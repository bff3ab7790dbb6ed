import { createClient, type KithClient } from '@kith/sdk';

/**
 * Creates a client from `base-url` + `key` attributes, once per pair, and remembers why it
 * could not (a `TypeError` from `createClient`) so the element can say so.
 */
export class ClientFromAttributes {
  /** Why the last pair was refused, if it was. */
  error: string | undefined = undefined;
  #last: { baseUrl: string; key: string; client: KithClient | undefined } | undefined;

  constructor(private readonly tag: string) {}

  get(baseUrl: string | undefined, key: string | undefined): KithClient | undefined {
    if (!baseUrl || !key) {
      this.error = undefined;
      return undefined;
    }
    if (this.#last?.baseUrl !== baseUrl || this.#last.key !== key) {
      let client: KithClient | undefined;
      try {
        client = createClient({ baseUrl, key });
        this.error = undefined;
      } catch (error) {
        this.error = error instanceof Error ? error.message : String(error);
        console.warn(`[kith] <${this.tag}>: ${this.error}`);
      }
      this.#last = { baseUrl, key, client };
    }
    return this.#last.client;
  }
}
