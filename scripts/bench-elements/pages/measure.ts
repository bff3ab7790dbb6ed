// In-page timing for `npm run bench:elements`: when a frame has been painted, when the data an
// element reads arrived, and what a scripted scroll costs (long tasks and frame gaps). All
// timing uses performance.now() in the page; the Node script only collects the numbers.

/** What the Node script hands every page. */
export interface ElementsConfig {
  apiUrl: string;
  publishableKey: string;
  /** A staff token: customers:read, interactions:write, opportunities:read, opportunities:write. */
  token: string;
  customerId: string;
  pipelineId: string;
  /** Events on the customer's timeline (10,000). */
  interactions: number;
  /** Opportunities in the pipeline (2,000). */
  opportunities: number;
}

/**
 * Resolves just after the next frame is painted: a rAF callback runs before the frame's style,
 * layout and paint; a message posted from it is delivered after them.
 */
export function nextPaint(): Promise<number> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    });
  });
}

/**
 * Resolves with the time `check` first answers true: checked now, then after every DOM change
 * under `root` (its subtree, not nested shadow roots), and every frame (for changes made
 * elsewhere). Rejects after `timeoutMs`.
 */
export function whenTrue(what: string, root: Node, check: () => boolean, timeoutMs = 30_000): Promise<number> {
  if (check()) return Promise.resolve(performance.now());
  return new Promise((resolve, reject) => {
    let done = false;
    let frame = 0;
    const finish = (settle: () => void) => {
      if (done) return;
      done = true;
      observer.disconnect();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      settle();
    };
    const test = () => {
      if (check()) {
        const at = performance.now();
        finish(() => resolve(at));
      }
    };
    const observer = new MutationObserver(test);
    observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const poll = () => {
      test();
      if (!done) frame = requestAnimationFrame(poll);
    };
    frame = requestAnimationFrame(poll);
    const timer = setTimeout(() => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
  });
}

/** Waits until a Lit element has no update pending (its children's own updates included when they are Lit too). */
export async function settled(element: Element): Promise<void> {
  const lit = element as Element & { updateComplete?: Promise<boolean> };
  for (let i = 0; i < 50; i++) {
    if (!lit.updateComplete || (await lit.updateComplete)) return;
  }
}

/** One response the page's fetch saw: its path and when its body had arrived whole. */
export interface Arrival {
  path: string;
  at: number;
  /** The answer's `next` cursor when it is a page (null on the last page). */
  next?: string | null;
}

/**
 * A fetch for the SDK that reads each JSON answer whole before handing it on, and notes when it
 * arrived: so "data arrived" is a moment the page can subtract from "painted". Streams (the
 * live events) pass through untouched. `pending` counts requests still out, by method.
 */
export function recordingFetch(): { fetch: typeof fetch; arrivals: Arrival[]; pending: () => Record<string, number> } {
  const arrivals: Arrival[] = [];
  const pending: Record<string, number> = {};
  const recorded: typeof fetch = async (input, init) => {
    const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
    pending[method] = (pending[method] ?? 0) + 1;
    try {
      const response = await globalThis.fetch(input, init);
      if (!(response.headers.get('content-type') ?? '').includes('json')) return response;
      const text = await response.text();
      const at = performance.now();
      const url = new URL(response.url);
      let next: string | null | undefined;
      try {
        const body = JSON.parse(text) as { next?: string | null };
        if (body && typeof body === 'object' && 'next' in body) next = body.next ?? null;
      } catch {
        // not JSON after all: the SDK will say so
      }
      arrivals.push({ path: `${method} ${url.pathname}`, at, ...(next !== undefined ? { next } : {}) });
      return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
    } finally {
      pending[method] = (pending[method] ?? 1) - 1;
    }
  };
  return { fetch: recorded, arrivals, pending: () => ({ ...pending }) };
}

/**
 * The element that scrolls the content of `host`: its `[part~="feed"]` when that scrolls (a
 * virtualised feed), else any scrolling element in its shadow root, the host itself, or the page.
 */
export function findScroller(host: HTMLElement): { element: HTMLElement; name: string } {
  const scrolls = (el: Element | null): el is HTMLElement => {
    if (!(el instanceof HTMLElement) || el.scrollHeight <= el.clientHeight + 1) return false;
    const overflow = getComputedStyle(el).overflowY;
    return overflow === 'auto' || overflow === 'scroll';
  };
  const root = host.shadowRoot;
  const feed = root?.querySelector('[part~="feed"]') ?? null;
  if (scrolls(feed)) return { element: feed, name: '[part~="feed"] (in the shadow root)' };
  const inner = root ? [...root.querySelectorAll('*')].find(scrolls) : undefined;
  if (inner) return { element: inner, name: `<${inner.localName}${inner.getAttribute('part') ? ` part="${inner.getAttribute('part')}"` : ''}> (in the shadow root)` };
  if (scrolls(host)) return { element: host, name: `<${host.localName}> itself` };
  return { element: document.scrollingElement as HTMLElement, name: 'the page (document.scrollingElement)' };
}

/** What one scripted scroll from top to bottom cost. */
export interface ScrollPass {
  /** The longest long task (PerformanceObserver `longtask`, ≥ 50 ms), 0 when there was none. */
  longestTask: number;
  longTasks: number;
  /** Sum of the long tasks' time. */
  longTaskMs: number;
  /** The longest time between two animation frames (rAF timestamps), the fallback measure. */
  maxFrameGap: number;
  frames: number;
  ms: number;
  /** The scroller's height and how far it scrolled. */
  viewport: number;
  distance: number;
  scroller: string;
}

/**
 * Scrolls `host`'s scroller from the top to the bottom in `steps` equal jumps, one per frame
 * (each jump lands a screen or more further: the hardest case for a virtualiser, fresh rows
 * every frame), and reports the longest task and the longest frame gap meanwhile.
 */
export async function scrollPass(host: HTMLElement, steps: number): Promise<ScrollPass> {
  const { element, name } = findScroller(host);
  element.scrollTop = 0;
  await nextPaint();
  await nextPaint();
  const tasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const viewport = element.clientHeight;
  const start = performance.now();
  let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
  let maxFrameGap = 0;
  let frames = 0;
  for (let i = 1; i <= steps; i++) {
    // The content may grow or shrink as rows are measured: aim at the bottom as it is now.
    const bottom = element.scrollHeight - element.clientHeight;
    element.scrollTop = Math.round((bottom * i) / steps);
    const at = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
    maxFrameGap = Math.max(maxFrameGap, at - last);
    last = at;
    frames++;
  }
  // Bottom reached (a feed that grows at the end would keep going: stop here).
  await nextPaint();
  const ms = performance.now() - start;
  // Long tasks are reported after they end: give the observer a turn.
  await new Promise((resolve) => setTimeout(resolve, 50));
  tasks.push(...observer.takeRecords());
  observer.disconnect();
  const inPass = tasks.filter((t) => t.startTime >= start - 1);
  return {
    longestTask: Math.max(0, ...inPass.map((t) => t.duration)),
    longTasks: inPass.length,
    longTaskMs: inPass.reduce((sum, t) => sum + t.duration, 0),
    maxFrameGap,
    frames,
    ms,
    viewport,
    distance: element.scrollTop,
    scroller: name,
  };
}

/** Waits `ms`. */
export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
