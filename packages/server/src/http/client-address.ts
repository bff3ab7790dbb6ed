import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './env.js';

/** The address used when neither the socket nor a trusted proxy tells one (in-process requests). */
export const UNKNOWN_ADDRESS = 'unknown';

/**
 * Puts the client's address on the context (`c.get('clientAddress')`): rate limits count
 * by it and logs may show it.
 *
 * - `trustedProxyHops = 0` (default): the socket's peer address. `X-Forwarded-For` is
 *   ignored entirely — anyone can send that header.
 * - `trustedProxyHops = N > 0`: N proxies we run sit in front of the server, each
 *   appending the address it received the request from to `X-Forwarded-For`. The last
 *   proxy is the socket peer; the entry it appended (the rightmost) is who connected to
 *   it, and so on leftwards: the client is the **Nth entry from the right**. Everything
 *   further left was written by the client itself and is never read, so spoofed entries
 *   change nothing. A header with fewer than N entries (a request that bypassed a proxy,
 *   or a misconfiguration) falls back to the socket's address, as does an entry that is
 *   not an IP address.
 *
 * Addresses are normalised: IPv4-mapped IPv6 (`::ffff:1.2.3.4`) becomes `1.2.3.4`, IPv6
 * is lower-cased, and a port or brackets some proxies add are removed.
 */
export function clientAddress(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const hops = c.get('services').settings.trustedProxyHops;
    c.set('clientAddress', resolveClientAddress(socketAddress(c), c.req.header('X-Forwarded-For'), hops));
    await next();
  };
}

/** The address of the connection's peer from `@hono/node-server`'s `env.incoming.socket`. */
function socketAddress(c: Context<AppEnv>): string | undefined {
  const env: unknown = c.env;
  const incoming = field(env, 'incoming');
  const socket = field(incoming, 'socket');
  const address = field(socket, 'remoteAddress');
  return typeof address === 'string' ? address : undefined;
}

function field(value: unknown, name: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

/** The client's address from the socket's and the `X-Forwarded-For` header (see {@link clientAddress}). */
export function resolveClientAddress(socket: string | undefined, forwardedFor: string | undefined, trustedProxyHops: number): string {
  const fromSocket = (socket === undefined ? null : normaliseAddress(socket)) ?? UNKNOWN_ADDRESS;
  if (trustedProxyHops <= 0 || forwardedFor === undefined) return fromSocket;
  // Several X-Forwarded-For headers arrive joined with ", " — one list either way.
  const entries = forwardedFor.split(',').map((entry) => entry.trim());
  if (entries.length < trustedProxyHops) return fromSocket;
  return normaliseAddress(entries[entries.length - trustedProxyHops] ?? '') ?? fromSocket;
}

const MAPPED_DOTTED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/;
const MAPPED_HEX = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/;
const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const BRACKETED = /^\[([^\]]+)\](?::\d{1,5})?$/;

/** An IP address in one canonical spelling, or null when `raw` is not an IP address. */
export function normaliseAddress(raw: string): string | null {
  let address = raw.trim().toLowerCase();
  address = BRACKETED.exec(address)?.[1] ?? IPV4_WITH_PORT.exec(address)?.[1] ?? address;
  // A zone index (`fe80::1%eth0`) names a local interface, not a different client.
  const zone = address.indexOf('%');
  if (zone >= 0) address = address.slice(0, zone);
  const version = isIP(address);
  if (version === 0) return null;
  if (version === 4) return address;
  const dotted = MAPPED_DOTTED.exec(address)?.[1];
  if (dotted !== undefined && isIP(dotted) === 4) return dotted;
  const hex = MAPPED_HEX.exec(address);
  if (hex) {
    const high = Number.parseInt(hex[1] ?? '0', 16);
    const low = Number.parseInt(hex[2] ?? '0', 16);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return address;
}
