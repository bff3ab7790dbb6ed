// The example shop (examples/storefront/) end to end in real Chromium, against the README's start
// command: the shop's pages on the examples origin, Kith on its own. A shopper's path at 360 px:
// the listing (20 products, every rating from ONE batch request), a product page (reviews and
// JSON-LD), signed out (no badge), a refused `?next=` to another site, signing in as the sample
// shopper (the badge shows their points), buying (the order reaches Kith, the confirmation page
// asks the NPS question, the answer is stored), a review of what was bought (a verified
// purchase), and a complaint (listed for staff). No page error, console error, refused request or
// CSP violation anywhere, nothing wider than the screen, and axe finds nothing, light or dark.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { startCommand } from '../support/start-command.mjs';
import { launchChromium, watchPage } from '../support/chromium.mjs';

const WIDTH = 360;
const WAIT = { timeout: 30_000 };

const kith = await startCommand('kith-storefront-');
const shop = `${kith.examplesUrl}/storefront`;
let browser;
try {
  const settings = await (await fetch(`${kith.url}/demo/settings.json`)).json();
  const [sampleCustomerId] = settings.customerIds;
  const sampleSku = settings.productSku;

  // The shop's catalogue is the demo's: the seed's 20 products, in order, with their prices.
  const seed = readFileSync('packages/server/src/seed/texts.ts', 'utf8');
  const seeded = [...seed.matchAll(/\{ name: '([^']+)', price: (\d+) \}/g)].map(([, name, price], i) => ({
    sku: `SKU-${1001 + i}`, name, price: { amount: Number(price), currency: 'EUR' },
  }));
  const { products } = JSON.parse(readFileSync('examples/storefront/catalogue.json', 'utf8'));
  assert.equal(seeded.length, 20, 'the seed lists 20 products');
  assert.deepEqual(products, seeded, "the shop's catalogue is the demo's products");
  assert.match(readFileSync('packages/server/src/seed/context.ts', 'utf8'), /DEMO_CURRENCY = 'EUR'/, 'in the demo currency');

  browser = await launchChromium(puppeteer);
  const page = await browser.newPage();
  await page.setViewport({ width: WIDTH, height: 800 });
  const problems = await watchPage(page);
  /** Every review-summary request Kith gets from the page. */
  const summaries = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (request.method() !== 'OPTIONS' && (pathname === '/v1/reviews/aggregates' || /^\/v1\/products\/[^/]+\/reviews\/aggregate$/.test(pathname))) {
      summaries.push(request.url());
    }
  });
  /** Answers of 400 and above (the console says only "Failed to load resource"). */
  const refusals = [];
  page.on('response', (response) => response.status() >= 400 && refusals.push(`${response.status()} ${response.request().method()} ${response.url()}`));
  /** Nothing is wider than the screen. */
  const fits = async (what) => {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= WIDTH, `${what}: ${width} px wide at ${WIDTH} px`);
  };
  /** Records the page's `kith-feedback-submit` events (for this page load). */
  const listenForSubmits = () =>
    page.evaluate(() => {
      window.kithSubmitted = [];
      document.addEventListener('kith-feedback-submit', (event) => window.kithSubmitted.push(event.detail));
    });
  /**
   * Waits for `selector` in the shadow root of `host` (polled: waitForSelector watches the
   * document's mutations only, not a shadow root's, so it can miss a part rendered later).
   */
  const inside = (host, selector) =>
    page.waitForFunction((host, selector) => document.querySelector(host)?.shadowRoot?.querySelector(selector), { ...WAIT, polling: 100 }, host, selector);
  const text = (selector) => page.$eval(selector, (element) => element.textContent.replace(/\s+/g, ' ').trim());

  // 1. The listing: 20 cards in the catalogue's order, every rating shown, one batch request.
  await page.goto(`${shop}/`);
  await page.waitForFunction(
    (count) => {
      const ratings = [...document.querySelectorAll('.product-card kith-rating')];
      return ratings.length === count && ratings.every((rating) => rating.status === 'ready' || rating.status === 'empty');
    },
    WAIT,
    products.length,
  );
  const cards = await page.$$eval('.product-card', (items) =>
    items.map((item) => ({ name: item.querySelector('h2 a').textContent, href: item.querySelector('h2 a').getAttribute('href'), price: item.querySelector('.price').textContent })),
  );
  assert.deepEqual(cards.map((card) => card.name), products.map((p) => p.name), 'the 20 products in order');
  assert.deepEqual(cards.map((card) => card.href), products.map((p) => `product.html?sku=${p.sku}`), 'each links to its page');
  assert.equal(cards[0].price.replace(/\s/g, ''), '€89.00', 'prices from minor units in euros');
  const rated = await page.$$eval('.product-card kith-rating', (ratings) => ratings.filter((r) => r.status === 'ready').length);
  assert.ok(rated > 0, 'the seeded ratings show');
  assert.equal(summaries.length, 1, `one rating request for the listing: ${summaries.join(', ')}`);
  assert.match(summaries[0], /\/v1\/reviews\/aggregates\?/, 'the batch route');
  assert.equal(new URL(summaries[0]).searchParams.getAll('productId').join(',').split(',').length, products.length, 'every product in it');
  assert.equal(await page.$('kith-loyalty-badge'), null, 'signed out: no loyalty badge');
  assert.equal(await text('#sign-in-link'), 'Sign in');
  await fits('the listing');
  console.log(`✓ listing: ${cards.length} products, ${rated} with ratings, 1 batch request (${summaries[0].split('?')[0]})`);

  // 2. A product page, signed out: reviews with search-engine markup, "Sign in to buy", no badge.
  await page.goto(`${shop}/product.html?sku=${sampleSku}`);
  const product = products.find((p) => p.sku === sampleSku);
  await page.waitForFunction(
    () => {
      const reviews = document.querySelector('#reviews');
      return reviews?.status === 'ready' && reviews.shadowRoot.querySelectorAll('[part~="review"]').length > 0 && reviews.querySelector('script[type="application/ld+json"]');
    },
    WAIT,
  );
  assert.equal(await text('#product-name'), product.name);
  const jsonLd = JSON.parse(await page.$eval('#reviews script[type="application/ld+json"]', (script) => script.textContent));
  assert.equal(jsonLd['@type'], 'Product', 'JSON-LD: a Product');
  assert.equal(jsonLd.name, product.name, 'JSON-LD: named as the shop names it');
  assert.ok(jsonLd.aggregateRating?.reviewCount > 0, 'JSON-LD: with its rating');
  assert.equal(await page.$('kith-loyalty-badge'), null, 'signed out: no badge');
  assert.equal(await page.$('#buy-now'), null, 'signed out: no checkout');
  assert.match(await page.$eval('#buy-sign-in', (a) => a.getAttribute('href')), /^sign-in\.html\?next=%2Fstorefront%2Fproduct\.html%3Fsku%3D/);
  await inside('#review-form', '[part~="submit"]');
  await fits('a product page');
  console.log(`✓ product page ${sampleSku}: reviews, JSON-LD (${jsonLd.aggregateRating.reviewCount} reviews), signed out without badge`);

  await page.goto(`${shop}/product.html?sku=SKU-0000`);
  await page.waitForSelector('#not-found', WAIT);
  assert.equal(await text('#not-found'), 'Product not found');
  assert.equal(await page.$('kith-reviews'), null, 'no Kith element for a product the shop does not have');
  console.log('✓ an unknown SKU: "Product not found"');

  // 3. `?next=` to another site is not followed: signed in, the shopper lands on the shop.
  await page.goto(`${shop}/sign-in.html?next=${encodeURIComponent('https://evil.example/')}`);
  await page.waitForSelector('#shopper-list #sign-in-sample', WAIT);
  const offered = await page.$$eval('#shopper-list button', (buttons) => buttons.map((b) => b.dataset.customerId));
  assert.equal(offered[0], sampleCustomerId, 'the sample customer is offered first');
  await fits('the sign-in page');
  const batchesBefore = summaries.length;
  await Promise.all([page.waitForNavigation(), page.click('#sign-in-sample')]);
  assert.equal(page.url(), `${shop}/`, 'after sign-in: the shop, not https://evil.example');
  const refused = await page.evaluate(async () => {
    const { safeNext } = await import('/storefront/shop.js');
    return ['https://evil.example', '//evil.example/x', '/\\evil.example', '/%5Cevil.example', 'javascript:alert(1)', '/\t/evil.example', '/storefront/../intranet/', '/other-site/', '/storefront/help.html?x=1'].map(
      (value) => safeNext(value),
    );
  });
  assert.deepEqual(refused, [...Array(8).fill('/storefront/'), '/storefront/help.html?x=1'], 'only the shop\'s own paths are followed');
  console.log('✓ ?next=https://evil.example (and //host, /\\host, javascript:, other paths) is not followed');

  // 4. Signed in as the sample shopper: the header badge shows their points.
  const loyalty = await kith.api('GET', `/v1/customers/${sampleCustomerId}/loyalty`);
  const balanceShown = () =>
    page.evaluate(() => {
      const badge = document.querySelector('#loyalty-badge');
      return badge?.status === 'ready' ? Number(badge.shadowRoot.querySelector('[part~="balance"]').textContent.replace(/\D/g, '')) : null;
    });
  await page.waitForFunction(
    () => document.querySelector('#loyalty-badge')?.status === 'ready' && [...document.querySelectorAll('kith-rating')].every((r) => r.status === 'ready' || r.status === 'empty'),
    WAIT,
  );
  assert.equal(await balanceShown(), loyalty.balance, 'the badge shows the points');
  assert.equal(summaries.length - batchesBefore, 1, 'signed in (a token function on the provider): still one rating request');
  const name = (await kith.api('GET', `/v1/customers/${sampleCustomerId}`)).name;
  assert.equal(await text('#shopper-name'), name);
  await fits('the listing, signed in');
  console.log(`✓ signed in as ${name}: the badge shows ${loyalty.balance} points`);

  // 5. Buy → the order page (the order is in Kith: points follow) with the NPS survey.
  await page.goto(`${shop}/product.html?sku=${sampleSku}`);
  await page.waitForSelector('#buy-now', WAIT);
  await fits('a product page, signed in');
  await Promise.all([page.waitForNavigation(), page.click('#buy-now')]);
  const orderNumber = new URL(page.url()).searchParams.get('order');
  assert.match(orderNumber ?? '', /^KS-[0-9A-F]{8}$/, `the order page: ${page.url()}`);
  assert.equal(new URL(page.url()).pathname, '/storefront/order.html');
  await page.waitForSelector('#order-heading', WAIT);
  assert.equal(await text('#order-heading'), `Thank you, order ${orderNumber}`);
  const after = await kith.api('GET', `/v1/customers/${sampleCustomerId}/loyalty`);
  assert.ok(after.balance > loyalty.balance, `the order earned points in Kith (${loyalty.balance} → ${after.balance})`);
  await page.waitForFunction((balance) => {
    const badge = document.querySelector('#loyalty-badge');
    return badge?.status === 'ready' && Number(badge.shadowRoot.querySelector('[part~="balance"]').textContent.replace(/\D/g, '')) === balance;
  }, WAIT, after.balance);
  await inside('#nps', '[part~="score"]');
  await fits('the order page');
  console.log(`✓ bought ${product.name}: order ${orderNumber}, the badge shows ${after.balance} points, the NPS survey asks`);

  // 6. Answer the survey: stored in Kith as this shopper's NPS answer.
  const started = new Date(Date.now() - 1000).toISOString();
  await listenForSubmits();
  await page.click('#nps >>> label[for="score-9"]');
  await page.click('#nps >>> [part~="submit"]');
  await page.waitForFunction(() => window.kithSubmitted.length > 0, WAIT);
  assert.deepEqual(await page.evaluate(() => window.kithSubmitted), [{ kind: 'nps', status: 'sent' }]);
  const surveys = await kith.api('GET', `/v1/feedback?kind=survey&customerId=${sampleCustomerId}&limit=10`);
  const answer = surveys.items.find((item) => item.metric === 'nps' && item.createdAt >= started);
  assert.ok(answer, `the NPS answer is stored: ${JSON.stringify(surveys.items.slice(0, 2))}`);
  assert.equal(answer.score, 9);
  console.log('✓ the NPS answer (9) is stored for the shopper');

  // 7. A review of what was bought, signed in: linked to the shopper, a verified purchase.
  await page.goto(`${shop}/product.html?sku=${sampleSku}`);
  await inside('#review-form', 'input[name="title"]');
  const shownAt = await page.evaluate(() => performance.now());
  const title = `Comfy from day one ${Date.now()}`;
  await page.click('#review-form >>> label[for="star-5"]');
  await page.type('#review-form >>> input[name="title"]', title);
  await page.type('#review-form >>> textarea[name="body"]', 'Light, comfortable and they go with everything.');
  await page.type('#review-form >>> input[name="authorName"]', 'Olivia B.');
  // Kith's bot check refuses a review filled in under 3 s (`reviewMinFillMs`): a person takes longer.
  await page.waitForFunction((since) => performance.now() - since > 3_100, WAIT, shownAt);
  await listenForSubmits();
  await page.click('#review-form >>> [part~="submit"]');
  await page.waitForFunction(() => window.kithSubmitted.length > 0, WAIT).catch(async (error) => {
    const form = await page.$eval('#review-form', (f) => f.shadowRoot.textContent.replace(/\s+/g, ' '));
    throw new Error(`the review was not handed over; the form says: ${form} ${[...problems(), ...refusals].join('; ')}`, { cause: error });
  });
  assert.deepEqual(await page.evaluate(() => window.kithSubmitted), [{ kind: 'review', product: sampleSku, status: 'sent' }]);
  const reviews = await kith.api('GET', `/v1/feedback?kind=review&customerId=${sampleCustomerId}&limit=20`);
  const review = reviews.items.find((item) => item.title === title);
  assert.ok(review, "the review is the shopper's");
  assert.equal(review.verifiedPurchase, true, 'a verified purchase');
  assert.equal(review.status, 'pending', 'waiting for moderation');
  await inside('#review-form', '[part~="verified"]');
  console.log('✓ a review of the bought product: linked to the shopper, "Verified buyer", awaiting moderation');

  // 8. A complaint from the help page, signed in: listed for staff with the shopper's id.
  await page.goto(`${shop}/help.html`);
  await inside('#complaint', 'textarea');
  const subject = `Parcel arrived damaged ${Date.now()}`;
  await page.select('#complaint >>> select[name="category"]', 'delivery');
  await page.type('#complaint >>> input[name="subject"]', subject);
  await page.type('#complaint >>> textarea[name="body"]', 'The box was crushed and the collar is torn.');
  await page.click('#complaint >>> #complaint-by-email');
  await page.type('#complaint >>> input[name="name"]', name);
  await page.type('#complaint >>> input[name="email"]', 'shopper@example.com');
  await listenForSubmits();
  await page.click('#complaint >>> [part~="submit"]');
  await page.waitForFunction(() => window.kithSubmitted.length > 0, WAIT);
  assert.deepEqual(await page.evaluate(() => window.kithSubmitted), [{ kind: 'complaint', status: 'sent' }]);
  await inside('#complaint', '[part~="receipt"]');
  const complaints = await kith.api('GET', '/v1/feedback?kind=complaint&limit=100');
  const complaint = complaints.items.find((item) => item.subject === subject);
  assert.ok(complaint, 'the complaint is listed for staff');
  assert.equal(complaint.customerId, sampleCustomerId, "it is the signed-in shopper's");
  await fits('the help page');
  console.log(`✓ complaint sent and listed for staff (status ${complaint.status})`);

  // Accessibility (axe, shadow roots included) of every page, signed in, light and dark. On a
  // page of its own that lets the test inject axe (the strict CSP would refuse it, rightly).
  const audit = await browser.newPage();
  await audit.setBypassCSP(true);
  await audit.setViewport({ width: WIDTH, height: 800 });
  const axe = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
  /** Every Kith element that reads has settled (whatever it shows), and each page's own marker is there. */
  const pages = {
    'index.html': ['#loyalty-badge', '.product-card kith-rating'],
    [`product.html?sku=${sampleSku}`]: ['#loyalty-badge', '#reviews', '#review-form'],
    [`order.html?order=${orderNumber}`]: ['#loyalty-badge', '#order-heading', '#nps'],
    'help.html': ['#loyalty-badge', '#complaint'],
    'sign-in.html': ['#loyalty-badge', '#sign-in-sample'],
  };
  const settled = (markers) => {
    const shown = (element) => element && (!element.localName.startsWith('kith-') || element.shadowRoot?.childElementCount > 0);
    const reading = [...document.querySelectorAll('kith-rating, kith-loyalty-badge, kith-reviews')];
    return markers.every((marker) => shown(document.querySelector(marker))) && reading.every((e) => e.status && e.status !== 'idle' && e.status !== 'loading');
  };
  for (const scheme of ['light', 'dark']) {
    await audit.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    for (const [path, markers] of Object.entries(pages)) {
      await audit.goto(`${shop}/${path}`);
      await audit.waitForFunction(settled, { ...WAIT, polling: 100 }, markers).catch(async (error) => {
        const states = await audit.$$eval('kith-rating, kith-loyalty-badge, kith-reviews', (all) => all.map((e) => `${e.localName}: ${e.status}`));
        throw new Error(`${path} did not settle: ${states.join(', ')}`, { cause: error });
      });
      await audit.evaluate(axe);
      const violations = await audit.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      );
      assert.deepEqual(violations, [], `axe (${scheme}) on ${path}`);
    }
  }
  await audit.close();
  console.log(`✓ axe: ${Object.keys(pages).length} pages, light and dark, no violations`);

  // 9. Sign out: the badge is gone.
  await Promise.all([page.waitForNavigation(), page.click('#sign-out')]);
  await page.waitForSelector('#sign-in-link', WAIT);
  assert.equal(await page.$('kith-loyalty-badge'), null, 'signed out: no badge');
  console.log('✓ signed out: no badge');

  assert.deepEqual([...problems(), ...refusals], [], 'no page error, console error, CSP violation or refused request');
  console.log('✓ 0 page errors, 0 console errors, 0 CSP violations');
} finally {
  await browser?.close();
  await kith.stop();
}
