// A web-test-runner plugin with a touch command: @web/test-runner has none. It drives the
// page's touchscreen through puppeteer (`page.touchscreen`) — Chromium through the chrome
// launcher's page; elsewhere it answers `{ supported: false }` so a test can skip with a reason.
//
//   'kith-touch-drag'  payload { from: [x, y], to: [x, y], steps?, holdMs? } → { supported: boolean }
//                      a finger goes down at `from`, waits `holdMs` (default 0), moves to `to` in
//                      `steps` steps (default 10) and lifts. Coordinates are CSS px in the viewport.

/** @param {unknown} point */
const isPoint = (point) => Array.isArray(point) && point.length === 2 && point.every((n) => Number.isFinite(n));

/** @returns {import('@web/test-runner').TestRunnerPlugin} */
export function touchPlugin() {
  return {
    name: 'kith-touch',
    async executeCommand({ command, payload, session }) {
      if (command !== 'kith-touch-drag') return undefined;
      const { from, to, steps = 10, holdMs = 0 } = /** @type {any} */ (payload ?? {});
      if (!isPoint(from) || !isPoint(to)) throw new Error('[kith-touch] kith-touch-drag needs `from` and `to` as [x, y]');
      const browser = /** @type {any} */ (session.browser);
      // Touch input is emulated through the Chrome DevTools Protocol: Chromium only.
      if (browser.type !== 'puppeteer' || !/chrom/i.test(browser.name) || typeof browser.getPage !== 'function') return { supported: false };
      const page = browser.getPage(session.id);
      const touch = await page.touchscreen.touchStart(from[0], from[1]);
      if (holdMs > 0) await new Promise((resolve) => setTimeout(resolve, holdMs));
      for (let i = 1; i <= steps; i++) {
        await touch.move(from[0] + ((to[0] - from[0]) * i) / steps, from[1] + ((to[1] - from[1]) * i) / steps);
      }
      await touch.end();
      return { supported: true };
    },
  };
}
