// Browser tests in Debian Chromium and firefox-esr against the REAL @kith/server.
// Run: npx wtr --config web-test-runner.config.mjs   (KITH_BROWSERS=chromium|firefox picks one)
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { kithServerPlugin } from './test/support/kith-server-plugin.mjs';
import { touchPlugin } from './test/support/touch-plugin.mjs';

const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
const chromeArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

// A fixed port, so the page's origin is known and the server can allow it.
const port = Number(process.env.KITH_WTR_PORT) || 8765;
const hostname = 'localhost';
const origin = `http://${hostname}:${port}`;

const launchers = {
  chromium: () => chromeLauncher({ launchOptions: { executablePath: chromePath, headless: true, args: chromeArgs } }),
  firefox: () => puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefoxPath, headless: true } }),
};
const wanted = (process.env.KITH_BROWSERS || 'chromium,firefox').split(',').map((name) => name.trim()).filter(Boolean);
for (const name of wanted) if (!(name in launchers)) throw new Error(`KITH_BROWSERS: unknown browser "${name}"`);

export default {
  files: ['packages/sdk/src/**/*.test.ts', 'packages/elements/src/**/*.test.ts', 'test/**/*.test.ts'],
  hostname,
  port,
  nodeResolve: { exportConditions: ['kith-source', 'browser', 'import', 'default'] },
  plugins: [
    // tsconfigRaw is read as is (no `extends`): point at the file holding the decorator settings.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' }),
    kithServerPlugin({ demoOrigin: origin }),
    // `touchDrag` (test/support/touch-commands.ts): puppeteer's touchscreen, Chromium only.
    touchPlugin(),
  ],
  browsers: wanted.map((name) => launchers[name]()),
  // A test (or hook) is failed after 30 s: an isolated server's start or a live update can take
  // over 15 s when both browsers run many files at once on two cores.
  testFramework: { config: { timeout: 30_000 } },
  testsFinishTimeout: Number(process.env.KITH_WTR_FINISH) || 180_000,
};
