import type { LogFormat } from '../http/logger.js';
import { startServer, type StartOptions } from '../start.js';
import { EXIT, parse, UsageError, wholeNumber, type Command, type Io } from './command.js';
import { chooseDatabase, DATA_DIR_OPTION } from './database.js';
import { SETTING_OPTIONS, settingsFrom, settingsUsage } from './settings-flags.js';

const USAGE = `Usage: kith-server [start] [options]

Runs the API on a PGlite data folder (default) or on PostgreSQL (DATABASE_URL).

Options:
  --port N                 env PORT; default 8787; 0 picks a free port
  --host H                 default 127.0.0.1; 0.0.0.0 in a container or behind a proxy
  --data-dir DIR|memory    env KITH_DATA_DIR; default .kith-data/
  DATABASE_URL             (env) PostgreSQL instead of PGlite
  --allowed-origin URL     an origin allowed to use the demo publishable key (repeatable;
                           alias --demo-origin); the server's own origins always are
  --no-demo                do not seed demo data into an empty database
  --log-format json|text   env KITH_LOG_FORMAT; default text on a terminal, else json
  --shutdown-grace-ms N    on SIGINT/SIGTERM, how long requests may take to finish (10000)
  --ready-json             one line of JSON on stdout when listening; logs on stderr

Settings (flag or environment variable):
${settingsUsage()}

SIGINT/SIGTERM shut down gracefully; a second signal exits at once.`;

const OPTIONS = {
  ...DATA_DIR_OPTION,
  ...SETTING_OPTIONS,
  port: { type: 'string' },
  host: { type: 'string' },
  'allowed-origin': { type: 'string', multiple: true },
  'demo-origin': { type: 'string', multiple: true },
  'no-demo': { type: 'boolean' },
  'log-format': { type: 'string' },
  'shutdown-grace-ms': { type: 'string' },
  'ready-json': { type: 'boolean' },
} as const;

export const startCommand: Command = {
  name: 'start',
  synopsis: 'start',
  summary: 'run the API (the default command)',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parse(args, OPTIONS);
    if (positionals.length > 0) throw new UsageError(`start takes no argument ${JSON.stringify(positionals[0])}.`);
    const options = startOptions(values, io);
    const readyJson = values['ready-json'] === true;
    // With --ready-json, stdout carries exactly one line (for test harnesses); logs go to stderr.
    const log = readyJson ? io.err : io.out;
    const server = await startServer({ ...options, log });

    if (readyJson) {
      io.out(JSON.stringify({ ready: true, url: server.url, database: server.database, demo: server.demo }));
    } else if (server.demo) {
      io.err(`Kith API at ${server.url}/v1  (database: ${server.database})`);
      io.err(`demo publishable key: ${server.demo.publishableKey}`);
      if (server.demo.secretKey) io.err(`demo secret key (shown once, keep it): ${server.demo.secretKey}`);
      io.err(`sample customer: ${server.url}/v1/customers/${server.demo.sampleCustomerId}`);
    }
    stopOnSignals(server.close, io);
    return null;
  },
};

/** Flags and environment variables as {@link StartOptions}; every value checked before anything opens. */
export function startOptions(values: ReturnType<typeof parse<typeof OPTIONS>>['values'], io: Io): Omit<StartOptions, 'log'> {
  const portText = values.port ?? io.env.PORT ?? '8787';
  const port = wholeNumber(portText, values.port !== undefined ? '--port' : 'PORT', 0, 65535);
  const formatText = values['log-format'] ?? io.env.KITH_LOG_FORMAT;
  if (formatText !== undefined && formatText !== 'json' && formatText !== 'text') throw new UsageError(`--log-format must be json or text, got ${JSON.stringify(formatText)}`);
  const origins = [...(values['allowed-origin'] ?? []), ...(values['demo-origin'] ?? [])];
  for (const origin of origins) {
    if (!URL.canParse(origin) || !/^https?:$/.test(new URL(origin).protocol)) throw new UsageError(`--allowed-origin ${JSON.stringify(origin)} is not an http(s) origin.`);
  }
  const choice = chooseDatabase(values['data-dir'], io);
  return {
    port,
    ...(values.host ? { host: values.host } : {}),
    ...choice,
    demo: values['no-demo'] !== true,
    ...(origins.length ? { demoOrigins: origins } : {}),
    ...(formatText ? { logFormat: formatText as LogFormat } : {}),
    ...(values['shutdown-grace-ms'] !== undefined ? { shutdownGraceMs: wholeNumber(values['shutdown-grace-ms'], '--shutdown-grace-ms', 0, 600_000) } : {}),
    settings: settingsFrom(values, io),
  };
}

/** The first SIGINT/SIGTERM shuts down gracefully; a second one exits at once. */
function stopOnSignals(close: () => Promise<void>, io: Io): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      io.err(`${signal} again: exiting without waiting (a PGlite folder's lock is taken over on the next start).`);
      process.exit(EXIT.failed);
    }
    stopping = true;
    io.err(`${signal}: shutting down (send it again to exit at once)`);
    close().then(
      () => process.exit(EXIT.ok),
      (error: unknown) => {
        io.err(`error while shutting down: ${(error as Error).message}`);
        process.exit(EXIT.failed);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
