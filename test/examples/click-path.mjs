// The README's promise, walked end to end in real Chromium against the start command, across the
// two origins and the two example sites, as two people in two browser profiles:
//   1. a shopper signs in to the storefront (its own backend mints the customer token) and writes
//      a review of a product;
//   2. a staff member signs in to the intranet (its backend mints a staff token) and publishes the
//      review from the feedback inbox;
//   3. the shopper sees the review on the product page, and the points for it on the badge.
// Only clicks and typing on the pages; the secret key is used by this script only to look at
// what the server stored (never by a page).
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { launchChromium, watchPage } from '../support/chromium.mjs';
import { startCommand } from '../support/start-command.mjs';

const kith = await startCommand('kith-click-path-');
let browser;
try {
  const settings = await (await fetch(`${kith.url}/demo/settings.json`)).json();
  const shopperId = settings.customerIds[0];
  const shopper = await kith.api('GET', `/v1/customers/${shopperId}`);
  const manager = shopper.ownerId;
  const sku = settings.productSku;
  const pointsBefore = (await kith.api('GET', `/v1/customers/${shopperId}/loyalty`)).balance;
  const title = `Click path ${Date.now().toString(36)}`;

  browser = await launchChromium(puppeteer);
  const shopperProfile = await browser.createBrowserContext();
  const staffProfile = await browser.createBrowserContext();
  const shop = await shopperProfile.newPage();
  const shopProblems = await watchPage(shop);

  // 1. The shopper: sign in from the product page, come back to it, write a review.
  const productPage = `${kith.examplesUrl}/storefront/product.html?sku=${encodeURIComponent(sku)}`;
  await shop.goto(productPage);
  await shop.waitForSelector('#sign-in-link');
  await Promise.all([shop.waitForNavigation(), shop.click('#sign-in-link')]);
  await shop.waitForSelector('#sign-in-sample');
  await Promise.all([shop.waitForNavigation(), shop.click('#sign-in-sample')]);
  assert.equal(new URL(shop.url()).pathname, '/storefront/product.html', 'after sign-in the shopper is back on the product page');
  const badgeBalance = () =>
    shop.waitForFunction(
      () => {
        const badge = document.querySelector('kith-loyalty-badge');
        return badge?.status === 'ready' && badge.shadowRoot.querySelector('[part~="balance"]')?.textContent.replace(/\D/g, '');
      },
      { timeout: 30_000, polling: 100 },
    ).then((handle) => handle.jsonValue().then(Number));
  assert.equal(await badgeBalance(), pointsBefore, 'the badge shows the shopper\'s points');

  const form = 'kith-feedback[kind="review"]';
  await shop.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('input[name="title"]'), { timeout: 30_000 }, form);
  const shownAt = Date.now();
  await shop.click(`${form} >>> label[for="star-5"]`);
  await shop.type(`${form} >>> input[name="title"]`, title);
  await shop.type(`${form} >>> textarea[name="body"]`, 'Bought it last month: warm, soft, and it kept its shape after washing.');
  await shop.type(`${form} >>> input[name="authorName"]`, shopper.name.split(' ')[0]);
  // A person takes a while to write; the server files a review sent faster than its minimum
  // fill time (3 s) as a bot's. Typing above usually takes longer; never send sooner.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 3_500 - (Date.now() - shownAt))));
  await shop.click(`${form} >>> [part~="submit"]`);
  await shop.waitForFunction((sel) => ['sent', 'queued'].includes(document.querySelector(sel)?.phase), { timeout: 30_000 }, form);
  const stored = await waitForReview(title, 'pending');
  assert.equal(stored.customerId, shopperId, 'the review is the signed-in shopper\'s (their customer token)');
  console.log(`✓ the shopper signed in to the storefront and wrote "${title}" (pending moderation)`);

  // 2. Staff: the intranet sends them to sign in, then to the inbox; they publish the review.
  const desk = await staffProfile.newPage();
  const deskProblems = await watchPage(desk);
  await desk.goto(`${kith.examplesUrl}/intranet/inbox.html`);
  await desk.waitForSelector(`#sign-in-${manager}`, { timeout: 30_000 });
  assert.equal(new URL(desk.url()).pathname, '/intranet/sign-in.html', 'the inbox asks staff to sign in first');
  await Promise.all([desk.waitForNavigation(), desk.click(`#sign-in-${manager}`)]);
  assert.equal(new URL(desk.url()).pathname, '/intranet/inbox.html', 'after sign-in staff are back on the inbox');
  const item = await desk.waitForFunction(
    (wanted) =>
      [...(document.querySelector('kith-feedback-inbox')?.shadowRoot?.querySelectorAll('kith-feedback-inbox-item') ?? [])].find((el) =>
        el.shadowRoot?.textContent.includes(wanted),
      ),
    { timeout: 30_000, polling: 200 },
    title,
  );
  const publish = await item.evaluateHandle((el) => el.shadowRoot.querySelector('[part~="publish-button"]'));
  assert.ok(await publish.evaluate((button) => button !== null), 'the review offers Publish');
  await publish.click();
  await waitForReview(title, 'published');
  console.log('✓ staff signed in to the intranet and published it from the inbox');

  // 3. The shopper's product page: the review is there, and the points for it on the badge.
  await shop.reload();
  await shop.waitForFunction(
    (wanted) =>
      [...(document.querySelector('kith-reviews')?.shadowRoot?.querySelectorAll('[part~="review"]') ?? [])].some((el) => el.textContent.includes(wanted)),
    { timeout: 30_000, polling: 200 },
    title,
  );
  const pointsAfter = (await kith.api('GET', `/v1/customers/${shopperId}/loyalty`)).balance;
  assert.ok(pointsAfter > pointsBefore, `publishing earned points (${pointsBefore} → ${pointsAfter})`);
  assert.equal(await badgeBalance(), pointsAfter, 'the badge shows the points earned');
  assert.deepEqual(shopProblems(), [], 'the storefront pages: no error, no CSP violation');
  assert.deepEqual(deskProblems(), [], 'the intranet pages: no error, no CSP violation');
  console.log(`✓ the review shows on the product page, and the badge went from ${pointsBefore} to ${pointsAfter} points`);
} finally {
  await browser?.close();
  await kith.stop();
}

/** The review with this title once the server holds it with `status` (as the shop's backend would look). */
async function waitForReview(title, status) {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const { items } = await kith.api('GET', `/v1/feedback?kind=review&status=${status}&limit=100`);
    const found = items.find((review) => review.title === title);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${status} review titled "${title}" within 30 s`);
}
