// Debian Chromium, headless, driven by puppeteer-core (never a downloaded browser). Every page
// of the run shares one profile (a fresh temporary one per run), so IndexedDB written by one
// page is there for the next: a "new page" is a new tab, a fresh JS context on the same origin.
import puppeteer from 'puppeteer-core';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * @param {string} origin the static server's origin
 * @param {(problem: string) => void} report page errors and failed loads, which void the figures
 */
export async function launch(origin, report) {
  const browser = await puppeteer.launch({ executablePath: CHROME_PATH, headless: true, args: ARGS });
  return {
    version: await browser.version(),
    /** Opens `path` in a new tab and waits for its scripts (module scripts run before `load`). */
    async open(path) {
      const page = await browser.newPage();
      page.on('pageerror', (error) => report(`${path}: page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(message.text())) report(`${path}: console error: ${message.text()}`);
      });
      const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`${path}: ${response?.status()}`);
      await page.waitForFunction(() => globalThis.bench !== undefined, { timeout: 10_000 });
      return page;
    },
    close: () => browser.close(),
  };
}

/** Calls `bench.sides[side][fn](...args)` in the page and returns its answer. */
export const call = (page, side, fn, ...args) =>
  page.evaluate((side, fn, args) => globalThis.bench.sides[side][fn](...args), side, fn, args);
