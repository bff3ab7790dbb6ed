// The drop-in as a shop on another origin loads it, in real Chromium: the versioned copy pinned
// with the SRI snippet the build prints, and the latest copy too (two module URLs: two copies of
// the code on one page must not throw, and the elements render). A wrong `integrity` blocks the
// entry; an import map's `integrity` makes the browser check the on-demand chunks as well.
// Two origins: the built Kith server (started like the README's start command) and this
// script's own little site that serves the pages. Exits 1 on failure.
import { createServer } from 'node:http';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { launchChromium } from '../support/chromium.mjs';
import { startCommand } from '../support/start-command.mjs';
import { importMapSnippet, readManifest, scriptSnippet, sri } from '../../scripts/drop-in-manifest.mjs';

const manifest = readManifest();

/** The shop's site: serves the pages this test writes. */
function startSite(pages) {
  const server = createServer((request, response) => {
    const page = pages[new URL(request.url ?? '/', 'http://shop').pathname];
    response.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    response.end(page ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${server.address().port}` })));
}

const page = (head, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>shop</title><link rel="icon" href="data:,">${head}</head><body>${body}</body></html>`;

/** True once the element shows its data (its status, then what a shopper sees). */
const rendered = {
  rating: () => {
    const el = document.querySelector('kith-rating');
    return el?.status === 'ready' && /^Rated/.test(el.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label') ?? '');
  },
  reviews: () => {
    const el = document.querySelector('kith-reviews');
    return el?.status === 'ready' && (el.shadowRoot?.querySelectorAll('[part~="review"]').length ?? 0) > 0;
  },
};

let kith;
let browser;
let site;
try {
  kith = await startCommand('kith-drop-in-');
  const settings = await (await fetch(`${kith.url}/demo/settings.json`)).json();
  const versioned = `${kith.origin}/drop-in/${manifest.version}`;

  // Served for other origins: CORS, a year for the pinned copy, briefly for the latest.
  const pinned = await fetch(`${versioned}/kith.js`);
  assert.equal(pinned.status, 200, 'serves the versioned entry');
  assert.equal(pinned.headers.get('cache-control'), 'public, max-age=31536000, immutable');
  assert.equal(pinned.headers.get('access-control-allow-origin'), '*');
  const latest = await fetch(`${kith.origin}/drop-in/kith.js`);
  assert.equal(latest.status, 200, 'serves the latest entry');
  assert.equal(latest.headers.get('cache-control'), 'public, max-age=300');
  assert.equal(latest.headers.get('access-control-allow-origin'), '*');
  assert.equal(sri(Buffer.from(await pinned.arrayBuffer())), manifest.files[manifest.entry], 'the served entry has the manifest hash');

  const settingsBlock = `<script type="application/json" id="kith-settings">${JSON.stringify({ baseUrl: kith.url, key: kith.publishableKey })}</script>`;
  const widgets = `<kith-rating value="4.2" count="10"></kith-rating><kith-reviews product="${settings.productSku}"></kith-reviews>`;
  const entry = manifest.files[manifest.entry];
  const ratingFile = Object.keys(manifest.files).find((file) => /^rating-[\w-]+\.js$/.test(file));
  assert.ok(ratingFile, 'the manifest lists the rating element');
  const map = JSON.parse(/>(.*)</.exec(importMapSnippet(kith.origin))[1]);
  const tampered = { integrity: { ...map.integrity, [`${versioned}/${ratingFile}`]: entry } };
  site = await startSite({
    // The snippet the build prints, plus the latest copy: two copies of the code.
    '/twice.html': page(`${settingsBlock}${scriptSnippet(kith.origin)}<script type="module" src="${kith.origin}/drop-in/kith.js"></script>`, widgets),
    '/blank.html': page(settingsBlock),
    '/mapped.html': page(`${settingsBlock}${importMapSnippet(kith.origin)}${scriptSnippet(kith.origin)}`, widgets),
    '/tampered.html': page(`${settingsBlock}<script type="importmap">${JSON.stringify(tampered)}</script>${scriptSnippet(kith.origin)}`, widgets),
  });

  await kith.allowOrigin(site.origin);

  browser = await launchChromium(puppeteer);
  const open = async (path) => {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    tab.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()} ${message.location().url ?? ''}`));
    await tab.goto(`${site.origin}${path}`);
    return { tab, errors };
  };

  // 1. Pinned with SRI and loaded twice: no error, and both elements show their data.
  {
    const { tab, errors } = await open('/twice.html');
    await tab.waitForFunction(rendered.rating, { timeout: 30_000 });
    await tab.waitForFunction(rendered.reviews, { timeout: 30_000 });
    const entries = await tab.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    assert.ok(entries.includes(`/drop-in/${manifest.version}/kith.js`) && entries.includes('/drop-in/kith.js'), 'both copies were loaded');
    assert.deepEqual(errors, [], 'loading the drop-in twice throws nothing');
    console.log(`✓ pinned /drop-in/${manifest.version}/kith.js (SRI) + /drop-in/kith.js on one page: rating and reviews render, no error`);
    await tab.close();
  }

  // 2. SRI is enforced: the right hash loads, a wrong one is refused (the script's load/error event).
  {
    const { tab } = await open('/blank.html');
    const load = (integrity) =>
      tab.evaluate(
        (src, value) =>
          new Promise((resolve) => {
            const script = document.createElement('script');
            Object.assign(script, { type: 'module', src, integrity: value, crossOrigin: 'anonymous' });
            script.addEventListener('load', () => resolve('load'));
            script.addEventListener('error', () => resolve('error'));
            document.head.append(script);
          }),
        `${versioned}/kith.js`,
        integrity,
      );
    const wrong = `sha384-${Buffer.alloc(48).toString('base64')}`;
    assert.equal(await load(wrong), 'error', 'a wrong integrity value blocks the script');
    assert.equal(await tab.evaluate(() => customElements.get('kith-rating') === undefined), true);
    assert.equal(await load(entry), 'load', 'the manifest hash loads the script');
    console.log('✓ a wrong integrity value blocks kith.js; the manifest hash loads it');
    await tab.close();
  }

  // 3. The import map's integrity covers the chunks loaded on demand (Chromium ≥ 127).
  {
    const { tab, errors } = await open('/mapped.html');
    await tab.waitForFunction(rendered.rating, { timeout: 30_000 });
    await tab.waitForFunction(rendered.reviews, { timeout: 30_000 });
    assert.deepEqual(errors, [], 'the import map page throws nothing');
    await tab.close();
    const bad = await browser.newPage();
    const messages = [];
    const refused = new Promise((resolve) =>
      bad.on('console', (m) => {
        messages.push(m.text());
        if (m.text().includes('could not load <kith-rating>')) resolve();
      }),
    );
    await bad.goto(`${site.origin}/tampered.html`);
    await refused;
    await bad.waitForFunction(rendered.reviews, { timeout: 30_000 });
    assert.equal(await bad.evaluate(() => customElements.get('kith-rating') === undefined), true, 'a chunk with a wrong hash is not run');
    assert.ok(messages.some((text) => /integrity/i.test(text) && text.includes(ratingFile)), `the browser names the integrity check: ${messages.join(' | ')}`);
    console.log(`✓ import map integrity: ${Object.keys(map.integrity).length} files checked; a tampered chunk hash stops only <kith-rating>`);
    await bad.close();
  }

  // 4. A single-page app adds a tag long after load: its chunk is fetched then, not before.
  {
    const { tab, errors } = await open('/blank.html');
    await tab.evaluate((src) => import(src), `${kith.origin}/drop-in/kith.js`);
    const chunks = () => tab.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()));
    const isRating = (file) => /^rating(-[\w-]+)?\.js$/.test(file);
    assert.equal((await chunks()).some(isRating), false, 'no element chunk before its tag appears');
    await tab.evaluate(() => {
      const view = document.createElement('section');
      view.innerHTML = '<div><kith-rating value="4.2" count="10"></kith-rating></div>';
      document.body.append(view);
    });
    await tab.waitForFunction(rendered.rating, { timeout: 30_000 });
    assert.ok((await chunks()).some(isRating), `the rating chunk was fetched once the tag appeared: ${(await chunks()).join(', ')}`);
    assert.deepEqual(errors, [], 'the late tag throws nothing');
    console.log('✓ a tag added after load (as a single-page app renders a view) fetches its chunk then and renders');
    await tab.close();
  }
} finally {
  // A failure propagates after the clean-up: Node prints it and exits with 1.
  await browser?.close();
  site?.server.close();
  await kith?.stop();
}
