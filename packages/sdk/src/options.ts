import type { TransportOptions } from './transport.js';

/**
 * Checks what `createCore`/`createClient` were given and throws a `TypeError` at once for a
 * relative or non-http `baseUrl`, a key that is not `pk_…`/`sk_…`, a `token` that is not a
 * function or a bad `timeoutMs`: a misconfiguration must never look like a network failure.
 */
export function checkOptions(options: TransportOptions, caller: string): void {
  if (typeof options !== 'object' || options === null) throw new TypeError(`${caller}: options are required`);
  const { baseUrl, key, token, timeoutMs } = options;
  let url: URL | undefined;
  try {
    url = typeof baseUrl === 'string' ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(`${caller}: baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  }
  if (typeof key !== 'string' || !/^(pk|sk)_\S+$/.test(key)) {
    throw new TypeError(`${caller}: key must be a publishable (pk_…) or secret (sk_…) Kith key`);
  }
  if (token !== undefined && typeof token !== 'function') {
    throw new TypeError(`${caller}: token must be a function that returns a token (or null), never the token itself`);
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new TypeError(`${caller}: timeoutMs must be a positive number, got ${String(timeoutMs)}`);
  }
}
