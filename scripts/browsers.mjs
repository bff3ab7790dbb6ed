// Makes sure the two test browsers exist: Debian's chromium and firefox-esr, found through
// CHROME_PATH / FIREFOX_PATH. When one is missing it installs it from Debian if it can
// (root with apt-get); otherwise it stops at once with the one command that installs it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
export const firefoxPath = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';

const missing = [
  [chromePath, 'chromium'],
  [firefoxPath, 'firefox-esr'],
].filter(([path]) => !existsSync(path)).map(([, pkg]) => pkg);

if (missing.length > 0) {
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) {
    console.error(`The browser tests need ${missing.join(' and ')}. Install with:\n\n  sudo sh -c '${command}'\n\n(or point CHROME_PATH / FIREFOX_PATH at an installed binary)`);
    process.exit(1);
  }
  console.log(`installing ${missing.join(', ')} from Debian…`);
  const result = spawnSync('sh', ['-c', command], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) {
    console.error(`Installing ${missing.join(' ')} failed. Run by hand:\n\n  ${command}`);
    process.exit(1);
  }
}
