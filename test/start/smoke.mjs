// Smoke test of the README's start command, as a newcomer would see it: the built server
// starts on a fresh embedded database with demo data, serves the examples and the drop-in
// bundle, and the intranet example shows a seeded customer on the card in real Chromium,
// through a staff token from the demo's POST /demo/token (a publishable key alone gets 403).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const dataDir = mkdtempSync(join(tmpdir(), 'kith-smoke-'));
const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data-dir', dataDir], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let output = '';
child.stdout.on('data', (chunk) => (output += chunk));
child.stderr.on('data', (chunk) => (output += chunk));

async function baseUrl() {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const match = /Kith is running at (http:\/\/\S+?)\/ /.exec(output);
    if (match) return match[1];
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the start command did not print its URL:\n${output}`);
}

let browser;
try {
  const url = await baseUrl();
  assert.match(output, /demo publishable key: pk_demo_/, 'prints the demo publishable key');

  const health = await fetch(`${url}/v1/health`);
  assert.equal(health.status, 200);
  const dropIn = await fetch(`${url}/drop-in/kith.js`);
  assert.equal(dropIn.status, 200, 'serves the drop-in bundle');
  assert.match(dropIn.headers.get('content-type') ?? '', /javascript/);

  browser = await puppeteer.launch({
    executablePath: chromePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${url}/examples/intranet/`);
  const settings = await (await fetch(`${url}/demo/settings.json`)).json();
  const customerUrl = `${url}/v1/customers/${settings.customerIds[0]}`;
  const byKey = await fetch(customerUrl, { headers: { authorization: `Bearer ${settings.publishableKey}`, origin: url } });
  assert.equal(byKey.status, 403, 'the publishable key alone reads no customer data');
  const foreign = await fetch(`${url}/demo/token`, { method: 'POST', headers: { origin: 'https://evil.example' } });
  assert.equal(foreign.status, 403, 'another site may not fetch a demo token');
  const { token } = await (await fetch(`${url}/demo/token`, { method: 'POST', headers: { origin: url } })).json();
  const customer = await (await fetch(customerUrl, { headers: { authorization: `Bearer ${token}`, origin: url } })).json();
  // The card renders in its shadow root; wait until the seeded customer's name is on screen.
  await page.waitForFunction(
    (name) => document.querySelector('kith-customer-card')?.shadowRoot?.textContent?.includes(name),
    { timeout: 30_000 },
    customer.name,
  );
  assert.deepEqual(pageErrors, [], 'the example page throws nothing');
  console.log(`✓ start command: ${url}/examples/intranet/ shows ${customer.name}`);

  // The storefront's product page: the star summary, the seeded published reviews (and their
  // search-engine markup in the light DOM) and the review form, by the product's SKU.
  await page.goto(`${url}/examples/storefront/`);
  await page.waitForFunction(
    () =>
      document.querySelector('kith-rating')?.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label')?.startsWith('Rated') &&
      (document.querySelector('kith-reviews')?.shadowRoot?.querySelectorAll('[part~="review"]').length ?? 0) > 0 &&
      document.querySelector('kith-reviews script[type="application/ld+json"]') !== null &&
      document.querySelector('kith-feedback')?.shadowRoot?.querySelector('fieldset legend')?.textContent === 'Rating',
    { timeout: 30_000 },
  );
  const rated = await page.evaluate(() => document.querySelector('kith-rating')?.shadowRoot?.querySelector('[role="img"]')?.getAttribute('aria-label'));
  assert.deepEqual(pageErrors, [], 'the storefront page throws nothing');
  console.log(`✓ start command: ${url}/examples/storefront/ shows "${rated}", the reviews and the form`);

  // The staff inbox: the demo's pending reviews (guests' ones, which every staff member sees).
  await page.goto(`${url}/examples/intranet/inbox.html`);
  await page.waitForFunction(
    () => (document.querySelector('kith-feedback-inbox')?.shadowRoot?.querySelectorAll('kith-feedback-inbox-item').length ?? 0) > 0,
    { timeout: 30_000 },
  );
  const waiting = await page.evaluate(() => document.querySelector('kith-feedback-inbox')?.shadowRoot?.querySelectorAll('kith-feedback-inbox-item').length);
  assert.deepEqual(pageErrors, [], 'the inbox page throws nothing');
  console.log(`✓ start command: ${url}/examples/intranet/inbox.html shows ${waiting} reviews awaiting moderation`);
} finally {
  await browser?.close();
  child.kill('SIGTERM');
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
  rmSync(dataDir, { recursive: true, force: true });
}
