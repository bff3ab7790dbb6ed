import { createCore, type CoreOptions, type KithCore } from './core.js';
import { resources, type Resources } from './resources/index.js';

/** Options of {@link createClient}. */
export type ClientOptions = CoreOptions;

/** The Kith client: the core (reads, writes, outbox, live, cache) with every resource under it. */
export interface KithClient extends KithCore, Resources {}
function checkOptions(options: ClientOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError('createClient: options are required');
  const { baseUrl, key, token, timeoutMs } = options;
  let url: URL | undefined;
  try {
    url = typeof baseUrl === 'string' ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(`createClient: baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  if (typeof key !== 'string' || !/^(pk|sk)_\S+$/.test(key)) {
    throw new TypeError('createClient: key must be a publishable (pk_…) or secret (sk_…) Kith key');
  }
  if (token !== undefined && typeof token !== 'function') {
    throw new TypeError('createClient: token must be a function that returns a token (or null), never the token itself');
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new TypeError(`createClient: timeoutMs must be a positive number, got ${String(timeoutMs)}`);
  }
}

/**
 * Creates a client. Throws a `TypeError` at once for a relative or non-http `baseUrl`, a
 * key that is not `pk_…`/`sk_…` or a `token` that is not a function, so a misconfiguration
 * never looks like a network failure.
 */
export function createClient(options: ClientOptions): KithClient {
  checkOptions(options);
  const core = createCore(options);
  return Object.assign(core, resources(core));
}
