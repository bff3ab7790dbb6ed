// What every page of the example shop shares: who is signed in (the shop's own session, from
// its backend), the Kith customer token for them, and the header (nav, sign-in / sign-out,
// the loyalty badge). Plain DOM (createElement / textContent): the pages run under a strict
// CSP with Trusted Types, and data is always text.

const API = '/storefront/api';

/** Builds an element: attributes (a `false` / `null` value is left out), then children (strings become text). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== false && value !== null && value !== undefined) element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** The shop's backend: JSON in and out; a refusal becomes an Error with the backend's message. */
export async function backend(method, path, body) {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw Object.assign(new Error(json?.error?.message ?? `The shop answered ${response.status}.`), { status: response.status });
  return json;
}

/** The signed-in shopper (`{ id, name }`) or `null`: asked once per page. */
export const shopper = backend('GET', '/me').then(
  (body) => body.customer,
  () => null,
);

/**
 * Kith's token for the signed-in shopper, minted by the shop's backend with its secret key.
 * Kept in memory until a minute before it expires (every element's request asks for one; a
 * page needs a handful, not a mint each), never stored. A guest gets `null`: the elements
 * then use the publishable key alone (public reviews and ratings, anonymous feedback).
 */
let minted;
async function customerToken() {
  if (!(await shopper)) return null;
  if (minted && (await minted).expires - 60_000 > Date.now()) return (await minted).token;
  minted = backend('POST', '/token').then(({ token, expiresAt }) => ({ token, expires: Date.parse(expiresAt) }));
  minted.catch(() => (minted = undefined));
  return (await minted).token;
}

/** The page's `<kith-provider>`: every Kith element of the page shares its client (and one rating batch). */
export const provider = document.getElementById('kith');
// Set before any element reads: a new token function would give them a new client (and the
// listing a second rating request).
provider.token = customerToken;

/**
 * Where to go after signing in: a path of this site only. Anything else (another origin,
 * `//host`, `/\host`, a scheme, whitespace) falls back to the shop's front page.
 */
export function safeNext(value, fallback = '/storefront/') {
  // Whitespace too: the URL parser drops tabs and newlines, so "/\t/evil.example" would become "//evil.example".
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value) || /[\\\s]/.test(value)) return fallback;
  const url = new URL(value, location.origin);
  return url.origin === location.origin && url.pathname.startsWith('/storefront/') ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** The sign-in page, coming back here afterwards. */
export const signInHref = () =>
  location.pathname.endsWith('/sign-in.html') ? `sign-in.html${location.search}` : `sign-in.html?next=${encodeURIComponent(location.pathname + location.search)}`;

const prices = new Map();
/** A price from minor units, in the page's language and the price's currency. */
export function formatPrice({ amount, currency }) {
  let format = prices.get(currency);
  if (!format) prices.set(currency, (format = new Intl.NumberFormat(document.documentElement.lang || undefined, { style: 'currency', currency })));
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/** The shop's own catalogue (its data, not Kith's): the products it sells, in its order. */
export const catalogue = () => fetch('catalogue.json').then((response) => response.json()).then((body) => body.products);

/**
 * Logout: the shop's session, then what Kith keeps of this shopper in the browser (`Kith.reset()`:
 * the cached data of every client, and the complaint the help page follows): the next person at
 * this computer must not see it.
 */
async function signOut() {
  await backend('POST', '/sign-out');
  const { Kith } = await import(`${provider.getAttribute('base-url')}/drop-in/kith.js`);
  await Kith.reset();
  location.reload();
}

/** The header's account area: the shopper's name, points and sign-out; or a sign-in link. */
async function renderAccount() {
  const account = document.getElementById('account');
  const customer = await shopper;
  if (!customer) {
    account.replaceChildren(el('a', { id: 'sign-in-link', href: signInHref() }, 'Sign in'));
    return;
  }
  const badge = el('kith-loyalty-badge', { compact: true, 'customer-id': customer.id, id: 'loyalty-badge' });
  const button = el('button', { type: 'button', id: 'sign-out', class: 'link-button' }, 'Sign out');
  button.addEventListener('click', () => {
    button.disabled = true;
    signOut().catch(() => (button.disabled = false));
  });
  account.replaceChildren(badge, el('span', { class: 'who' }, el('span', { id: 'shopper-name' }, customer.name), ' · ', button));
}

// The nav says which page this is (the shop's front page is both / and /index.html).
const page = (path) => path.replace(/\/index\.html$/, '/');
for (const link of document.querySelectorAll('.site-nav a')) {
  if (page(new URL(link.href).pathname) === page(location.pathname)) link.setAttribute('aria-current', 'page');
}
// At once, before the page knows who is signed in: the header's link comes back here.
document.getElementById('sign-in-link')?.setAttribute('href', signInHref());
renderAccount();
