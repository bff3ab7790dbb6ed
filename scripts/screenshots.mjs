// The README's screenshots, taken from the example sites as `npm start` serves them (demo data,
// Chromium, light theme): the storefront's listing with a signed-in shopper's badge, and the
// intranet's customer page. Run after `npm run build`: node scripts/screenshots.mjs
import { mkdirSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { launchChromium } from '../test/support/chromium.mjs';
import { startCommand } from '../test/support/start-command.mjs';

const OUT = 'docs/screenshots';
mkdirSync(OUT, { recursive: true });
const kith = await startCommand('kith-screenshots-');
const browser = await launchChromium(puppeteer);
try {
  const settings = await (await fetch(`${kith.url}/demo/settings.json`)).json();
  const customer = await kith.api('GET', `/v1/customers/${settings.customerIds[0]}`);
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 800, deviceScaleFactor: 1 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);

  // The storefront: sign in as the sample shopper, then the listing with every rating shown.
  await page.goto(`${kith.examplesUrl}/storefront/sign-in.html?next=/storefront/`);
  await page.waitForSelector('#sign-in-sample');
  await Promise.all([page.waitForNavigation(), page.click('#sign-in-sample')]);
  await page.waitForFunction(
    () =>
      document.querySelector('kith-loyalty-badge')?.status === 'ready' &&
      [...document.querySelectorAll('kith-rating')].length > 0 &&
      [...document.querySelectorAll('kith-rating')].every((el) => el.status === 'ready' || el.status === 'empty'),
    { timeout: 60_000 },
  );
  await page.screenshot({ path: `${OUT}/storefront.png` });
  console.log(`wrote ${OUT}/storefront.png`);

  // The intranet: sign in as the customer's account manager, then the customer's page. The seeded
  // sample customer has no deals: two are made for them, so the board shows something.
  const [pipeline] = (await kith.api('GET', '/v1/pipelines')).items;
  for (const [stage, title, amount] of [[1, 'Office chairs, 40 seats', 1_840_000], [3, 'Spring catalogue bundle', 512_000]]) {
    await kith.api('POST', '/v1/opportunities', { stageId: pipeline.stages[stage].id, customerId: customer.id, title, amount: { amount, currency: pipeline.currency }, ownerId: customer.ownerId });
  }
  await page.goto(`${kith.examplesUrl}/intranet/sign-in.html?next=${encodeURIComponent(`/intranet/customer.html?id=${customer.id}`)}`);
  await page.waitForSelector(`#sign-in-${customer.ownerId}`);
  await Promise.all([page.waitForNavigation(), page.click(`#sign-in-${customer.ownerId}`)]);
  await page.waitForFunction(
    () => ['kith-customer-card', 'kith-timeline', 'kith-pipeline'].every((tag) => document.querySelector(tag)?.status === 'ready'),
    { timeout: 60_000 },
  );
  // The whole page: the customer's board is below the card and the timeline.
  await page.screenshot({ path: `${OUT}/intranet.png`, fullPage: true });
  console.log(`wrote ${OUT}/intranet.png`);
} finally {
  await browser.close();
  await kith.stop();
}
