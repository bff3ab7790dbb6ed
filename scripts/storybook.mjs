// `npm run storybook` (dev server on port 6006) and `npm run build-storybook` (static site in
// storybook-static/): the Custom Elements Manifest first (autodocs read it), then Storybook,
// with telemetry, crash reports and the update check off: nothing leaves this machine.
import { spawn } from 'node:child_process';
import { run } from './run.mjs';

const mode = process.argv[2];
if (mode !== 'dev' && mode !== 'build') {
  console.error('usage: node scripts/storybook.mjs dev|build [storybook options]');
  process.exit(2);
}
const extra = process.argv.slice(3);
const env = { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' };
const storybook = 'node_modules/.bin/storybook';

const cem = ['node_modules/.bin/custom-elements-manifest', ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']];
run(...cem);
if (mode === 'build') {
  run(storybook, ['build', '--output-dir', 'storybook-static', '--quiet', '--disable-telemetry', ...extra], { env });
} else {
  // A server, and the manifest rewritten as the elements' JSDoc changes (the docs pages reload).
  // Stopping this script (Ctrl-C, or a signal to it alone) stops both.
  const server = spawn(storybook, ['dev', '--port', '6006', '--no-open', '--no-version-updates', '--disable-telemetry', ...extra], { stdio: 'inherit', env });
  const watcher = spawn(cem[0], [...cem[1], '--watch'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const children = [server, watcher];
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => children.forEach((child) => child.kill(signal)));
  server.on('exit', (code, signal) => {
    watcher.kill();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
