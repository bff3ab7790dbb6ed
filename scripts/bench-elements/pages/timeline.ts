// `<kith-timeline>` in `npm run bench:elements`: the real element with a real SDK core against
// the in-process server. Each exported function is one measurement, called from Node.
import type { Interaction } from '@kith/schema';
import { createCore, type KithCore } from '@kith/sdk';
import '../../../packages/elements/src/timeline/timeline.js';
import type { KithTimeline } from '../../../packages/elements/src/timeline/timeline.component.js';
import { expose } from '../../bench-sdk/pages/harness.js';
import { findScroller, nextPaint, recordingFetch, scrollPass, settled, whenTrue, type ElementsConfig } from './measure.js';

/** The element's public `loadMore()` once it has one; before that its private "Show more". */
function nextPage(el: KithTimeline): { api: string; read: () => Promise<void> } {
  const { loadMore, showMore } = el as unknown as { loadMore?: () => Promise<void>; showMore?: () => Promise<void> };
  if (typeof loadMore === 'function') return { api: 'loadMore()', read: () => loadMore.call(el) };
  if (typeof showMore === 'function') return { api: 'showMore() (private; no loadMore yet)', read: () => showMore.call(el) };
  throw new Error('<kith-timeline> has neither loadMore() nor showMore()');
}

let element: KithTimeline | undefined;
let core: KithCore | undefined;
let arrivals: ReturnType<typeof recordingFetch> | undefined;

const articles = (el: Element) => el.shadowRoot?.querySelectorAll('article').length ?? 0;

/** A fresh core (an empty memory cache) and a new element, connected at `connected`. */
function connect(config: ElementsConfig): { el: KithTimeline; connected: number } {
  arrivals = recordingFetch();
  core = createCore({ baseUrl: config.apiUrl, key: config.publishableKey, token: () => config.token, cache: false, fetch: arrivals.fetch });
  const el = document.createElement('kith-timeline') as KithTimeline;
  el.client = core;
  el.customerId = config.customerId;
  el.locale = 'en';
  element = el;
  const connected = performance.now();
  document.body.append(el);
  return { el, connected };
}

expose('timeline', {
  /**
   * Connect → the first page on screen: the element connected (a fresh core, nothing cached),
   * its first article in the DOM, the frame after painted. `render`: from the first page's
   * answer being whole in the page (JSON read, before the SDK parses it) to that paint.
   */
  async firstRender(config: ElementsConfig) {
    const { el, connected } = connect(config);
    const inDom = await whenTrue('the first article', el.shadowRoot ?? el, () => articles(el) > 0);
    await settled(el);
    const painted = await nextPaint();
    const answer = arrivals?.arrivals.find((a) => a.path.endsWith('/interactions'));
    return {
      ms: painted - connected,
      render: answer ? painted - answer.at : null,
      dom: inDom - connected,
      items: el.items.length,
      articles: articles(el),
      status: el.status,
    };
  },

  /**
   * Reads pages (`loadMore()`, 100 a page once the element has it) until `total` items or
   * `calls` reads, whichever comes first; the Node side calls it again until `total`.
   */
  async loadMore(config: ElementsConfig, total: number, calls: number) {
    const el = element ?? connect(config).el;
    await whenTrue('the first page', el.shadowRoot ?? el, () => el.items.length > 0);
    const started = performance.now();
    const { api, read } = nextPage(el);
    let made = 0;
    while (el.items.length < total && made < calls) {
      const before = el.items.length;
      await read();
      made++;
      if (el.items.length === before) throw new Error(`${api} read nothing more at ${before} of ${total} items`);
    }
    await settled(el);
    await nextPaint();
    return { ms: performance.now() - started, calls: made, api, items: el.items.length, articles: articles(el), firstPage: el.page?.items.length ?? 0 };
  },

  /** The items the element holds, for the plain list (the same events). */
  items(): readonly Interaction[] {
    return element?.items ?? [];
  },

  /** A full update with everything loaded: requestUpdate() → the frame after painted. */
  async rerender() {
    const el = element;
    if (!el) throw new Error('loadAll first');
    await nextPaint();
    const started = performance.now();
    el.requestUpdate();
    await settled(el);
    const painted = await nextPaint();
    return { ms: painted - started, items: el.items.length, articles: articles(el) };
  },

  /** A scripted scroll from the top to the bottom (see `scrollPass`). */
  scroll(steps: number) {
    if (!element) throw new Error('loadAll first');
    return scrollPass(element, steps);
  },

  /**
   * A live insert with everything loaded: an interaction created through the API (plain fetch,
   * as another user's browser would) → its article in this element's DOM → the frame after
   * painted. The path: POST, the server's event, the live stream, the SDK's refetch, the render.
   */
  async liveInsert(config: ElementsConfig, n: number) {
    const el = element;
    if (!el) throw new Error('loadAll first');
    findScroller(el).element.scrollTop = 0;
    await nextPaint();
    const started = performance.now();
    const response = await fetch(`${config.apiUrl}/v1/customers/${config.customerId}/interactions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'phone', type: 'call', direction: 'inbound', phase: 'after_sale', summary: `Benchmark live call ${n}` }),
    });
    if (!response.ok) throw new Error(`POST interaction: ${response.status} ${await response.text()}`);
    const { id } = (await response.json()) as { id: string };
    const created = performance.now();
    await whenTrue('the inserted article', el.shadowRoot ?? el, () => el.shadowRoot?.querySelector(`[data-id="${id}"], [data-key="${id}"]`) != null, 10_000);
    await settled(el);
    const painted = await nextPaint();
    return { ms: painted - started, afterPost: painted - created, items: el.items.length };
  },

  close() {
    element?.remove();
    core?.close();
  },
});
