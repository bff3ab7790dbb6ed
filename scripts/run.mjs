// Tiny helpers shared by the scripts: run a command with inherited output, fail loudly.
import { spawnSync } from 'node:child_process';

/** Runs a command, streaming its output; exits the process with its code when it fails. */
export function run(command, args, options = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✗ ${[command, ...args].join(' ')} failed (exit ${result.status ?? result.signal}) after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  return Number(seconds);
}

/** The node binary that runs TypeScript sources of the workspace directly. */
export const nodeTs = ['--conditions=kith-source', '--import', 'tsx'];
