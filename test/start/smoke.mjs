// Smoke test of the README's start command, as a newcomer would see it: the built server starts
// on a fresh embedded database with demo data and prints two URLs — Kith's (API, drop-in, docs)
// and the example sites' (another origin). The examples' start page shows in real Chromium under
// its strict CSP and every link on it works; Kith's own root leads there. A second start of the
// same data folder (the demo's secret key is printed only once) still lets the example sites'
// backends mint tokens: they kept their secret key. The sites themselves have their own page
// tests (test/examples/).
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startCommand } from '../support/start-command.mjs';
import { launchChromium, watchPage } from '../support/chromium.mjs';

let kith = await startCommand('kith-smoke-', { keep: true });
let browser;
try {
  assert.notEqual(new URL(kith.examplesUrl).origin, kith.origin, 'the examples are on an origin of their own');
  assert.equal((await fetch(`${kith.url}/v1/health`)).status, 200);
  const dropIn = await fetch(`${kith.url}/drop-in/kith.js`, { headers: { origin: kith.examplesUrl } });
  assert.equal(dropIn.status, 200, 'serves the drop-in bundle');
  assert.match(dropIn.headers.get('content-type') ?? '', /javascript/);
  assert.ok(['*', kith.examplesUrl].includes(dropIn.headers.get('access-control-allow-origin') ?? ''), 'the drop-in may be loaded from another origin');
  const root = await fetch(`${kith.url}/`, { redirect: 'manual' });
  assert.equal(root.headers.get('location'), `${kith.examplesUrl}/`, "Kith's root leads to the examples");
  assert.equal((await fetch(`${kith.url}/demo/token`, { method: 'POST' })).status, 404, 'no demo token endpoint: the sites mint their own');

  browser = await launchChromium(puppeteer);
  const page = await browser.newPage();
  const problems = await watchPage(page);
  await page.goto(`${kith.examplesUrl}/`);
  const links = await page.$$eval('main a[href]', (anchors) => anchors.map((a) => ({ id: a.id, href: a.href })));
  assert.deepEqual(
    links.filter((l) => l.id).map((l) => l.id),
    ['site-storefront', 'site-intranet', 'site-portal', 'doc-openapi', 'doc-sdk', 'doc-schema', 'doc-elements', 'doc-drop-in'],
  );
  for (const { id, href } of links) {
    const response = await fetch(href);
    assert.equal(response.status, 200, `${id || href} answers 200 (${href})`);
    if (id.startsWith('doc-') && id !== 'doc-drop-in') assert.ok(href.startsWith(`${kith.url}/`), `${id} is on Kith's origin`);
  }
  assert.deepEqual(problems(), [], 'the start page throws nothing and breaks no CSP directive');
  console.log(`✓ start command: ${kith.examplesUrl}/ links ${links.length} working pages; Kith at ${kith.url}/`);

  // The same data again: no secret key printed, yet the shop's backend can still mint tokens.
  await kith.stop();
  const dataDir = kith.dataDir;
  kith = await startCommand('kith-smoke-', { dataDir });
  try {
    assert.equal(kith.secretKey, null, 'the secret key is printed only on the first start');
    const shoppers = await (await fetch(`${kith.examplesUrl}/storefront/api/shoppers`)).json();
    assert.ok(shoppers.items.length > 0, "the shop's backend reads Kith with its saved secret key");
    console.log('✓ start command again: the example sites kept their secret key');
  } finally {
    await kith.stop();
  }
} finally {
  await browser?.close();
  await kith.stop();
  rmSync(kith.dataDir, { recursive: true, force: true });
}
