// Renders every story of the static Storybook (storybook-static/, `npm run build-storybook`)
// in Chromium and checks it: no page error, no console error (a recorded answer that no longer
// matches its schema, a request with no recording), no request leaving this machine, and every
// Kith element of a story in the state the story names (`parameters.kith.status`, written on
// the story's container as data-expected-status: an element's `status`, or a form's `phase`).
// Docs pages: rendered, with their API tables.
//
//   node scripts/storybook-check.mjs [words]   (after npm run build-storybook; CHROME_PATH overrides
//   /usr/bin/chromium; words: only the entries whose id contains one)
//
// One page loads the preview once; each entry is then shown as the Storybook UI shows it (the
// preview's `setCurrentStory` event), which takes a fraction of a page load.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = join(import.meta.dirname, '..', 'storybook-static');
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };
const SETTLE_MS = 10_000;

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname));
  // The browser asks for it on its own; the preview has none.
  if (path === '/favicon.ico') return void response.writeHead(204).end();
  try {
    const body = await readFile(join(root, path.endsWith('/') ? `${path}index.html` : path));
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const only = process.argv.slice(2);
const entries = Object.values(index.entries).filter((entry) => only.length === 0 || only.some((word) => entry.id.includes(word)));
if (entries.length === 0) {
  console.error(`no Storybook entry${only.length ? ` matches ${only.join(', ')}` : ''}`);
  process.exit(1);
}

const browser = await puppeteer.launch({
  executablePath: chromePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const started = Date.now();
const failures = [];
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  /** What went wrong while the current entry was shown. */
  let problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return void request.continue();
    problems.push(`request leaving the machine: ${url}`);
    void request.abort();
  });
  // A document load after the first one means the preview reloaded itself (Vite reloads the page
  // when a dynamic import fails to load: `vite:preloadError`). Each is printed with its URL.
  const reloads = [];
  let loads = 0;
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && loads++ > 0) reloads.push(request.url());
  });
  const previewReady = () =>
    page.waitForFunction(() => '__STORYBOOK_ADDONS_CHANNEL__' in window && '__STORYBOOK_PREVIEW__' in window, { timeout: SETTLE_MS });
  await page.goto(`${origin}/iframe.html`, { waitUntil: 'load' });
  await previewReady();

  for (const entry of entries) {
    problems = [];
    // Shown once more if the preview reloaded under it (see `reloads`); a second time fails.
    for (let attempt = 1; ; attempt++) {
      try {
        await showEntry(entry);
        break;
      } catch (error) {
        if (attempt > 1 || !/Execution context was destroyed|navigation/i.test(String(error))) throw error;
        console.log(`↻ the preview reloaded while showing ${entry.id} (${reloads.at(-1) ?? 'no document request seen'}): shown again${problems.length ? `; before it: ${problems.join('; ')}` : ''}`);
        await previewReady();
        problems = [];
      }
    }
    const name = `${entry.title} › ${entry.name}`;
    if (problems.length) failures.push(`${name}\n    ${problems.join('\n    ')}`);
    console.log(`${problems.length ? '✗' : '✓'} ${name}`);
  }

  /** Shows one entry and collects what is wrong with it in `problems`. */
  async function showEntry(entry) {
    const viewMode = entry.type === 'docs' ? 'docs' : 'story';
    const outcome = await page.evaluate(
      ({ storyId, viewMode, timeout }) =>
        new Promise((resolve) => {
          const channel = window.__STORYBOOK_ADDONS_CHANNEL__;
          const events = {
            storyRendered: 'rendered',
            docsRendered: 'rendered',
            storyErrored: 'the story errored',
            storyThrewException: 'the story threw',
            playFunctionThrewException: 'the play function threw',
            storyMissing: 'no such story',
          };
          const listeners = Object.entries(events).map(([event, outcome]) => {
            const listener = (detail) => {
              // Rendered events name the story; errors are the current one's.
              if ((event === 'storyRendered' || event === 'docsRendered') && detail !== storyId) return;
              const why = String(detail?.description ?? detail?.message ?? JSON.stringify(detail)).split('\n')[0];
              finish(outcome === 'rendered' ? outcome : `${outcome}: ${why}`);
            };
            channel.on(event, listener);
            return [event, listener];
          });
          const timer = setTimeout(() => finish(`not rendered within ${timeout} ms`), timeout);
          function finish(outcome) {
            clearTimeout(timer);
            for (const [event, listener] of listeners) channel.off(event, listener);
            resolve(outcome);
          }
          channel.emit('setCurrentStory', { storyId, viewMode });
        }),
      { storyId: entry.id, viewMode, timeout: SETTLE_MS },
    );
    if (outcome !== 'rendered') {
      problems.push(outcome);
      // What Storybook logs about the failure belongs to this entry, not the next.
      await new Promise((resolve) => setTimeout(resolve, 300));
    } else if (entry.type === 'docs') {
      // The API table comes from the Custom Elements Manifest.
      await page.waitForSelector('.docblock-argstable', { timeout: SETTLE_MS }).catch(() => problems.push('the docs page shows no API table'));
    } else {
      await page
        .waitForFunction(
          () => {
            const container = document.querySelector('#storybook-root [data-expected-status]');
            if (!container) return false;
            // A form (<kith-feedback>) loads nothing: it has a `phase` (form, queued, sent) instead of a status.
            const elements = [...container.querySelectorAll('*')].filter((el) => el.localName.startsWith('kith-') && ('status' in el || 'phase' in el));
            return elements.length > 0 && elements.every((el) => ('status' in el ? el.status : el.phase) === container.getAttribute('data-expected-status'));
          },
          { timeout: SETTLE_MS, polling: 50 },
        )
        .catch(async () => {
          problems.push(
            await page.evaluate(() => {
              const container = document.querySelector('#storybook-root [data-expected-status]');
              if (!container) return 'no container with data-expected-status (give the story parameters.kith.status)';
              const states = [...container.querySelectorAll('*')]
                .filter((el) => el.localName.startsWith('kith-') && ('status' in el || 'phase' in el))
                .map((el) => `${el.localName}: ${'status' in el ? el.status : el.phase}`);
              return `expected ${container.getAttribute('data-expected-status')}, saw ${states.join(', ') || 'no Kith element'}`;
            }),
          );
        });
    }
  }
  if (reloads.length) console.log(`the preview reloaded ${reloads.length} time(s): ${reloads.join(', ')}`);
} finally {
  await browser.close();
  server.close();
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\n${entries.length - failures.length} passed, ${failures.length} failed (${seconds} s)`);
if (failures.length) {
  console.error(`\n${failures.join('\n')}`);
  process.exit(1);
}
