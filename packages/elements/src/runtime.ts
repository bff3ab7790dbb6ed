// `Kith`: the small runtime API a page calls (from a module, or from the drop-in's export).
import type { TokenSource } from '@kith/sdk';
import { configure, pageSettings, resetPage, setToken, type PageSettings, type Theme } from './internal/page-settings.js';

export type { PageSettings, Theme };

export const Kith = {
  /** Sets page settings (`baseUrl`, `key`, `locale`, `theme`) every element falls back to; `undefined` removes one. */
  configure(settings: PageSettings): void {
    configure(settings);
  },
  /** The locale of every element without its own `locale` (and outside a provider with one); re-renders them. */
  setLocale(locale: string | undefined): void {
    configure({ locale });
  },
  /** `light`, `dark` or `auto` for every element without its own `theme`. */
  setTheme(theme: Theme | undefined): void {
    configure({ theme });
  },
  /** The function that gives a short-lived token (your backend mints it); `undefined` after sign-out. Never an attribute. */
  setToken(token: TokenSource | undefined): void {
    setToken(token);
  },
  /** Logout: clears cached data of every client Kith made, keeps unsent writes for their author, re-renders. */
  reset(): Promise<void> {
    return resetPage();
  },
  /** The current page settings (the `#kith-settings` data block merged with `configure`). */
  get settings(): Readonly<PageSettings> {
    return pageSettings();
  },
};
