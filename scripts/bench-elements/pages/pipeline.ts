// `<kith-pipeline>` in `npm run bench:elements`: the real element with a real SDK core against
// the in-process server, a pipeline of 2,000 opportunities. Written against the issue's
// description of the element (cards lifted, moved and dropped by keyboard; a typed
// `kith-opportunity-move` event per move), so it asks the DOM as little as it can. The element's
// own module is the page's first script (bench-elements.mjs bundles it beside this one), so this
// file type-checks before the element exists.
import { createCore, type KithCore } from '@kith/sdk';
import { expose } from '../../bench-sdk/pages/harness.js';
import { nextPaint, recordingFetch, settled, whenTrue, type ElementsConfig } from './measure.js';

type Pipeline = HTMLElement & { client?: KithCore; pipelineId?: string; locale?: string; updateComplete?: Promise<boolean> };

/** What a card and a column may look like: the part the elements use first, then roles. */
const CARD = ['[part~="card"]', '[role="option"][data-id], [role="listitem"][data-id], [data-opportunity-id], article[data-id]'];
const COLUMN = ['[part~="column"]', '[role="listbox"], [role="list"]'];

let element: Pipeline | undefined;
let core: KithCore | undefined;
let recorder: ReturnType<typeof recordingFetch> | undefined;
let moves = 0;

/** Every element in `root` and in the shadow roots below it that matches `selector`. */
function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

/** The matches of the first of `selectors` that matches anything. */
function deepFirst(root: ParentNode, selectors: readonly string[]): HTMLElement[] {
  for (const selector of selectors) {
    const found = deepAll(root, selector);
    if (found.length > 0) return found;
  }
  return [];
}

const cards = (el: Pipeline) => deepFirst(el.shadowRoot ?? el, CARD);
const columns = (el: Pipeline) => deepFirst(el.shadowRoot ?? el, COLUMN);

/** The id a card stands for (on the card, or on the list slot holding it). */
const idOf = (card: HTMLElement) => card.closest<HTMLElement>('[data-id], [data-opportunity-id], [data-key]')?.dataset.id ?? card.closest<HTMLElement>('[data-key]')?.dataset.key ?? card.id;

/** Where a card takes the keyboard: a focusable move handle, else the card itself, else its first button. */
const handleOf = (card: HTMLElement) =>
  [card.querySelector<HTMLElement>('[part~="card-handle"]'), card, card.querySelector<HTMLElement>('button')].find((el) => el && el.tabIndex >= 0) ?? card;

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The last answer of the board's data (its last page of opportunities, and the pipeline's totals). */
function boardArrived(): number | undefined {
  const answers = recorder?.arrivals ?? [];
  const lastPage = answers.find((a) => a.path.endsWith('/opportunities') && a.next === null);
  if (!lastPage) return undefined;
  const totals = answers.filter((a) => /\/v1\/pipelines\/[^/]+$/.test(a.path)).map((a) => a.at);
  return Math.max(lastPage.at, ...totals);
}

let armed: ((ms: number) => void) | undefined;
let drop: Promise<number> | undefined;
// The drop's clock starts at the key's own timestamp (when the browser received it), in the
// capture phase, before the element's handler runs.
addEventListener(
  'keydown',
  (event) => {
    if (!armed || (event.key !== ' ' && event.key !== 'Enter')) return;
    const done = armed;
    armed = undefined;
    const pressed = event.timeStamp;
    void (async () => {
      if (element) await settled(element);
      done((await nextPaint()) - pressed);
    })();
  },
  { capture: true },
);

expose('pipeline', {
  /**
   * Connect → the board painted with all its data: the element connected (a fresh core), the
   * last page of opportunities answered, its update done, cards in the DOM, the frame after
   * painted. `render`: from that last answer being whole in the page to the paint.
   */
  async firstRender(config: ElementsConfig) {
    recorder = recordingFetch();
    core = createCore({ baseUrl: config.apiUrl, key: config.publishableKey, token: () => config.token, cache: false, fetch: recorder.fetch });
    await customElements.whenDefined('kith-pipeline');
    const el = document.createElement('kith-pipeline') as Pipeline;
    el.client = core;
    el.pipelineId = config.pipelineId;
    el.locale = 'en';
    el.addEventListener('kith-opportunity-move', () => moves++);
    element = el;
    const connected = performance.now();
    document.body.append(el);
    await whenTrue('the last page of opportunities', document, () => boardArrived() !== undefined, 30_000);
    await whenTrue('a card on the board', el.shadowRoot ?? el, () => cards(el).length > 0, 10_000);
    await settled(el);
    const painted = await nextPaint();
    const arrived = boardArrived() ?? painted;
    // The columns' counts, when the element shows them as parts: they must add up to every deal.
    const counts = deepAll(el.shadowRoot ?? el, '[part~="total-count"]').map((dd) => Number((dd.textContent ?? '').replace(/\D/g, '')));
    return {
      ms: painted - connected,
      render: painted - arrived,
      counted: counts.length > 0 ? counts.reduce((sum, n) => sum + n, 0) : null,
      requests: recorder.arrivals.map((a) => a.path),
      cards: cards(el).length,
      columns: columns(el).length,
    };
  },

  /**
   * Focuses the first card of the first column with a column to its right; returns its id (the
   * Node side then presses Space, ArrowRight, and Space again — the timed drop).
   */
  async focusCard() {
    const el = element;
    if (!el) throw new Error('firstRender first');
    const all = columns(el);
    for (const column of all.slice(0, -1)) {
      const card = deepFirst(column, CARD)[0];
      if (!card) continue;
      const handle = handleOf(card);
      handle.focus();
      await nextPaint();
      return { id: idOf(card), focused: deepActive() === handle };
    }
    throw new Error(`no card to move (${all.length} columns, ${cards(el).length} cards found)`);
  },

  /** The next Space/Enter keydown is the drop; `dropped()` then answers keydown → the frame after painted. */
  armDrop(): void {
    drop = new Promise((resolve) => (armed = resolve));
  },

  dropped(): Promise<number> {
    if (!drop) throw new Error('armDrop first');
    return drop;
  },

  /** Waits for the move's event (after `before` of them) and its write answered (no POST out), then a painted frame. */
  async quiet(before: number) {
    const el = element;
    if (!el) throw new Error('firstRender first');
    await whenTrue('the kith-opportunity-move event', document, () => moves > before, 10_000).catch(() => undefined);
    await whenTrue('the move written', document, () => (recorder?.pending().POST ?? 0) === 0, 10_000);
    await settled(el);
    await nextPaint();
    return { moves, pending: recorder?.pending() };
  },

  nextPaint,
});
