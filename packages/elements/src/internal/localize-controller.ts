import { commonTexts } from '../locales/common/catalog.js';
import type { CommonTexts } from '../locales/common/texts.js';
import type { Catalog, Language, Texts } from '../locales/translation.js';
import { pendingIn, textsIn, TextsController } from './texts-controller.js';

export { matchLanguage } from './texts-controller.js';

/** An element's texts and the texts every data element shares (Retry, why something could not be loaded), in one language. */
export class LocalizeController<T extends Texts> extends TextsController<T> {
  /** The shared texts, in the same language as `t`. */
  get common(): CommonTexts {
    return textsIn(commonTexts, this.language);
  }

  protected override load<C extends Texts>(catalog: Catalog<C>, language: Exclude<Language, 'en'>): void {
    super.load(catalog, language);
    if ((catalog as unknown) !== commonTexts) super.load(commonTexts, language);
  }

  protected override extraPending(): (Promise<void> | undefined)[] {
    return [pendingIn(commonTexts, this.language)];
  }
}
