// The cases of `npm run bench:elements`, driven from Node through puppeteer. Timing happens in
// the pages (scripts/bench-elements/pages/measure.ts); these functions open tabs, call the
// pages' functions in order, check what they answered and collect the samples (ms).
import { call } from '../bench-sdk/browser.mjs';

/** The window every page gets: a laptop screen. */
const VIEWPORT = { width: 1280, height: 800 };

/**
 * `call` with a time limit: a page whose main thread is stuck (an endless update loop) answers
 * nothing, and puppeteer would wait minutes. The tab is closed by the caller's `finally`.
 */
async function ask(page, side, fn, ...args) {
  const limitMs = fn === 'loadMore' ? 120_000 : 60_000;
  let timer;
  const answer = call(page, side, fn, ...args);
  answer.catch(() => undefined);
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${side}.${fn}: no answer within ${limitMs / 1000} s (the page's main thread may be stuck)`)), limitMs);
  });
  try {
    return await Promise.race([answer, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function open(browser, path) {
  const page = await browser.open(path);
  await page.setViewport(VIEWPORT);
  return page;
}

/**
 * Every event of the customer's timeline as the API answers it (100 a page, newest first): the
 * plain list's data, read in Node so it does not depend on the element under test.
 */
export async function readTimeline(config) {
  const items = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
    const response = await fetch(`${config.apiUrl}/v1/customers/${config.customerId}/interactions?${query}`, { headers: { authorization: `Bearer ${config.token}` } });
    if (!response.ok) throw new Error(`GET interactions: ${response.status} ${await response.text()}`);
    const page = await response.json();
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

/**
 * The timeline with all its events: one tab, the element reads every page, then full updates,
 * scroll passes and live inserts. Checks it holds the same events as `events` (the API's list).
 */
export async function timelineLoaded({ browser, config, events, options, problems, log }) {
  const page = await open(browser, '/timeline.html');
  try {
    const first = await ask(page, 'timeline', 'firstRender', config);
    let progress = { items: first.items, calls: 0, ms: 0 };
    // In slices, so no single evaluate outlives puppeteer's protocol timeout on a slow element.
    while (progress.items < config.interactions) {
      const slice = await ask(page, 'timeline', 'loadMore', config, config.interactions, 20);
      progress = { ...slice, calls: progress.calls + slice.calls, ms: progress.ms + slice.ms, firstPage: first.items };
      log(`   timeline: ${slice.items.toLocaleString('en-US')} events read (${slice.api}), ${slice.articles.toLocaleString('en-US')} articles in the DOM`);
    }
    if (progress.items !== config.interactions) problems.push(`timeline: ${progress.items} items loaded where ${config.interactions} were expected`);
    const ids = await page.evaluate(() => globalThis.bench.sides.timeline.items().map((item) => item.id));
    if (ids.join() !== events.map((item) => item.id).join()) problems.push('timeline: the element holds other events than the API lists (order or ids differ)');
    const rerender = [];
    const scroll = [];
    for (let round = 0; round <= options.passes; round++) {
      const update = await ask(page, 'timeline', 'rerender');
      const pass = await ask(page, 'timeline', 'scroll', options.steps);
      // Round 0 warms up (first layout of the lower rows, compiled code) and is not counted.
      if (round === 0) continue;
      rerender.push(update);
      scroll.push(pass);
    }
    const live = [];
    for (let n = 0; n < options.inserts; n++) {
      try {
        live.push(await ask(page, 'timeline', 'liveInsert', config, n));
      } catch (error) {
        problems.push(`timeline live insert: ${error.message}`);
        break;
      }
    }
    return { load: progress, articlesLoaded: progress.articles, rerender, scroll, live };
  } finally {
    await page.close();
  }
}

/** The plain list with the same events: one tab, full updates and scroll passes. */
export async function plainLoaded({ browser, items, options, problems }) {
  const page = await open(browser, '/plain.html');
  try {
    await ask(page, 'plain', 'setItems', items);
    const first = await ask(page, 'plain', 'firstRender');
    if (first.articles !== items.length) problems.push(`plain list: ${first.articles} articles for ${items.length} events`);
    const rerender = [];
    const scroll = [];
    for (let round = 0; round <= options.passes; round++) {
      const update = await ask(page, 'plain', 'rerender');
      const pass = await ask(page, 'plain', 'scroll', options.steps);
      if (round === 0) continue;
      rerender.push(update);
      scroll.push(pass);
    }
    return { first, rerender, scroll };
  } finally {
    await page.close();
  }
}

/**
 * First renders on new tabs, the timeline and the plain list in turn (the order swapped every
 * round, so drift on a shared machine falls on both); round 0 is not counted.
 */
export async function firstRenders({ browser, config, items, options, problems }) {
  const timeline = [];
  const plain = [];
  for (let round = 0; round <= options.rounds; round++) {
    const sides = round % 2 ? ['plain', 'timeline'] : ['timeline', 'plain'];
    for (const side of sides) {
      const page = await open(browser, side === 'plain' ? '/plain.html' : '/timeline.html');
      try {
        let result;
        if (side === 'plain') {
          await ask(page, 'plain', 'setItems', items);
          result = await ask(page, 'plain', 'firstRender');
          if (result.articles !== items.length) problems.push(`plain list: ${result.articles} articles for ${items.length} events`);
        } else {
          result = await ask(page, 'timeline', 'firstRender', config);
          if (result.articles === 0) problems.push(`timeline: no article on the first render (status ${result.status})`);
          await ask(page, 'timeline', 'close');
        }
        if (round > 0) (side === 'plain' ? plain : timeline).push(result);
      } finally {
        await page.close();
      }
    }
  }
  return { timeline, plain };
}

/**
 * The pipeline: first renders on new tabs, then keyboard drops in the last one (Space lifts the
 * focused card, ArrowRight moves it a column on, Space drops: timed from that keydown).
 */
export async function pipeline({ browser, config, options, problems, log }) {
  const first = [];
  const drops = [];
  let lastFirst;
  for (let round = 0; round <= options.rounds; round++) {
    const page = await open(browser, '/pipeline.html');
    const keep = round === options.rounds;
    try {
      const result = await ask(page, 'pipeline', 'firstRender', config);
      lastFirst = result;
      if (result.cards === 0) problems.push('pipeline: no card found on the board');
      if (result.counted !== null && result.counted !== config.opportunities) problems.push(`pipeline: the columns count ${result.counted} deals where ${config.opportunities} were seeded`);
      if (round > 0) first.push(result);
      if (!keep) continue;
      log(`   pipeline: ${result.columns} columns, ${result.cards} cards in the DOM, ${result.counted ?? '?'} deals in the column counts; requests: ${summariseRequests(result.requests)}`);
      let moved = 0;
      for (let n = 0; n <= options.drops; n++) {
        const card = await ask(page, 'pipeline', 'focusCard');
        if (!card.focused) {
          problems.push(`pipeline: the card ${card.id} did not take focus`);
          break;
        }
        await page.keyboard.press('Space');
        await ask(page, 'pipeline', 'nextPaint');
        await page.keyboard.press('ArrowRight');
        await ask(page, 'pipeline', 'nextPaint');
        await ask(page, 'pipeline', 'armDrop');
        await page.keyboard.press('Space');
        const ms = await ask(page, 'pipeline', 'dropped');
        const after = await ask(page, 'pipeline', 'quiet', moved);
        if (after.moves <= moved) {
          problems.push(`pipeline: drop ${n} fired no kith-opportunity-move event (card ${card.id})`);
          break;
        }
        moved = after.moves;
        // The first drop warms up and is not counted.
        if (n > 0) drops.push(ms);
      }
    } finally {
      await page.close();
    }
  }
  return { first, drops, last: lastFirst };
}

/** "GET /v1/pipelines/:id ×1, GET …/opportunities ×4" from a list of request paths. */
function summariseRequests(paths) {
  const counts = new Map();
  for (const path of paths) {
    const short = path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  return [...counts].map(([path, n]) => `${path} ×${n}`).join(', ');
}
