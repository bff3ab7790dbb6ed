import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Catalog, Language, Texts } from '../locales/translation.js';
import { pageSettings } from './page-settings.js';

/** What has loaded (and is loading) of each element's catalog, shared by every instance. */
interface Loaded<T extends Texts> {
  texts: Map<Language, T>;
  pending: Map<Language, Promise<void>>;
}
const catalogs = new WeakMap<Catalog<Texts>, Loaded<Texts>>();

function loadedOf<T extends Texts>(catalog: Catalog<T>): Loaded<T> {
  let loaded = catalogs.get(catalog) as Loaded<T> | undefined;
  if (!loaded) {
    loaded = { texts: new Map([['en', catalog.en]]), pending: new Map() };
    catalogs.set(catalog, loaded as Loaded<Texts>);
  }
  return loaded;
}

/** A catalog's texts in `language` if they have loaded, else English. */
export function textsIn<C extends Texts>(catalog: Catalog<C>, language: Language): C {
  return loadedOf(catalog).texts.get(language) ?? catalog.en;
}

/** The load of a catalog's texts in `language` still under way, if any. */
export function pendingIn(catalog: Catalog<Texts>, language: Language): Promise<void> | undefined {
  return loadedOf(catalog).pending.get(language);
}

/** The shipped language for a BCP 47 tag: zh-TW/zh-HK/zh-Hant-* → zh-Hant, other zh → zh-Hans. */
export function matchLanguage(tag: string): Language {
  try {
    const locale = new Intl.Locale(tag).maximize();
    if (locale.language === 'zh') return locale.script === 'Hant' ? 'zh-Hant' : 'zh-Hans';
  } catch {
    // not a valid tag: English
  }
  return 'en';
}

function isValidLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag).length > 0;
  } catch {
    return false;
  }
}

type LocalizedHost = ReactiveControllerHost & HTMLElement & { locale?: string | undefined };

/**
 * Resolves an element's locale (its `locale` property, its provider's `locale`, the page setting,
 * the nearest `lang`, the page's, the browser's) and gives it the matching texts of its catalog,
 * loading them on demand. `LocalizeController` adds the texts every data element shares; a form
 * that must stay small (`<kith-feedback>`) uses this alone.
 */
export class TextsController<T extends Texts> implements ReactiveController {
  /** The locale for Intl formatting, e.g. `zh-Hant-TW`. */
  locale = 'en';
  /** The shipped language whose texts are shown. */
  language: Language = 'en';
  readonly #host: LocalizedHost;
  readonly #catalog: Catalog<T>;
  readonly #loaded: Loaded<T>;

  constructor(host: LocalizedHost, catalog: Catalog<T>) {
    this.#host = host;
    this.#catalog = catalog;
    this.#loaded = loadedOf(catalog);
    host.addController(this);
  }

  /** The texts to render with (English until the wanted language has loaded). */
  get t(): T {
    return this.#loaded.texts.get(this.language) ?? this.#catalog.en;
  }

  hostConnected(): void {
    this.#resolve();
  }

  hostUpdate(): void {
    this.#resolve();
  }

  /** Resolves once the current language's texts are available (tests await it). */
  async ready(): Promise<void> {
    await Promise.all([this.#loaded.pending.get(this.language), ...this.extraPending()]);
  }

  #resolve(): void {
    const host = this.#host;
    // The element's own `locale`, its provider's, the page setting (`Kith.setLocale`), the nearest
    // `lang`, the document's, the browser's.
    const tag =
      host.locale ||
      host.closest('kith-provider[locale]:not([locale=""])')?.getAttribute('locale') ||
      pageSettings().locale ||
      host.closest('[lang]:not([lang=""])')?.getAttribute('lang') ||
      document.documentElement.lang ||
      navigator.language ||
      'en';
    this.locale = isValidLocale(tag) ? tag : 'en';
    this.language = matchLanguage(this.locale);
    const language = this.language;
    if (language === 'en') return;
    this.load(this.#catalog, language);
  }

  /** What else `ready()` waits for (a subclass's further catalogs). */
  protected extraPending(): (Promise<void> | undefined)[] {
    return [];
  }

  /** Loads one catalog's texts in `language` (once per page), then renders the element again. */
  protected load<C extends Texts>(catalog: Catalog<C>, language: Exclude<Language, 'en'>): void {
    const loaded = loadedOf(catalog);
    if (loaded.texts.has(language)) return;
    let loading = loaded.pending.get(language);
    if (!loading) {
      loading = catalog[language]().then(
        (module) => void loaded.texts.set(language, module.default),
        (error: unknown) => {
          loaded.pending.delete(language);
          console.error(`[kith] could not load the ${language} texts`, error);
        },
      );
      loaded.pending.set(language, loading);
    }
    void loading.then(() => this.#host.requestUpdate());
  }
}
