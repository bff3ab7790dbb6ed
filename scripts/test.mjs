// The README's test command: type-check, lint, Node suites, build, Storybook (built, and every
// story rendered in Chromium), browser suites in Chromium and Firefox against a real server, and
// the start command's smoke test, the example sites end to end, the README's snippets.
import { run } from './run.mjs';

const steps = [
  ['types (tsc --strict)', 'node_modules/.bin/tsc', ['-p', 'tsconfig.json']],
  ['types of the portal example (React)', 'node_modules/.bin/tsc', ['-p', 'examples/portal/tsconfig.json']],
  ['lint (eslint)', 'node_modules/.bin/eslint', ['.']],
  ['node tests (schema, server)', process.execPath, ['scripts/test-node.mjs']],
  ['build (rollup + tsc declarations)', process.execPath, ['scripts/build.mjs']],
  ['Storybook (custom elements manifest + static build)', process.execPath, ['scripts/storybook.mjs', 'build']],
  ['browsers present', process.execPath, ['scripts/browsers.mjs']],
  ['Storybook stories render their states (Chromium)', process.execPath, ['scripts/storybook-check.mjs']],
  ['browser tests (Chromium, Firefox)', 'node_modules/.bin/wtr', ['--config', 'web-test-runner.config.mjs']],
  ['start command smoke test', process.execPath, ['test/start/smoke.mjs']],
  ['example site: storefront (Chromium)', process.execPath, ['test/examples/storefront.mjs']],
  ['example site: intranet (Chromium)', process.execPath, ['test/examples/intranet.mjs']],
  ['example site: portal, offline cache (Chromium)', process.execPath, ['test/examples/portal.mjs']],
  ['click path across the sites: review written, published, seen, points (Chromium)', process.execPath, ['test/examples/click-path.mjs']],
  ["the README's embed snippets on a blank page (Chromium)", process.execPath, ['test/readme/snippets.mjs']],
  ['strict CSP page (Chromium)', process.execPath, ['test/csp/strict-csp.mjs']],
  ['drop-in: versioned, SRI, loaded twice (Chromium)', process.execPath, ['test/drop-in/drop-in.mjs']],
];

const timings = [];
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name}`);
  timings.push([name, run(command, args)]);
}
console.log('\nall tests passed');
for (const [name, seconds] of timings) console.log(`  ${seconds.toFixed(1).padStart(6)} s  ${name}`);
