// Finding an element's insides from a story's `play`: the Kith elements render in shadow roots.
import { waitFor } from 'storybook/test';

/** The first element matching `selector` under `root`, looking inside shadow roots too. */
export function deepQuery(root: Element | ShadowRoot, selector: string): Element | null {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot && deepQuery(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return null;
}

/** Waits until `selector` matches under `root` (shadow roots included); `what` names it when it never does. */
export function findDeep<E extends Element = HTMLElement>(root: Element, selector: string, what: string, timeout = 5000): Promise<E> {
  return waitFor(
    () => {
      const found = deepQuery(root, selector);
      if (!found) throw new Error(`the story shows no ${what}`);
      return found as E;
    },
    { timeout },
  );
}
