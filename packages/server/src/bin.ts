#!/usr/bin/env node
// `kith-server`: the reference API on PGlite (default) or PostgreSQL (DATABASE_URL).
// From the repository: node --conditions=kith-source --import tsx packages/server/src/bin.ts
import { parseArgs } from 'node:util';
import { DataDirLockedError } from './db/lock.js';
import { startServer } from './start.js';

const USAGE = `Usage: kith-server [--port N] [--host H] [--data-dir DIR|memory] [--no-demo] [--demo-origin URL]... [--ready-json]
Environment: PORT, KITH_DATA_DIR, DATABASE_URL (PostgreSQL instead of PGlite).`;

function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'no-demo': { type: 'boolean', default: false },
      'demo-origin': { type: 'string', multiple: true },
      'ready-json': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = values.port ?? process.env.PORT ?? '8787';
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be a port number (0–65535), got ${portText}`);

const readyJson = values['ready-json'];
// With --ready-json, stdout carries exactly one line (for test harnesses); logs go to stderr.
const log = readyJson ? (line: string) => console.error(line) : (line: string) => console.log(line);

try {
  const server = await startServer({
    port,
    ...(values.host ? { host: values.host } : {}),
    ...(values['data-dir'] ?? process.env.KITH_DATA_DIR ? { dataDir: values['data-dir'] ?? process.env.KITH_DATA_DIR } : {}),
    ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
    demo: !values['no-demo'],
    ...(values['demo-origin'] ? { demoOrigins: values['demo-origin'] } : {}),
    log,
  });

  if (readyJson) {
    process.stdout.write(`${JSON.stringify({ ready: true, url: server.url, database: server.database, demo: server.demo })}\n`);
  } else {
    console.log(`\nKith API at ${server.url}/v1  (database: ${server.database})`);
    if (server.demo) {
      console.log(`demo publishable key: ${server.demo.publishableKey}`);
      if (server.demo.secretKey) console.log(`demo secret key (shown once, keep it): ${server.demo.secretKey}`);
      console.log(`sample customer: ${server.url}/v1/customers/${server.demo.sampleCustomerId}`);
    }
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close().then(
        () => process.exit(0),
        (error: unknown) => fail(`error while closing: ${(error as Error).message}`, 1),
      );
    });
  }
} catch (error) {
  if (error instanceof DataDirLockedError) fail(error.message, 1);
  fail(`Kith could not start: ${(error as Error).stack ?? String(error)}`, 1);
}
