// `npm run bench:main-thread`: what Kith costs a shop's main thread — issue #10's "product page main
// thread" target (no more long-task time with Kith than without it + 50 ms, under 4× CPU throttling).
// One product page (bench/main-thread/) is served twice from a "shop" origin on loopback: plain, and
// with the drop-in as a shop adds it (a `#kith-settings` data block, kith.js from the Kith server's
// origin, <kith-rating>, <kith-reviews structured-data>, <kith-feedback kind="review">). The Kith
// server is the BUILT one (@kith/server's dist, PGlite in memory, demo data), in this process, serving
// the built drop-in at /drop-in/ with `Cache-Control: max-age=600` as a CDN would.
//
// Each load: a new browser context (its own HTTP cache, IndexedDB, code cache), CPU throttled 4× (CDP
// Emulation.setCPUThrottlingRate), a PerformanceObserver for 'longtask' (buffered) installed before
// the page's first script; load, scroll the reviews' section to the top of the viewport (Kith's
// elements read their data when they near it), wait until the shop script is done and, on the Kith page, every Kith element shows
// its data (status ready or empty, the form's fields drawn), then a fixed settle time; then the long
// tasks are summed. Two modes: cold (a first visit: cache disabled, nothing stored) and warm (a
// returning visitor: the same page loaded once before in the same context, unmeasured, so HTTP cache,
// code cache and Kith's IndexedDB are warm). The pages alternate within each round.
//
// Prints medians and spread, the difference, and the target; never fails on a timing. Exits 1 only
// when the run broke (a page error, an element in an error state, a timeout): its figures are void.
// Options: --rounds N (loads per page and mode, default 6), --mode cold|warm|both (default both),
// --settle MS (after ready, default 1000), --throttle N (default 4), --json FILE. CHROME_PATH
// overrides /usr/bin/chromium. Builds the packages first when packages/elements/dist/drop-in is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import puppeteer from 'puppeteer-core';
import { benchOptions } from './bench/options.mjs';
import { table } from './bench/report.mjs';
import { figure, summarise } from './bench-sdk/stats.mjs';

const { values, number } = benchOptions(
  {
    rounds: { type: 'string', default: '6' },
    mode: { type: 'string', default: 'both' },
    settle: { type: 'string', default: '1000' },
    throttle: { type: 'string', default: '4' },
    json: { type: 'string' },
  },
  'usage: npm run bench:main-thread -- [--rounds N] [--mode cold|warm|both] [--settle MS] [--throttle N] [--json FILE]',
);
if (!['cold', 'warm', 'both'].includes(values.mode)) {
  console.error(`--mode must be cold, warm or both, got ${values.mode}`);
  process.exit(2);
}
const options = {
  rounds: Math.round(number('rounds', 1)),
  modes: values.mode === 'both' ? ['cold', 'warm'] : [values.mode],
  settle: Math.round(number('settle', 0)),
  throttle: number('throttle', 1),
};
const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const DROP_IN = 'packages/elements/dist/drop-in';
const PAGES = 'bench/main-thread';
/** Past this, a long task's time counts as blocking (Total Blocking Time's definition). */
const BLOCKING_FROM = 50;
/** The target: with Kith ≤ without + this, long-task time under 4× throttling (benchmarks.md). */
const BUDGET = 50;
const LOAD_TIMEOUT = 60_000;

const started = performance.now();
/** What makes a run's figures void, said loudly at the end. */
const problems = [];
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const report = { options, machine: { node: process.version, cpus: cpus().length, loadavgStart: loadavg() }, samples: [] };

console.log(`Kith main thread: one product page plain and with the drop-in (rating, reviews, review form), ${options.throttle}× CPU throttling, headless Chromium, built server on loopback`);
console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${load()} at start`);

// ---- the built packages: the drop-in and the server's dist.
if (!existsSync(`${DROP_IN}/kith.js`) || !existsSync('packages/server/dist/index.js')) {
  console.log('no build found: running node scripts/build.mjs');
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('✗ the build failed');
    process.exit(1);
  }
} else {
  const built = statSync(`${DROP_IN}/kith.js`).mtimeMs;
  const newer = spawnSync('find', ['packages/elements/src', 'packages/sdk/src', '-newer', `${DROP_IN}/kith.js`, '-name', '*.ts', '-print', '-quit'], { encoding: 'utf8' });
  if (newer.stdout?.trim()) console.log(`note: the drop-in was built ${new Date(built).toISOString()}, before a source change (${newer.stdout.trim()}): run npm run build for today's figures`);
}
// Imported after the build: start.mjs's way, the package's dist.
const { startServer } = await import('@kith/server');
const { serveStatic: honoStatic } = await import('@hono/node-server/serve-static');

// ---- the shop's origin (started first: the demo key must allow it).
const template = readFileSync(`${PAGES}/product.html`, 'utf8');
const assets = {
  '/shop.js': { type: 'text/javascript', body: readFileSync(`${PAGES}/shop.js`, 'utf8') },
  '/shop.css': { type: 'text/css', body: readFileSync(`${PAGES}/shop.css`, 'utf8') },
};
/** path → file; the two pages are added once the Kith server's URL and key are known. */
const files = new Map(Object.entries(assets));
const shop = createServer((request, response) => {
  const path = new URL(request.url ?? '/', 'http://x').pathname;
  const file = files.get(path);
  if (path === '/favicon.ico') return void response.writeHead(204).end();
  if (!file) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  // The shop's own files are cacheable like any deployed theme: a warm visit is warm on both pages.
  response.writeHead(200, { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': 'max-age=600' }).end(file.body);
});
await new Promise((resolve, reject) => {
  shop.once('error', reject);
  shop.listen(0, '127.0.0.1', resolve);
});
const shopOrigin = `http://127.0.0.1:${shop.address().port}`;

const server = await startServer({
  port: 0,
  dataDir: 'memory',
  log: () => undefined,
  demoOrigins: [shopOrigin],
  mount(app) {
    app.use('/drop-in/*', async (c, next) => {
      await next();
      if (c.res.ok) c.res.headers.set('Cache-Control', 'public, max-age=600');
    });
    app.use('/drop-in/*', honoStatic({ root: `./${DROP_IN}`, rewriteRequestPath: (path) => path.slice('/drop-in'.length) || '/' }));
  },
});
const demo = server.demo;
if (!demo) throw new Error('the in-memory server seeded no demo');
const kithUrl = server.url.replace('127.0.0.1', 'localhost');
const sku = demo.sampleProductSku;
// Text only: the SKU and key are the demo's, yet a page is built safely all the same.
const escape = (text) => String(text).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
const settings = JSON.stringify({ baseUrl: kithUrl, key: demo.publishableKey }).replace(/</g, '\\u003c');
const slots = {
  head: `<script type="application/json" id="kith-settings">${settings}</script>\n  <script type="module" src="${kithUrl}/drop-in/kith.js"></script>`,
  rating: `<kith-rating product="${escape(sku)}"></kith-rating>`,
  reviews: `<kith-reviews product="${escape(sku)}" product-name="Trail Runner 2" structured-data></kith-reviews>`,
  form: `<kith-feedback kind="review" product="${escape(sku)}"></kith-feedback>`,
};
const fill = (withKith) => template.replace(/<!-- kith:(\w+) -->/g, (_, slot) => (withKith ? (slots[slot] ?? '') : ''));
files.set('/plain.html', { type: 'text/html', body: fill(false) });
files.set('/kith.html', { type: 'text/html', body: fill(true) });
console.log(`server ${kithUrl} (${server.database}, built dist, in process); shop pages on ${shopOrigin}; product ${sku}`);

// ---- in the page: long tasks from before the first script (buffered catches the earliest ones).
const observe = () => {
  const tasks = [];
  globalThis.__mainThread = { tasks };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
};
/** True when the page is done: the shop script ran and, with Kith, every element shows its data. */
const isReady = () => {
  if (!('shopReady' in document.documentElement.dataset)) return false;
  const tags = ['kith-rating', 'kith-reviews', 'kith-feedback'];
  const elements = tags.map((tag) => document.querySelector(tag)).filter(Boolean);
  if (elements.length === 0) return true; // the plain page
  const done = (status) => status === 'ready' || status === 'empty';
  const broken = (status) => ['error', 'not_found', 'not_authorized', 'offline', 'stale'].includes(status);
  const [rating, reviews, form] = elements;
  const states = [rating?.status, reviews?.status];
  // A broken state ends the wait too; the bench reports it (its figures are void).
  if (states.some(broken) && customElements.get('kith-rating') && customElements.get('kith-reviews')) return `broken: ${states.join(', ')}`;
  return states.every(done) && form?.shadowRoot?.querySelector('fieldset legend') != null;
};

/** The page's state in a line, when it never got ready. */
const describe = () => {
  const shopDone = 'shopReady' in document.documentElement.dataset;
  const tags = ['kith-rating', 'kith-reviews', 'kith-feedback'].map((tag) => {
    const element = document.querySelector(tag);
    if (!element) return undefined;
    const text = element.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 60) ?? 'no shadow root';
    // The reviews' two reads apart (summary, list) and where the element is: its reads start near the viewport.
    const reads = element.aggregate && element.list ? ` (summary ${element.aggregate.status}, list ${element.list.status})` : '';
    const box = element.getBoundingClientRect();
    return `${tag} ${customElements.get(tag) ? 'defined' : 'undefined'}, status ${element.status}${reads}, at y ${Math.round(box.top)}–${Math.round(box.bottom)} of ${innerHeight}, "${text}"`;
  });
  return `shop script ${shopDone ? 'done' : 'not done'}; ${tags.filter(Boolean).join('; ') || 'no Kith element'}`;
};

const browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: ARGS });
report.machine.browser = await browser.version();
console.log(`browser: ${report.machine.browser} (${CHROME_PATH}); ${options.rounds} round(s) × ${options.modes.join(' + ')}, settle ${options.settle} ms`);

/** One page load in `context`; measured when `measure`, else a warm-up. */
async function visit(context, side, { cold, measure }) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
  });
  try {
    const cdp = await page.createCDPSession();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.throttle });
    await page.setCacheEnabled(!cold);
    await page.evaluateOnNewDocument(observe);
    const response = await page.goto(`${shopOrigin}/${side}.html`, { waitUntil: 'load', timeout: LOAD_TIMEOUT });
    if (!response?.ok()) throw new Error(`${side}.html: ${response?.status()}`);
    // As a shopper reading the reviews: their section's top at the viewport's top (kept there while
    // the page grows below it), so the lazy reads start and the form below is near. Same on both pages.
    await page.evaluate(() => document.querySelector('section.reviews')?.scrollIntoView({ block: 'start' }));
    // Polled on a timer, not every frame: the wait must not add main-thread work of its own.
    const answer = await page
      .waitForFunction(isReady, { polling: 100, timeout: LOAD_TIMEOUT })
      .then((handle) => handle.jsonValue())
      .catch(async (error) => {
        // Say what was still missing: the figures of a run that timed out are void anyway.
        const state = await page.evaluate(describe).catch(() => 'unknown');
        throw new Error(`${error.message}; the page showed ${state}`);
      });
    if (typeof answer === 'string') throw new Error(`${side}.html: Kith elements ${answer}`);
    const readyAt = await page.evaluate(() => performance.now());
    if (!measure) return undefined;
    await new Promise((resolve) => setTimeout(resolve, options.settle));
    const tasks = await page.evaluate(() => globalThis.__mainThread.tasks);
    const durations = tasks.map((t) => t.duration);
    return {
      tasks: tasks.map((t) => ({ start: Math.round(t.start), duration: Math.round(t.duration) })),
      longTaskMs: durations.reduce((sum, d) => sum + d, 0),
      blockingMs: durations.reduce((sum, d) => sum + Math.max(0, d - BLOCKING_FROM), 0),
      longTasks: durations.length,
      longest: Math.max(0, ...durations),
      readyMs: readyAt,
    };
  } finally {
    if (errors.length) problems.push(...errors.map((e) => `${side}.html: ${e}`));
    await page.close().catch(() => undefined);
  }
}

/** samples[mode][side] */
const samples = Object.fromEntries(options.modes.map((mode) => [mode, { plain: [], kith: [] }]));
try {
  // An unmeasured load of each page first: the browser's own start-up (and the server's first
  // queries) should not land on whichever page happens to go first.
  for (const side of ['plain', 'kith']) {
    const context = await browser.createBrowserContext();
    await visit(context, side, { cold: true, measure: false }).finally(() => context.close());
  }
  for (let round = 0; round < options.rounds; round += 1) {
    const order = round % 2 === 0 ? ['plain', 'kith'] : ['kith', 'plain'];
    for (const mode of options.modes) {
      for (const side of order) {
        const context = await browser.createBrowserContext();
        try {
          if (mode === 'warm') await visit(context, side, { cold: false, measure: false });
          const sample = await visit(context, side, { cold: mode === 'cold', measure: true });
          samples[mode][side].push(sample);
          report.samples.push({ round, mode, side, ...sample });
        } catch (error) {
          problems.push(`${mode} ${side}, round ${round + 1}: ${error.message}`);
        } finally {
          await context.close().catch(() => undefined);
        }
      }
    }
    process.stdout.write(`  round ${round + 1}/${options.rounds} done (${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
  }
} catch (error) {
  problems.push(error.message);
  console.error(`✗ ${error.stack ?? error.message}`);
} finally {
  await browser.close().catch(() => undefined);
  await server.close().catch(() => undefined);
  await new Promise((resolve) => shop.close(() => resolve()));
}

// ---- the figures.
const cell = (list) => (list.length ? summarise(list) : undefined);
/** Counts print as whole numbers (a median of an even n may be a half), times as figures. */
const format = (key, value) => (key === 'longTasks' ? String(Math.round(value * 2) / 2) : figure(value));
const rowOf = (label, side, list, key) => {
  const s = cell(list.map((x) => x[key]));
  if (!s) return [label, side, '–', '', '0'];
  return [label, side, format(key, s.median), `${format(key, s.min)}–${format(key, s.max)}`, String(s.n)];
};
const header = ['', 'page', 'median ms', 'spread ms', 'n', 'Kith − plain', 'target', ''];
report.summary = {};
for (const mode of options.modes) {
  const { plain, kith } = samples[mode];
  const title = mode === 'cold' ? 'cold: a first visit (new context, cache disabled, nothing stored)' : 'warm: a returning visitor (same context loaded once before: HTTP cache, code cache, IndexedDB)';
  console.log(`\n${title}\n`);
  const rows = [];
  const summary = {};
  for (const [key, label, target] of [
    ['longTaskMs', 'long-task time', `≤ plain + ${BUDGET} ms`],
    ['blockingMs', 'total blocking time', ''],
    ['longTasks', 'long tasks', ''],
    ['longest', 'longest task', ''],
    ['readyMs', 'navigation → ready', ''],
  ]) {
    const p = cell(plain.map((x) => x[key]));
    const k = cell(kith.map((x) => x[key]));
    const difference = p && k ? k.median - p.median : undefined;
    let verdict = '';
    if (target && difference !== undefined) verdict = difference <= BUDGET ? 'met' : 'over';
    const diff = difference === undefined ? '' : `${difference >= 0 ? '+' : '−'}${format(key, Math.abs(difference))}`;
    rows.push(rowOf(label, 'plain', plain, key), [...rowOf('', 'Kith', kith, key), diff, target, verdict]);
    summary[key] = { plain: p, kith: k, difference };
  }
  // The figures of one round are paired (same minute, same machine load): their differences too.
  const paired = plain.slice(0, kith.length).map((p, i) => kith[i].longTaskMs - p.longTaskMs);
  summary.pairedLongTaskDifference = cell(paired);
  report.summary[mode] = summary;
  console.log(table(header, rows));
  if (paired.length) {
    const s = summarise(paired);
    const signed = (value) => `${value >= 0 ? '+' : '−'}${figure(Math.abs(value))}`;
    console.log(`  · long-task time, Kith − plain within each round: median ${signed(s.median)} ms (${signed(s.min)} to ${signed(s.max)}, n ${s.n})`);
  }
}
console.log(`\n  · long tasks are main-thread tasks over ${BLOCKING_FROM} ms (PerformanceObserver 'longtask', buffered), from navigation to ready + ${options.settle} ms; blocking time is each one's part past ${BLOCKING_FROM} ms.`);
console.log(`  · after load both pages are scrolled to the reviews' section (a shopper reading them); "ready": the shop script done and, with Kith, rating and reviews ready (or empty) and the review form drawn.`);
console.log(`  · ${options.throttle}× CPU throttling (CDP); loopback network, no latency added; pages alternate in each round.`);

report.machine.loadavgEnd = loadavg();
if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; ${cpus().length} CPUs; load average ${load()} at the end.`);
if (problems.length > 0) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n✗ THIS RUN HAD ERRORS — its figures are not valid:\n${[...new Set(problems)].map((p) => `  - ${p}`).join('\n')}\n${bar}`);
  process.exit(1);
}
