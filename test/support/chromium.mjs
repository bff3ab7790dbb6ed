// Chromium for the Node page tests: Debian's build (CHROME_PATH), headless, with the flags this
// project's machines need; and a page watcher that collects what must never happen on a page.

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** @param {typeof import('puppeteer-core').default} puppeteer */
export const launchChromium = (puppeteer, options = {}) =>
  puppeteer.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS, ...options });

/**
 * Collects page errors, console errors and Content-Security-Policy violations of a page (and its
 * later navigations); call the returned function to read them.
 * @param {import('puppeteer-core').Page} page
 */
export async function watchPage(page) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // "Failed to load resource" names no resource in its text: its location does.
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.text().startsWith('Failed to load resource') && message.location()?.url;
    problems.push(`console error: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  await page.exposeFunction('__kithViolation', (text) => problems.push(`CSP violation: ${text}`));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.__kithViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
    );
  });
  return () => [...problems];
}
