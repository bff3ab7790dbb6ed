// The portal example (examples/portal/: React 19 + the SDK alone) in real Chromium, on the
// examples origin under its strict CSP, against the start command's server. Signed out it offers
// the shop's sign-in; signed in (through the shop's own backend, as its sign-in page does) it
// shows the sample shopper's points, orders, reviews and complaints as Kith has them. Then every
// request to Kith is refused and the page reloaded: the same figures come from the SDK's
// IndexedDB cache with the offline note, and Retry brings the page back once Kith answers again.
// A browser that never saw the account, offline, says that nothing is saved yet. Signing out
// empties the cache. Axe finds nothing in light and dark at 360 px. No page error, no CSP violation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';
import { launchChromium, watchPage } from '../support/chromium.mjs';
import { startCommand } from '../support/start-command.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WAIT = { timeout: 30_000 };

/** What the account page shows, read from its DOM once nothing is loading. */
async function shownFigures(page) {
  await page.waitForFunction(
    () =>
      document.querySelector('#points-balance') &&
      document.querySelector('#points-tier') &&
      (document.querySelector('#orders-list') || document.querySelector('#orders-heading ~ .empty')) &&
      (document.querySelector('#reviews-list') || document.querySelector('#reviews-heading ~ .empty')) &&
      (document.querySelector('#complaints-list') || document.querySelector('#complaints-heading ~ .empty')) &&
      !document.querySelector('main .loading'),
    WAIT,
  );
  return page.evaluate(() => {
    const ids = (selector) => [...document.querySelectorAll(selector)].map((li) => li.dataset.id ?? li.dataset.externalId);
    return {
      balance: Number(document.querySelector('#points-balance').value),
      tier: document.querySelector('#points-tier').textContent,
      orders: ids('#orders-list > li'),
      reviews: ids('#reviews-list > li'),
      complaints: ids('#complaints-list > li'),
      ledgerRows: document.querySelectorAll('#ledger-table tbody tr').length,
    };
  });
}

/** Signs in as a shopper the way the shop's sign-in page does: its backend, from the page's origin. */
const signIn = (page, customerId) =>
  page.evaluate(async (id) => {
    const response = await fetch('/storefront/api/sign-in', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerId: id }) });
    return response.status;
  }, customerId);

/** Refuses every request to Kith's origin (the page, the shop's backend and its token still answer). */
async function cutKith(page, kithUrl) {
  await page.setRequestInterception(true);
  page.on('request', (request) => (request.url().startsWith(`${kithUrl}/`) ? request.abort('internetdisconnected') : request.continue()));
}

/** Axe on the page as it is, in the light and the dark scheme. */
async function axe(page, where) {
  await page.evaluate(axeSource);
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    const violations = await page.evaluate(async () => (await window.axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`));
    assert.deepEqual(violations, [], `axe finds nothing on ${where} (${scheme})`);
  }
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
}

const kith = await startCommand('kith-portal-');
let browser;
try {
  const settings = await (await fetch(`${kith.url}/demo/settings.json`)).json();
  const customerId = settings.customerIds[0];
  const portal = `${kith.examplesUrl}/portal/`;

  // What Kith has for the sample shopper, asked by a shop's server with its secret key.
  const expectedFigures = async () => {
    const account = await kith.api('GET', `/v1/customers/${customerId}/loyalty`);
    const { program } = await kith.api('GET', '/v1/loyalty/program');
    const orders = await kith.api('GET', `/v1/customers/${customerId}/orders?limit=10`);
    const reviews = await kith.api('GET', `/v1/feedback?customerId=${customerId}&kind=review&limit=20`);
    const complaints = await kith.api('GET', `/v1/feedback?customerId=${customerId}&kind=complaint&limit=20`);
    const ledger = await kith.api('GET', `/v1/customers/${customerId}/loyalty/ledger?limit=10`);
    assert.ok(orders.items.length > 0 && reviews.items.length > 0, 'the sample shopper has orders and reviews');
    return {
      balance: account.balance,
      tier: program.tiers.find((tier) => tier.id === account.tierId)?.name ?? 'No tier yet',
      orders: orders.items.map((order) => order.externalId),
      reviews: reviews.items.map((review) => review.id),
      complaints: complaints.items.map((complaint) => complaint.id),
      ledgerRows: ledger.items.length,
    };
  };

  browser = await launchChromium(puppeteer);
  const page = await browser.newPage();
  await page.setViewport({ width: 360, height: 800 });
  const problems = await watchPage(page);
  // Kith refuses nothing the portal asks for: no read, and no live topic a customer token may
  // not follow (one refused topic would end the client's live stream).
  const refused = [];
  page.on('response', (response) => response.url().startsWith(`${kith.url}/`) && response.status() >= 400 && refused.push(`${response.status()} ${response.url()}`));

  // 1. Signed out: the shop's sign-in, coming back here.
  await page.goto(portal);
  await page.waitForSelector('#portal-sign-in', WAIT);
  assert.equal(await page.$eval('#portal-sign-in', (a) => a.getAttribute('href')), '/storefront/sign-in.html?next=/portal/');
  console.log('✓ signed out: a link to the shop\'s sign-in');

  // 2. Signed in, the shopper writes a review and a complaint (from the page, with the customer
  // token the shop mints, as its forms would); the shop rejects the review with a reason and
  // answers the complaint. The portal shows Kith's figures, newest order first, and both.
  assert.equal(await signIn(page, customerId), 200, 'the shop signs the sample shopper in');
  const written = await page.evaluate(async (kithUrl, sku) => {
    const { token } = await (await fetch('/storefront/api/token', { method: 'POST' })).json();
    const post = async (body) => {
      const response = await fetch(`${kithUrl}/v1/feedback`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return (await response.json()).id;
    };
    return {
      review: await post({ kind: 'review', productId: sku, rating: 2, title: 'Not for me', body: 'The colour was off.', authorName: 'Olivia B.', language: 'en' }),
      complaint: await post({ kind: 'complaint', category: 'delivery', subject: 'Parcel arrived late', body: 'Two weeks late.', contact: { name: 'Olivia Bennett', email: 'olivia@example.com', phone: null } }),
    };
  }, kith.url, settings.productSku);
  await kith.api('POST', `/v1/feedback/${written.review}/moderate`, { action: 'reject', reason: 'Names another shop' });
  await kith.api('POST', `/v1/feedback/${written.complaint}/reply`, { body: 'Sorry: a voucher is on its way.' });
  const expected = await expectedFigures();
  assert.ok(expected.reviews.includes(written.review) && expected.complaints.includes(written.complaint));
  // The live stream the reads open once fresh: the shopper's own topic only.
  const stream = new Promise((resolve) => {
    const seen = (response) => {
      if (!response.url().startsWith(`${kith.url}/v1/events`) || response.request().method() !== 'GET') return;
      page.off('response', seen);
      resolve({ status: response.status(), topics: new URL(response.url()).searchParams.getAll('topic') });
    };
    page.on('response', seen);
  });
  await page.reload();
  const online = await shownFigures(page);
  assert.deepEqual(online, expected, 'the portal shows what Kith has');
  assert.equal(await page.$('#offline-note'), null, 'no offline note while Kith answers');
  const texts = await page.evaluate((review, complaint) => ({
    review: document.querySelector(`#reviews-list > li[data-id="${review}"]`)?.textContent,
    complaint: document.querySelector(`#complaints-list > li[data-id="${complaint}"]`)?.textContent,
  }), written.review, written.complaint);
  const [newest] = (await kith.api('GET', `/v1/customers/${customerId}/orders?limit=1`)).items;
  const firstOrder = await page.$eval('#orders-list > li', (li) => li.textContent);
  for (const line of newest.lines) assert.ok(firstOrder.includes(line.name), `the newest order lists ${line.name}`);
  assert.match(texts.review ?? '', /Not published.*Why it was not published: Names another shop/, 'the rejected review says why');
  assert.match(texts.complaint ?? '', /Answered.*Sorry: a voucher is on its way\./, "the complaint shows the shop's answer");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `nothing wider than 360 px (${overflow} px too wide)`);
  await axe(page, 'the account page');
  assert.deepEqual(await stream, { status: 200, topics: [`customer:${customerId}`] }, "live updates follow the shopper's own topic");
  assert.deepEqual(refused, [], 'Kith answered every request of the portal');
  console.log(`✓ signed in: ${online.balance} points (${online.tier}), ${online.orders.length} orders (first ${online.orders[0]}), ${online.reviews.length} reviews, ${online.complaints.length} complaints`);

  // Live: the shop corrects the balance; the open page follows without a reload.
  await kith.api('POST', `/v1/customers/${customerId}/loyalty/adjust`, { points: 25, note: 'Sorry for the late parcel' });
  await page.waitForFunction((balance) => document.querySelector('#points-balance')?.value === String(balance), WAIT, expected.balance + 25);
  await page.waitForFunction(() => document.querySelector('#ledger-table tbody tr')?.textContent.includes('Sorry for the late parcel'), WAIT);
  Object.assign(expected, await expectedFigures());
  assert.deepEqual(await shownFigures(page), expected, 'the page shows the corrected figures');
  console.log(`✓ live: a correction of +25 points shows without a reload (${expected.balance})`);

  // 3. Kith unreachable: the same figures from IndexedDB, the offline note and a Retry.
  const before = problems().length;
  await cutKith(page, kith.url);
  await page.reload();
  await page.waitForSelector('#offline-note', WAIT);
  const offline = await shownFigures(page);
  assert.deepEqual(offline, expected, 'offline, the portal shows the saved figures');
  const note = await page.$eval('#offline-note p', (p) => p.textContent);
  assert.match(note, /^Offline — showing what was saved at .+\.$/, note);
  await axe(page, 'the account page offline');
  console.log(`✓ Kith unreachable: the same figures from the cache — "${note}"`);

  // 4. Kith answers again: Retry takes the note away.
  page.removeAllListeners('request');
  await page.setRequestInterception(false);
  await page.click('#portal-retry');
  await page.waitForFunction(() => !document.querySelector('#offline-note'), WAIT);
  assert.deepEqual(await shownFigures(page), expected, 'after Retry, the server\'s figures');
  console.log('✓ Retry once Kith answers: the note goes');
  // Refused requests are reported on the console by the browser itself; nothing else may be.
  const offlineProblems = problems().slice(before).filter((line) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(line));
  assert.deepEqual([...problems().slice(0, before), ...offlineProblems], [], 'no page error, console error or CSP violation');

  // 5. A browser that never saw the account, offline: a clear message and nothing else.
  const fresh = await browser.createBrowserContext();
  try {
    const other = await fresh.newPage();
    const otherProblems = await watchPage(other);
    await cutKith(other, kith.url);
    await other.goto(portal);
    await other.waitForSelector('#portal-sign-in', WAIT);
    assert.equal(await signIn(other, customerId), 200);
    await other.reload();
    await other.waitForSelector('#offline-empty', WAIT);
    const message = await other.$eval('#offline-empty', (el) => el.textContent);
    assert.match(message, /nothing from your account has been saved on this device yet/);
    assert.equal(await other.$('#points-balance'), null, 'no figures to show');
    assert.deepEqual(otherProblems().filter((line) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(line)), []);
    console.log('✓ first visit offline: "nothing saved yet"');
  } finally {
    await fresh.close();
  }

  // 6. Signing out empties the cache: offline again, the next visit has nothing to show.
  await page.click('#portal-sign-out');
  await page.waitForSelector('#portal-sign-in', WAIT);
  const cached = await page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        // Any saved answer would name the shopper's id in its path; none may remain.
        const open = indexedDB.open('kith-cache');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (names.length === 0) return resolve(0);
          const tx = db.transaction(names, 'readonly');
          let found = 0;
          for (const name of names) {
            tx.objectStore(name).openCursor().onsuccess = (event) => {
              const cursor = event.target.result;
              if (!cursor) return;
              if (JSON.stringify([cursor.key, cursor.value]).includes(id)) found++;
              cursor.continue();
            };
          }
          tx.oncomplete = () => resolve(found);
          tx.onerror = () => reject(tx.error);
        };
      }),
    customerId,
  );
  assert.equal(cached, 0, 'nothing of the shopper is left in IndexedDB after signing out');
  assert.deepEqual(problems().slice(before).filter((line) => !/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/.test(line)), []);
  console.log('✓ sign out: the cache is empty');
} finally {
  await browser?.close();
  await kith.stop();
}
