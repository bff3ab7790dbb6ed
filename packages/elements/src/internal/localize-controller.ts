import type { ReactiveController, ReactiveControllerHost } from 'lit';
import en from '../locales/en.js';
import type { Language, Translation } from '../locales/translation.js';
import { pageSettings } from './page-settings.js';

// English ships with every element; the Chinese texts load on first use (design: "Size").
const loaded = new Map<Language, Translation>([['en', en]]);
const loaders: Record<Exclude<Language, 'en'>, () => Promise<{ default: Translation }>> = {
  'zh-Hans': () => import('../locales/zh-hans.js'),
  'zh-Hant': () => import('../locales/zh-hant.js'),
};
const pending = new Map<Language, Promise<void>>();

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
 * the nearest `lang`, the page's, the browser's) and gives it the matching translation, loading it
 * on demand.
 */
export class LocalizeController implements ReactiveController {
  /** The locale for Intl formatting, e.g. `zh-Hant-TW`. */
  locale = 'en';
  /** The shipped language whose texts are shown. */
  language: Language = 'en';
  readonly #host: LocalizedHost;

  constructor(host: LocalizedHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The translation to render with (English until the wanted one has loaded). */
  get t(): Translation {
    return loaded.get(this.language) ?? en;
  }

  hostConnected(): void {
    this.#resolve();
  }

  hostUpdate(): void {
    this.#resolve();
  }

  /** Resolves once the current language's texts are available (tests await it). */
  async ready(): Promise<void> {
    await pending.get(this.language);
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
    if (language === 'en' || loaded.has(language)) return;
    let loading = pending.get(language);
    if (!loading) {
      loading = loaders[language]().then(
        (module) => void loaded.set(language, module.default),
        (error: unknown) => {
          pending.delete(language);
          console.error(`[kith] could not load the ${language} texts`, error);
        },
      );
      pending.set(language, loading);
    }
    void loading.then(() => host.requestUpdate());
  }
}
