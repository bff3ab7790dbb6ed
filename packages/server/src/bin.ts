#!/usr/bin/env node
// `kith-server`: the reference API and its operations (keys, tokens, backup, restore,
// migrate-to-postgres). Each command lives in src/cli/; this file only wires the process.
// From the repository: node --conditions=kith-source --import tsx packages/server/src/bin.ts --help
import { main } from './cli/main.js';

const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
// `null`: the server runs until a signal stops it. Otherwise let pending output flush.
if (code !== null) process.exitCode = code;
