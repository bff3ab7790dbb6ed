// The README's embed snippets, as a newcomer copies them: every ```html block of the README that
// loads the drop-in (`https://your-kith-server/drop-in/kith.js`) is taken from the README text,
// its placeholders filled in (the server's URL, the demo publishable key, a customer id), and put
// into an otherwise blank page on a second origin — a tiny "shop" whose `/my-backend/kith-token`
// mints a staff token with the secret key, as the snippets' comments say. In real Chromium, every
// Kith element of each snippet must reach its ready state (a form: showing its form), with no page
// error and no console error. A snippet that stops working fails `npm test`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { launchChromium, watchPage } from '../support/chromium.mjs';
import { startCommand } from '../support/start-command.mjs';

const DROP_IN = 'https://your-kith-server/drop-in/kith.js';

/** The README's html blocks that embed the latest drop-in, with the heading they stand under. */
export function readmeSnippets(text) {
  const snippets = [];
  let heading = '';
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (/^#{1,4} /.test(lines[i])) heading = lines[i].replace(/^#+ /, '');
    if (lines[i].trim() !== '```html') continue;
    const end = lines.indexOf('```', i + 1);
    const code = lines.slice(i + 1, end).join('\n');
    if (code.includes(`src="${DROP_IN}"`)) snippets.push({ heading, code });
    i = end;
  }
  return snippets;
}

const kith = await startCommand('kith-readme-');
let browser;
let shop;
try {
  const snippets = readmeSnippets(readFileSync('README.md', 'utf8'));
  assert.ok(snippets.length >= 3, `the README has its embed snippets (found ${snippets.length})`);
  const settings = await (await fetch(`${kith.url}/demo/settings.json`)).json();
  const customerId = settings.customerIds[0];
  const customer = await kith.api('GET', `/v1/customers/${customerId}`);

  // The shop: serves one blank page per snippet and the token route the snippets call.
  const pages = new Map(snippets.map((s, i) => [`/${i}.html`, s]));
  shop = createServer(async (request, response) => {
    if (request.url === '/my-backend/kith-token' && request.method === 'POST') {
      const minted = await kith.api('POST', '/v1/tokens', {
        kind: 'staff', subject: customer.ownerId, publishableKey: kith.publishableKey,
        scopes: ['customers:read', 'staff:read', 'feedback:read', 'feedback:moderate', 'opportunities:read', 'loyalty:read'],
      });
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: minted.token }));
      return;
    }
    if (request.url === '/favicon.ico') return void response.writeHead(204).end();
    const snippet = pages.get(request.url);
    if (!snippet) return void response.writeHead(404).end();
    const filled = snippet.code
      .replaceAll('https://your-kith-server', kith.url)
      .replaceAll('pk_…', kith.publishableKey)
      .replaceAll('customer-id="…"', `customer-id="${customerId}"`);
    assert.doesNotMatch(filled, /…/, `every placeholder of "${snippet.heading}" is one this test knows`);
    response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${snippet.heading}</title></head><body>\n${filled}\n</body></html>`);
  });
  await new Promise((resolve) => shop.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${shop.address().port}`;
  await kith.allowOrigin(origin);

  browser = await launchChromium(puppeteer);
  for (const [path, snippet] of pages) {
    const page = await browser.newPage();
    const problems = await watchPage(page);
    await page.goto(`${origin}${path}`);
    const tags = await page.$$eval('body *', (all) => all.map((el) => el.localName).filter((n) => n.startsWith('kith-') && n !== 'kith-provider'));
    assert.ok(tags.length > 0, `"${snippet.heading}" has Kith elements`);
    await page
      .waitForFunction(
        () =>
          [...document.querySelectorAll('body *')]
            .filter((el) => el.localName.startsWith('kith-') && el.localName !== 'kith-provider')
            .every((el) => ('status' in el ? el.status === 'ready' : el.shadowRoot?.querySelector('form') !== null && el.shadowRoot?.querySelector('form') !== undefined)),
        { timeout: 30_000, polling: 100 },
      )
      .catch(async () => {
        const states = await page.$$eval('body *', (all) =>
          all.filter((el) => el.localName.startsWith('kith-')).map((el) => `${el.localName}: ${'status' in el ? el.status : el.shadowRoot ? 'rendered' : 'not defined'}`),
        );
        assert.fail(`"${snippet.heading}": not every element is ready: ${states.join(', ')}; ${problems().join('; ')}`);
      });
    if (tags.includes('kith-customer-card')) {
      const shown = await page.$eval('kith-customer-card', (el) => el.shadowRoot.textContent);
      assert.ok(shown.includes(customer.name), `"${snippet.heading}": the card shows ${customer.name}`);
    }
    assert.deepEqual(problems(), [], `"${snippet.heading}": no page error, console error or CSP violation`);
    console.log(`✓ README "${snippet.heading}": ${tags.join(', ')} ready on a blank page of another origin`);
    await page.close();
  }
} finally {
  await browser?.close();
  shop?.close();
  await kith.stop();
}
