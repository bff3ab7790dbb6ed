/**
 * The drop-in autoloader: one `<script type="module" src=".../kith.js">` on a plain page.
 * It imports an element's chunk only when its tag first appears in the document, so a
 * page pays for the widgets it shows, when it shows them.
 */
const loaders: Record<string, () => Promise<unknown>> = {
  'kith-provider': () => import('./provider/provider.js'),
  'kith-customer-card': () => import('./customer-card/customer-card.js'),
  'kith-loyalty-badge': () => import('./loyalty-badge/loyalty-badge.js'),
  'kith-timeline': () => import('./timeline/timeline.js'),
  'kith-pipeline': () => import('./pipeline/pipeline.js'),
  'kith-feedback': () => import('./feedback/feedback.js'),
  'kith-reviews': () => import('./reviews/reviews.js'),
  'kith-rating': () => import('./rating/rating.js'),
  'kith-feedback-inbox': () => import('./feedback-inbox/feedback-inbox.js'),
  'kith-survey-results': () => import('./survey-results/survey-results.js'),
};

const requested = new Set<string>();

/** Loads the chunk of one tag, once. */
function load(tag: string): void {
  const loader = loaders[tag];
  if (!loader || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loader().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`[kith] could not load <${tag}>`, error);
  });
}

/** Finds every not-yet-defined Kith tag under a root (the root itself included). */
function discover(root: Element | Document): void {
  if (root instanceof Element && root.localName.startsWith('kith-')) load(root.localName);
  for (const element of root.querySelectorAll(':not(:defined)')) {
    if (element.localName.startsWith('kith-')) load(element.localName);
  }
}

discover(document);
new MutationObserver((records) => {
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) discover(node);
  }
}).observe(document.documentElement, { childList: true, subtree: true });

// A page configures every element from a module: `import { Kith } from '…/kith.js'; Kith.configure({ … })`.
export { Kith } from './runtime.js';
