// `npm run bench:server`: Kith's server against a bare Hono handler running the same SQL
// (key lookup included), on one database shared by both, in the same process, in the same
// run; autocannon on loopback. PGlite always; PostgreSQL when KITH_BENCH_DATABASE_URL (or
// KITH_TEST_DATABASE_URL) is set — in a database of its own, dropped at the end.
// Prints medians, spread and the Kith/bare ratio beside the target (the project's benchmark targets);
// never fails on a timing. Exits 1 only when requests failed (non-2xx, errors) or the
// replay scenario stored more or less than one review for its key: then the figures are void.
//
// Options: --duration S (each run, default 3), --rounds N (default 3), --connections N
// (default 10), --warmup S (per server and scenario, default 1), --replays N (requests of
// one replay run, default 2000), --database pglite|postgres, --json FILE (the figures),
// --cpu-prof DIR (a V8 CPU profile of the server process, both apps in it, to open in DevTools).
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { startChild } from './bench/child.mjs';
import { load } from './bench/load.mjs';
import { HEADER, scenarioRows, summarise, table } from './bench/report.mjs';
import { scenarios } from './bench/scenarios.mjs';
import { benchOptions } from './bench/options.mjs';

const TARGET = 0.8;
const SIDES = ['kith', 'bare'];
const NAMES = { kith: 'Kith', bare: 'bare' };

const { values, number } = benchOptions(
  {
    duration: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
    replays: { type: 'string', default: '2000' },
    database: { type: 'string' },
    json: { type: 'string' },
    'cpu-prof': { type: 'string' },
  },
  'usage: npm run bench:server -- [--duration S] [--rounds N] [--connections N] [--warmup S] [--replays N] [--database pglite|postgres] [--json FILE] [--cpu-prof DIR]',
);
const options = {
  duration: number('duration', 1),
  rounds: Math.round(number('rounds', 1)),
  connections: Math.round(number('connections', 1)),
  warmup: number('warmup', 0),
  replays: Math.round(number('replays', 1)),
};
if (values.database && !['pglite', 'postgres'].includes(values.database)) {
  console.error(`--database must be pglite or postgres, got ${values.database}`);
  process.exit(2);
}

const started = performance.now();
/** What makes a run's figures void, said loudly at the end. */
const problems = [];
const report = { options, machine: { node: process.version, cpus: cpus().length, loadavg: loadavg() }, databases: [] };

console.log('Kith server vs a bare Hono handler running the same SQL (auth lookup included), one shared database, autocannon on loopback');
console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at start`);
console.log(
  `${options.rounds} round(s) × ${options.duration} s per server and scenario, -c ${options.connections}, ` +
    `${options.warmup} s warm-up each; a replay run is ${options.replays} requests; Kith and bare alternate, order swapped each round`,
);

const postgresUrl = process.env.KITH_BENCH_DATABASE_URL || process.env.KITH_TEST_DATABASE_URL;
const kinds = [];
if (values.database !== 'postgres') kinds.push('pglite');
if (values.database !== 'pglite') {
  if (postgresUrl) kinds.push('postgres');
  else console.log('PostgreSQL: skipped (set KITH_BENCH_DATABASE_URL)');
}

let notesShown = false;
for (const kind of kinds) {
  let child;
  try {
    child = await startChild(kind, { cpuProfileDir: values['cpu-prof'] });
  } catch (error) {
    problems.push(`${kind}: the servers did not start: ${error.message}`);
    console.error(`\n✗ ${kind}: the servers did not start\n${error.message}`);
    continue;
  }
  try {
    if (!notesShown) {
      console.log(`\n${child.fixture.bareNotes.join('\n')}`);
      notesShown = true;
    }
    report.databases.push(await benchDatabase(child));
  } catch (error) {
    problems.push(`${kind}: ${error.message}`);
    console.error(`\n✗ ${kind}: ${error.stack ?? error.message}`);
  } finally {
    await child.close().catch((error) => problems.push(`${kind}: closing failed: ${error.message}`));
  }
}

if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
const minutes = (performance.now() - started) / 60_000;
console.log(`\nTotal ${minutes.toFixed(1)} min; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at the end.`);
if (problems.length > 0) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n✗ THIS RUN HAD ERRORS — its figures are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${bar}`);
  process.exit(1);
}

/** Every scenario on one database: a smoke request, warm-up, then the alternating rounds. */
async function benchDatabase(child) {
  const { fixture } = child;
  const url = { kith: fixture.kithUrl, bare: fixture.bareUrl };
  const where = fixture.database.split(' ')[0];
  console.log(`\n== ${fixture.database}: migrated, seeded and listening in ${(fixture.startMs / 1000).toFixed(1)} s`);
  /** Tables whose row count a reset did not bring back, with the largest difference seen. */
  const grown = new Map();
  const reset = async () => {
    const { grown: tables } = await child.call('reset');
    for (const entry of tables) {
      const [, table, delta] = /^(.*) ([+-]?\d+)$/.exec(entry) ?? [];
      if (table && Math.abs(Number(delta)) > Math.abs(grown.get(table) ?? 0)) grown.set(table, Number(delta));
    }
  };

  const rows = [];
  const results = [];
  const replayLines = [];
  for (const scenario of scenarios(fixture, child, options)) {
    console.log(`-- ${scenario.title}: ${scenario.route}`);
    if (!(await smoke(scenario, url, reset))) {
      problems.push(`${where} ${scenario.title}: skipped, the smoke request failed (see above)`);
      continue;
    }
    if (options.warmup > 0 && scenario.warm !== false) {
      for (const side of SIDES) {
        if (scenario.writes) await reset();
        const { request } = await scenario.prepare();
        const run = await load(url[side], { request, connections: options.connections, duration: options.warmup });
        if (run.non2xx + run.errors > 0) {
          console.log(`   warm-up ${NAMES[side]}: ✗ ${run.non2xx} non-2xx, ${run.errors} errors ${JSON.stringify(run.statusCodes)}`);
          problems.push(`${where} ${scenario.title} ${NAMES[side]} warm-up: ${run.non2xx} non-2xx, ${run.errors} errors, status codes ${JSON.stringify(run.statusCodes)}`);
        }
      }
    }
    const runs = { kith: [], bare: [] };
    for (let round = 0; round < options.rounds; round++) {
      for (const side of round % 2 ? ['bare', 'kith'] : ['kith', 'bare']) {
        // Each run starts on a quiet server: the previous run's last requests have finished.
        if (scenario.writes) await reset();
        else await child.call('quiet');
        const { request, check } = await scenario.prepare();
        const run = await load(url[side], { request, connections: options.connections, duration: options.duration, amount: scenario.amount });
        runs[side].push(run);
        let line = `   round ${round + 1}/${options.rounds} ${NAMES[side].padEnd(4)} ${Math.round(run.rps).toString().padStart(6)} req/s  p50 ${run.p50} ms  p99 ${run.p99} ms`;
        if (run.non2xx + run.errors > 0) {
          line += `  ✗ ${run.non2xx} non-2xx, ${run.errors} errors ${JSON.stringify(run.statusCodes)}`;
          problems.push(`${where} ${scenario.title} ${NAMES[side]} round ${round + 1}: ${run.non2xx} non-2xx, ${run.errors} errors (${run.timeouts} timeouts), status codes ${JSON.stringify(run.statusCodes)}`);
        }
        if (check) {
          const result = await check();
          const said = `${run.requests} requests with one key → ${result.reviews} review row(s), ${result.keys} idempotency row(s)`;
          line += `  ${result.ok ? '✓' : '✗'} ${said}`;
          replayLines.push(`${result.ok ? '✓' : '✗'} ${NAMES[side]} round ${round + 1}: ${said}`);
          if (!result.ok) problems.push(`${where} ${scenario.title} ${NAMES[side]} round ${round + 1}: ${said} (must be exactly 1)`);
        }
        console.log(line);
      }
    }
    if (scenario.writes) await reset();
    const kith = summarise(runs.kith);
    const bare = summarise(runs.bare);
    rows.push(...scenarioRows(scenario.title, kith, bare, TARGET));
    results.push({ scenario: scenario.id, route: scenario.route, kith, bare, ratio: kith.rps / bare.rps, target: TARGET });
  }

  console.log(`\n${fixture.database} — median of ${options.rounds} run(s) each; spread = slowest–fastest run; ratio of medians\n`);
  console.log(table(HEADER, rows));
  if (replayLines.length) console.log(`\nOne row per key under replays:\n  ${replayLines.join('\n  ')}`);
  if (grown.size) {
    const list = [...grown].map(([table, delta]) => `${table} ${delta > 0 ? '+' : ''}${delta}`).join(', ');
    console.log(`\nNote: row counts a reset between runs did not bring back (largest difference from the seeded state): ${list}`);
  }
  return { database: fixture.database, results, replays: replayLines, grownTables: Object.fromEntries(grown) };
}

/** One request to each server before any timing: both must answer 2xx. */
async function smoke(scenario, url, reset) {
  const said = [];
  let ok = true;
  for (const side of SIDES) {
    if (scenario.writes) await reset();
    const { request } = await scenario.prepare();
    const headers = { ...request.headers };
    if (request.setupRequest) headers['idempotency-key'] = `bench-${randomUUID()}`;
    const response = await fetch(`${url[side]}${request.path}`, { method: request.method, headers, body: request.body });
    const text = await response.text();
    said.push(`${NAMES[side]} ${response.status} (${text.length.toLocaleString('en-US')} B)`);
    if (!response.ok) {
      ok = false;
      console.error(`   ✗ ${NAMES[side]} answered ${response.status}: ${text.slice(0, 500)}`);
    }
  }
  if (scenario.writes) await reset();
  console.log(`   smoke: ${said.join(', ')}`);
  return ok;
}
