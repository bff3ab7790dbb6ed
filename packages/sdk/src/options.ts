import { checkTimeout } from './transport.js';

/**
 * Checks what `createCore`/`createClient` were given and throws a `TypeError` at once for a
 * relative or non-http `baseUrl`, a key that is not `pk_…`/`sk_…`, a `token` that is not a
 * function or a bad `timeoutMs`: a misconfiguration must never look like a network failure.
 */
export function checkOptions(options: { baseUrl: string; key: string; token?: unknown; timeoutMs?: number | undefined }, caller: string): void {
  const fail = (problem: string): never => {
    throw new TypeError(`${caller}: ${problem}`);
  };
  // (No options at all fails right here, destructuring: a TypeError too.)
  const { baseUrl, key, token, timeoutMs } = options;
  let protocol = '';
  try {
    protocol = new URL(baseUrl).protocol;
  } catch {
    // not a URL: refused below
  }
  if (protocol !== 'http:' && protocol !== 'https:') fail(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  if (!/^(pk|sk)_\S+$/.test(key)) fail('key must be a publishable (pk_…) or secret (sk_…) Kith key');
  if (token !== undefined && typeof token !== 'function') fail('token must be a function that returns a token (or null), never the token itself');
  checkTimeout(timeoutMs, caller);
}
