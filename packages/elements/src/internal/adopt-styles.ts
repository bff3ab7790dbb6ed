import type { CSSResult } from 'lit';

/**
 * Adds a lazy part's styles to its element's shadow root, after the element's own (a card's
 * details, a full badge's): the part's chunk carries them, so a page that never shows the part
 * never loads them.
 */
export function adoptLazyStyles(root: HTMLElement | DocumentFragment, styles: CSSResult, name: string): void {
  const sheet = styles.styleSheet;
  if (root instanceof ShadowRoot && sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (!root.querySelector(`style[data-kith="${name}"]`)) {
    // No constructable style sheets: a <style> element, as Lit itself falls back to.
    const style = document.createElement('style');
    style.dataset['kith'] = name;
    style.textContent = styles.cssText;
    root.append(style);
  }
}
