import { expect } from '@open-wc/testing';

/** An element with a `theme` property (every Kith element that reads from the API). */
interface Themed extends HTMLElement {
  theme?: 'light' | 'dark' | 'auto' | undefined;
  readonly updateComplete: Promise<boolean>;
}

/** axe in the light and in the dark theme, then the element's own theme again. */
export async function expectAccessible(el: Themed): Promise<void> {
  const own = el.theme;
  for (const theme of ['light', 'dark'] as const) {
    el.theme = theme;
    await el.updateComplete;
    await expect(el, `axe in the ${theme} theme`).to.be.accessible();
  }
  el.theme = own;
  await el.updateComplete;
}
