// Runs the Node test suites (schema, server, scripts) with node:test on the TypeScript
// sources. The server suites use one PGlite per test file (= per process) and run again
// on PostgreSQL when KITH_TEST_DATABASE_URL is set.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { nodeTs, run } from './run.mjs';

/** Test files under a folder (default: `*.test.ts` / `*.test.mjs`), skipping dependencies and builds. */
function testFiles(dir, pattern = /\.test\.(ts|mjs)$/) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...testFiles(path, pattern));
    else if (pattern.test(entry.name)) found.push(path);
  }
  return found;
}

// Browser packages keep Node-only suites (pure functions) as `*.node-test.ts`, so the
// browser runner, which takes `*.test.ts`, leaves them alone.
const files = [
  ...testFiles('packages/schema/src'),
  ...testFiles('packages/server/src'),
  ...testFiles('packages/sdk/src', /\.node-test\.ts$/),
  ...testFiles('packages/elements/src', /\.node-test\.ts$/),
  ...testFiles('scripts'),
].sort();
if (!process.env.KITH_TEST_DATABASE_URL) {
  console.log('KITH_TEST_DATABASE_URL is not set: the PostgreSQL variants of the server suites are skipped (PGlite runs).');
}
run(process.execPath, [...nodeTs, '--test', '--test-reporter=spec', ...files]);
