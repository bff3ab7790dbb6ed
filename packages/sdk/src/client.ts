import { checkOptions } from './options.js';
import { createCore, type CoreOptions, type KithCore } from './core.js';
import { resources, type Resources } from './resources/index.js';

/** Options of {@link createClient}. */
export type ClientOptions = CoreOptions;

/** The Kith client: the core (reads, writes, outbox, live, cache) with every resource under it. */
export interface KithClient extends KithCore, Resources {}
/**
 * Creates a client. Throws a `TypeError` at once for a relative or non-http `baseUrl`, a
 * key that is not `pk_…`/`sk_…` or a `token` that is not a function, so a misconfiguration
 * never looks like a network failure.
 */
export function createClient(options: ClientOptions): KithClient {
  checkOptions(options, 'createClient');
  const core = createCore(options);
  return Object.assign(core, resources(core));
}
