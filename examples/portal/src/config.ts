// Where Kith is and the shop's publishable key: the examples server writes them into the page's
// <meta> tags (a real shop's templates would do the same), so the bundle holds no address.

/** The page's language, used for every date and amount (the texts are English). */
export const LOCALE = document.documentElement.lang || 'en';

const meta = (name: string): string => document.querySelector(`meta[name="${name}"]`)?.getAttribute('content') ?? '';

export const KITH_URL = meta('kith-url');
export const KITH_KEY = meta('kith-key');

/** The shop's own pages the portal links to (same origin). */
export const SHOP = {
  home: '/storefront/',
  signIn: '/storefront/sign-in.html?next=/portal/',
} as const;
