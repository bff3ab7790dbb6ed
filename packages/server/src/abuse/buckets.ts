import { isIP } from 'node:net';
import type { Credential } from '../auth/credential.js';
import type { RateLimitSettings } from '../settings.js';

/** One counter a request is counted against, with its limit per window. */
export interface LimitCheck {
  /** The counter's name: `key:<api key id>`, `addr:<address>` or `pubw:<address>`; never a secret. */
  bucket: string;
  limit: number;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The counters one request is counted against:
 * - `key:` per API key — a publishable key, a secret key, or the publishable key a
 *   customer or staff token is bound to (so minting tokens cannot multiply the budget);
 * - `addr:` per client address, for everything but a secret key (the shop's own server
 *   mints a token for every shopper from one address; it is limited by its key instead);
 * - `pubw:` per client address, stricter, for writes made with a publishable key or a
 *   customer token: the feedback anyone on the web can send.
 */
export function bucketsFor(credential: Credential, address: string, method: string, limits: RateLimitSettings): LimitCheck[] {
  const checks: LimitCheck[] = [];
  if (credential.kind !== 'none') checks.push({ bucket: `key:${credential.keyId}`, limit: limits.perKey });
  if (credential.kind === 'secret') return checks;
  const where = addressBucket(address);
  checks.push({ bucket: `addr:${where}`, limit: limits.perAddress });
  if ((credential.kind === 'publishable' || credential.kind === 'customer') && !READS.has(method)) {
    checks.push({ bucket: `pubw:${where}`, limit: limits.publicWritesPerAddress });
  }
  return checks;
}

/**
 * What an address is counted as. An IPv4 address is one client; an IPv6 client usually
 * holds a whole /64 (and can pick any address in it), so IPv6 counts per /64 prefix —
 * otherwise one machine could walk through 2^64 fresh budgets.
 */
export function addressBucket(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex without leading zeros. */
function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::') as [string, string | undefined];
  const groups = (part: string) => (part === '' ? [] : part.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  // An embedded IPv4 tail (`::1.2.3.4`) fills the last two groups.
  const last = right.length > 0 ? right : left;
  const dotted = last.at(-1);
  if (dotted?.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
    last.splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const zeros = Array.from({ length: Math.max(0, 8 - left.length - right.length) }, () => '0');
  return [...left, ...(tail === undefined ? [] : zeros), ...right].map((group) => Number.parseInt(group, 16).toString(16));
}
