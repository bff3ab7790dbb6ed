// Who is signed in, from the shop's own backend (its cookie, same origin as this page), and
// the Kith customer token it mints for them. The portal never sees the shop's secret key.
import { SHOP } from './config.js';

export interface Shopper {
  readonly id: string;
  readonly name: string;
}

export type Session =
  | { readonly kind: 'checking' }
  | { readonly kind: 'signed-out' }
  /** When the shop cannot be asked (offline), this tab's last shopper. */
  | { readonly kind: 'signed-in'; readonly shopper: Shopper }
  /** The shop cannot be reached and this tab has no shopper to fall back on. */
  | { readonly kind: 'unreachable' };

// sessionStorage, like the SDK's memory of the last subject: gone with the tab, and it holds
// an id and a display name, never a token.
const REMEMBERED = 'kith-portal:shopper';

const isShopper = (value: unknown): value is Shopper =>
  typeof value === 'object' && value !== null &&
  typeof (value as Record<string, unknown>).id === 'string' && typeof (value as Record<string, unknown>).name === 'string';

function remembered(): Shopper | null {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(REMEMBERED) ?? 'null');
    return isShopper(value) ? value : null;
  } catch {
    return null;
  }
}

function remember(shopper: Shopper | null): void {
  try {
    if (shopper) sessionStorage.setItem(REMEMBERED, JSON.stringify({ id: shopper.id, name: shopper.name }));
    else sessionStorage.removeItem(REMEMBERED);
  } catch {
    // storage blocked: the page still works online
  }
}

/** Asks the shop who is signed in; offline, falls back on this tab's last shopper. */
export async function whoIsSignedIn(): Promise<Session> {
  const offline = (): Session => {
    const shopper = remembered();
    return shopper ? { kind: 'signed-in', shopper } : { kind: 'unreachable' };
  };
  let response: Response;
  try {
    response = await fetch('/storefront/api/me', { headers: { accept: 'application/json' } });
  } catch {
    return offline();
  }
  const body: unknown = response.ok ? await response.json().catch(() => undefined) : undefined;
  const customer = (body as { customer?: unknown } | undefined)?.customer;
  // Nobody signed in: `{ customer: null }`.
  if (response.ok && customer === null) {
    remember(null);
    return { kind: 'signed-out' };
  }
  if (!isShopper(customer)) return offline();
  remember(customer);
  return { kind: 'signed-in', shopper: { id: customer.id, name: customer.name } };
}

/**
 * The SDK's token function: a fresh customer token from the shop for each batch of requests
 * (the SDK shares one call among requests that start together, and never stores it). `null`
 * when nobody is signed in any more; a failure to reach the shop throws, and the SDK then
 * shows what it saved for the last shopper of this tab.
 */
export async function customerToken(): Promise<string | null> {
  const response = await fetch('/storefront/api/token', { method: 'POST', headers: { accept: 'application/json' } });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`The shop could not give a Kith token (HTTP ${response.status}).`);
  const body: unknown = await response.json();
  const token = (body as { token?: unknown } | null)?.token;
  if (typeof token !== 'string') throw new Error('The shop answered without a Kith token.');
  return token;
}

/** Signs out at the shop; the caller clears the Kith cache so the next person sees nothing. */
export async function signOut(): Promise<void> {
  remember(null);
  await fetch('/storefront/api/sign-out', { method: 'POST' });
}

export const signInUrl = SHOP.signIn;
