// Stars and bars filled to a share: the summary's, and each review's (the list asks the element's
// `listStars`: it imports nothing of the element's chunk, see `ReviewsForList`). The share travels
// in `data-fill` and is set as `--fill` through the CSSOM after each render (`applyFills`): no
// inline style attribute, which a page's CSP without 'unsafe-inline' styles would refuse.
import { html, type TemplateResult } from 'lit';
import { share } from './reviews.model.js';

/** Five stars filled to `value` of 5, spoken as `label` (`role="img"`). */
export const stars = (value: number, label: string): TemplateResult =>
  html`<span class="stars" part="stars" role="img" aria-label=${label}><span class="stars-fill" data-fill=${share(value, 5)}></span></span>`;

/** Sets `--fill` on every element of `root` that carries a `data-fill` share. */
export function applyFills(root: ParentNode): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-fill]')) el.style.setProperty('--fill', el.dataset['fill'] ?? '0');
}
