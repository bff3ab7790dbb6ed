// Every Kith element on a shop page under a strict Content-Security-Policy, in real Chromium.
// Two origins, as in production: the built Kith server (API origin A, started like the README's
// start command) and this script's own little site (page origin B) that serves the page with the
// policy as an HTTP header and stands in for the shop's backend (its config and a staff-token
// route that mints from A with the secret key). The shop allows B on its publishable key through
// the key admin API, as a shop would. Fails (exit 1) on any violation, page error or console
// error, or if an element does not show the seeded data.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { contentSecurityPolicy } from '../../examples/server/examples-server.mjs';
import { launchChromium } from '../support/chromium.mjs';
import { startCommand } from '../support/start-command.mjs';

const pageDir = new URL('./page/', import.meta.url);

/** The policy (one line in the header): the README's, as the example sites are served with it. */
const policy = contentSecurityPolicy;

/** Site B: the page files (with the policy header) and the shop's "backend" routes. */
function startSite(kith, config, staffId) {
  const types = { html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://b').pathname;
    const send = (status, type, body) => {
      response.writeHead(status, { 'content-type': type, 'content-security-policy': policy(kith.origin), 'cache-control': 'no-store' });
      response.end(body);
    };
    try {
      if (path === '/config.json') return send(200, 'application/json', JSON.stringify(config));
      if (path === '/backend/staff-token' && request.method === 'POST') {
        // The shop's backend, after its staff login: only its own pages get a token.
        if (request.headers.origin !== site.origin) return send(403, 'application/json', '{"error":"forbidden"}');
        const minted = await kith.api('POST', '/v1/tokens', {
          kind: 'staff',
          subject: staffId,
          scopes: ['customers:read', 'staff:read', 'loyalty:read', 'opportunities:read', 'feedback:read', 'feedback:moderate'],
          publishableKey: kith.publishableKey,
          expiresInSeconds: 300,
        });
        return send(200, 'application/json', JSON.stringify({ token: minted.token }));
      }
      const file = { '/': 'index.html', '/index.html': 'index.html', '/probe.html': 'probe.html', '/guard.js': 'guard.js', '/page.js': 'page.js', '/page.css': 'page.css' }[path];
      if (!file) return send(404, 'text/plain', 'not found');
      const text = readFileSync(new URL(file, pageDir), 'utf8').replaceAll('%KITH_ORIGIN%', kith.origin);
      return send(200, types[file.split('.').pop()], text);
    } catch (error) {
      return send(500, 'text/plain', String(error));
    }
  });
  const site = { server, origin: '' };
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      site.origin = `http://127.0.0.1:${server.address().port}`;
      resolve(site);
    }),
  );
}

/** Every element and how to tell it shows the seeded data (run in the page by DevTools, so no eval under the policy). */
const checks = {
  'kith-customer-card': (el, seed) => {
    // The credit bar's width goes through the CSSOM (no style attribute under the policy): it must still be set.
    const fill = el.shadowRoot.querySelector('.credit .fill');
    return el.status === 'ready' && el.shadowRoot.textContent.includes(seed.customerName) && (!fill || (fill.style.inlineSize.endsWith('%') && parseFloat(fill.style.inlineSize) === parseFloat(fill.dataset.fill)));
  },
  'kith-loyalty-badge': (el, seed) =>
    el.status === 'ready' && el.shadowRoot.querySelector('[part~="balance"]')?.textContent.replace(/\D/g, '') === String(seed.loyaltyBalance),
  'kith-timeline': (el) => el.status === 'ready' && el.shadowRoot.querySelectorAll('[part~="item"]').length > 0,
  'kith-pipeline': (el, seed) => el.status === 'ready' && el.shadowRoot.textContent.includes(seed.pipelineName),
  'kith-feedback-inbox': (el) => el.status === 'ready' && el.shadowRoot.querySelectorAll('kith-feedback-inbox-item').length > 0,
  'kith-survey-results': (el) => el.status === 'ready' && /\d/.test(el.shadowRoot.querySelector('[part~="score"]')?.textContent ?? ''),
  'kith-rating': (el) => el.status === 'ready' && /^Rated/.test(el.shadowRoot.querySelector('[role="img"]')?.getAttribute('aria-label') ?? ''),
  'kith-reviews': (el) =>
    el.status === 'ready' && el.shadowRoot.querySelectorAll('[part~="review"]').length > 0 && el.querySelector('script[type="application/ld+json"]') !== null,
  'kith-feedback[kind="review"]': (el) => el.shadowRoot.querySelector('fieldset legend')?.textContent === 'Rating',
  'kith-feedback[kind="nps"]': (el) => el.shadowRoot.querySelectorAll('input[type="radio"], button').length > 0,
  'kith-feedback[kind="complaint"]': (el) => el.shadowRoot.querySelector('textarea') !== null,
};

let browser;
let site;
let kith;
let failed = false;
try {
  kith = await startCommand('kith-csp-');
  const settings = await (await fetch(`${kith.url}/demo/settings.json`)).json();
  const customerId = settings.customerIds[0];
  const customer = await kith.api('GET', `/v1/customers/${customerId}`);
  const [pipeline] = (await kith.api('GET', '/v1/pipelines')).items;
  // An admin sees every customer and deal (the sales hierarchy limits the others).
  const [admin] = (await kith.api('GET', '/v1/staff?role=admin')).items;
  assert.ok(pipeline && admin, 'the demo data has a pipeline and an admin');
  const config = { baseUrl: kith.url, publishableKey: kith.publishableKey, customerId, pipelineId: pipeline.id, productSku: settings.productSku };
  site = await startSite(kith, config, admin.id);

  // The shop allows its page's origin on its publishable key, with its secret key, as it would
  // for its own site (the key admin API; `kith-server keys` does the same from a shell).
  await kith.allowOrigin(site.origin);

  browser = await launchChromium(puppeteer);

  // 1. The policy is enforced: an inline script does not run, and a script sink refuses a string.
  const probe = await browser.newPage();
  const probeResponse = await probe.goto(`${site.origin}/probe.html`);
  assert.equal(probeResponse.headers()['content-security-policy'], policy(kith.origin), 'the page is served with the policy');
  const enforced = await probe.evaluate(() => {
    let sinkThrew = false;
    try {
      document.createElement('script').text = 'window.kithSinkRan = true';
    } catch (error) {
      sinkThrew = error instanceof TypeError;
    }
    return { inlineRan: window.kithInlineRan === true, sinkThrew };
  });
  // Violation reports are queued as tasks: wait for the sink's, then read them all.
  await probe.waitForFunction(() => window.kithCspViolations.some((v) => v.directive === 'require-trusted-types-for'), { timeout: 10_000 });
  enforced.directives = await probe.evaluate(() => window.kithCspViolations.map((v) => v.directive));
  assert.equal(enforced.inlineRan, false, 'an inline script does not run');
  assert.equal(enforced.sinkThrew, true, 'a string assigned to a script sink throws (Trusted Types)');
  assert.ok(enforced.directives.includes('script-src-elem'), `the inline script was reported: ${enforced.directives}`);
  assert.ok(enforced.directives.includes('require-trusted-types-for'), `the sink was reported: ${enforced.directives}`);
  console.log(`✓ the policy is enforced: inline script blocked, script sink throws (${enforced.directives.join(', ')})`);
  await probe.close();

  // 2. Every element under that policy, with no violation, page error or console error.
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 6000 });
  const problems = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  const response = await page.goto(`${site.origin}/`);
  assert.equal(response.headers()['content-security-policy'], policy(kith.origin));

  const loyalty = await kith.api('GET', `/v1/customers/${customerId}/loyalty`);
  const seed = { customerName: customer.name, pipelineName: pipeline.name, loyaltyBalance: loyalty.balance };
  // Each check runs in the page through DevTools (not through eval, which the policy forbids).
  const pending = async () => {
    const left = [];
    for (const [selector, check] of Object.entries(checks)) {
      const attached = await page.evaluate((selector) => Boolean(document.querySelector(selector)?.shadowRoot), selector);
      if (!attached || !(await page.$eval(selector, check, seed))) left.push(selector);
    }
    return left;
  };
  let waiting = Object.keys(checks);
  const deadline = Date.now() + 60_000;
  while (waiting.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    waiting = await pending();
  }
  const shown = await page.evaluate(
    (selectors) =>
      selectors.map((selector) => {
        const element = document.querySelector(selector);
        return `${selector}: ${element?.status ?? '-'} | ${(element?.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 90)}`;
      }),
    Object.keys(checks),
  );
  const violations = await page.evaluate(() => window.kithCspViolations);
  assert.deepEqual(violations, [], 'no Content-Security-Policy or Trusted Types violation');
  assert.deepEqual(waiting, [], `elements without their seeded data:\n${shown.join('\n')}\n${problems.join('\n')}`);
  assert.deepEqual(problems, [], 'no page error, console error or failed request');
  for (const line of shown) console.log(`✓ ${line}`);

  // A write across the two origins under the policy: the survey form sends an answer (CORS
  // preflight, the publishable key from an allowed origin) and shows its receipt.
  await page.evaluate(() => {
    window.kithSubmitted = [];
    document.addEventListener('kith-feedback-submit', (event) => window.kithSubmitted.push(event.detail.status));
  });
  const score = (await page.$$('kith-feedback[kind="nps"] >>> [part~="score"]')).at(-1);
  assert.ok(score, 'the survey shows its scale');
  await score.click();
  await (await page.$('kith-feedback[kind="nps"] >>> [part~="submit"]')).click();
  await page.waitForFunction(() => window.kithSubmitted.length > 0, { timeout: 30_000 });
  assert.deepEqual(await page.evaluate(() => window.kithSubmitted), ['sent'], 'the survey answer is sent');
  assert.deepEqual(await page.evaluate(() => window.kithCspViolations), [], 'no violation while writing');
  assert.deepEqual(problems, [], 'no error while writing');
  console.log('✓ a survey answer is sent from the page origin to the API origin under the policy');
  console.log(`✓ ${Object.keys(checks).length} elements ready under the strict policy, 0 violations, 0 errors (page ${site.origin}, API ${kith.origin})`);
} catch (error) {
  failed = true;
  console.error(error);
} finally {
  await browser?.close();
  site?.server.close();
  await kith?.stop();
}
process.exit(failed ? 1 : 0);
