// `npm run bench:sdk`: the SDK's client-side cache and outbox against TanStack Query core
// (persisted to IndexedDB with query-persist-client-core + idb-keyval) and bare IndexedDB, in
// Debian Chromium (headless, puppeteer-core), in one run, against the REAL server (in process,
// PGlite in memory). Then the bytes: the SDK core entry and the peer, bundled the same way.
//
// Prints medians, p95 and ratios beside the targets (the project's benchmark targets); never
// fails on a timing. Exits 1 only when something failed (a page error, a wrong record count):
// then the figures are void. Run it with `node --conditions=kith-source --import tsx` (the
// npm script does): the server and the pages are built from source.
//
// Options: --rounds N (new tabs per side in the new-page cases, default 15), --batches N
// (memory-warm batches per operation, default 15), --batch-ms MS (least time of one batch,
// default 10), --writes N (outbox writes per side, default 200), --no-sizes, --json FILE.
// CHROME_PATH overrides /usr/bin/chromium.
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { startServer } from '../packages/server/src/start.ts';
import { benchOptions } from './bench/options.mjs';
import { table } from './bench/report.mjs';
import { CHROME_PATH, launch } from './bench-sdk/browser.mjs';
import { buildPages } from './bench-sdk/build.mjs';
import { coldTenThousand, indexedDbWarm, memoryWarm, outboxEnqueue } from './bench-sdk/scenarios.mjs';
import { measureSizes } from './bench-sdk/sizes.mjs';
import { closedUrl, serveStatic } from './bench-sdk/static-server.mjs';
import { figure, ratio, summarise } from './bench-sdk/stats.mjs';

const { values, number: rawNumber } = benchOptions(
  {
    rounds: { type: 'string', default: '15' },
    batches: { type: 'string', default: '15' },
    'batch-ms': { type: 'string', default: '10' },
    writes: { type: 'string', default: '200' },
    'no-sizes': { type: 'boolean', default: false },
    json: { type: 'string' },
  },
  'usage: npm run bench:sdk -- [--rounds N] [--batches N] [--batch-ms MS] [--writes N] [--no-sizes] [--json FILE]',
);
const number = (name, min) => Math.round(rawNumber(name, min));
const options = { rounds: number('rounds', 1), batches: number('batches', 1), batchMs: number('batch-ms', 1), writes: number('writes', 1) };

/** The cases, in print order: what is compared, against which target. */
const CASES = [
  {
    id: 'memory',
    title: '1. Memory-warm read: a customer already in this page\'s memory',
    target: 'memory-warm paint ≤ 16 ms median (element connected → cached data on screen)',
    unit: 'µs',
    run: memoryWarm,
    baseline: 'bare.mapGet',
    peers: { 'kith.observe': 'tanstack.observer', 'kith.awaitCacheFirst': 'tanstack.fetchQuery' },
    peerLabel: 'TanStack of the same kind (observe ↔ QueryObserver, await ↔ fetchQuery)',
    targetCell: '≤ 16 ms',
  },
  {
    id: 'indexeddb',
    title: '2. IndexedDB-warm read on a new page (data persisted by an earlier page)',
    target: 'IndexedDB-warm paint ≤ 50 ms median',
    unit: 'ms',
    run: indexedDbWarm,
    baseline: 'bare',
    peers: { 'kith-held': 'tanstack', 'kith-live': 'tanstack' },
    peerLabel: 'TanStack persisted restore',
    targetCell: '≤ 50 ms',
  },
  {
    id: 'outbox',
    title: '3. Outbox enqueue at strict durability, server down',
    target: 'outbox enqueue ≤ 5 ms p95',
    unit: 'ms',
    run: outboxEnqueue,
    baseline: 'put',
    peers: { 'kith-resolved': 'keyval', 'kith-stored': 'keyval' },
    peerLabel: 'idb-keyval set (what a TanStack idb-keyval persister writes with)',
    targetCell: 'p95 ≤ 5 ms',
  },
  {
    id: 'cold',
    title: '4. Cold read of 10,000 cached records on a new page',
    target: 'cold read of 10,000 cached records ≤ 100 ms',
    unit: 'ms',
    run: coldTenThousand,
    baseline: 'getAll',
    peers: { kith: 'tanstack' },
    peerLabel: 'TanStack persisted restore',
    targetCell: '≤ 100 ms',
  },
];

const started = performance.now();
/** What makes a run's figures void, said loudly at the end. */
const problems = [];
const log = (line) => console.log(line);
const report = { options, machine: { node: process.version, cpus: cpus().length, loadavg: loadavg() }, cases: [], sizes: null };

console.log('Kith SDK (cache, outbox) vs TanStack Query core + query-persist-client-core + idb-keyval, and bare IndexedDB; headless Chromium, real server on loopback');
console.log(`node ${process.version}, ${cpus().length} CPUs, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at start`);

const building = performance.now();
const files = await buildPages().catch((error) => {
  // Usually the SDK or the schema mid-edit: say where, without rollup's list of every file it read.
  console.error(`✗ the pages did not bundle: ${error.message}${error.loc ? ` (${error.loc.file}:${error.loc.line})` : ''}`);
  process.exit(1);
});
log(`pages bundled in ${((performance.now() - building) / 1000).toFixed(1)} s (rollup + esbuild, code splitting)`);
const web = await serveStatic(files);
const down = await closedUrl();
const serverStart = performance.now();
const server = await startServer({ port: 0, dataDir: 'memory', log: () => undefined, demoOrigins: [web.origin] });
log(`server ${server.url} (${server.database}, in process) up in ${((performance.now() - serverStart) / 1000).toFixed(1)} s; pages on ${web.origin}; closed port ${down}`);

let browser;
try {
  const demo = server.demo;
  if (!demo) throw new Error('the in-memory server seeded no demo');
  const { token } = await server.mintToken({ kind: 'staff', subject: demo.staffId, scopes: ['customers:read', 'interactions:write'], publishableKey: demo.publishableKey });
  const config = { apiUrl: server.url, closedUrl: down, publishableKey: demo.publishableKey, token, customerId: demo.sampleCustomerId, staffId: demo.staffId };
  browser = await launch(web.origin, (problem) => problems.push(problem));
  log(`browser: ${browser.version} (${CHROME_PATH})`);
  report.machine.browser = browser.version;
  const customer = await sampleCustomer(browser, config);

  for (const spec of CASES) {
    const caseStart = performance.now();
    log(`-- ${spec.title}`);
    try {
      const result = await spec.run({ browser, config, customer, options, problems, log });
      report.cases.push({ ...spec, run: undefined, ...result, series: result.series.map((s) => ({ ...s, ...summarise(s.samples) })) });
      log(`   done in ${((performance.now() - caseStart) / 1000).toFixed(1)} s`);
    } catch (error) {
      problems.push(`${spec.id}: ${error.message}`);
      console.error(`   ✗ ${error.stack ?? error.message}`);
    }
  }
} catch (error) {
  problems.push(error.message);
  console.error(`✗ ${error.stack ?? error.message}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server.close().catch(() => undefined);
  await web.close();
}

if (!values['no-sizes']) {
  log('-- bytes: rollup + node-resolve + esbuild + terser, gzip -9');
  try {
    report.sizes = await measureSizes();
  } catch (error) {
    problems.push(`sizes: ${error.message}`);
    console.error(`   ✗ ${error.stack ?? error.message}`);
  }
}

for (const result of report.cases) printCase(result);
if (report.sizes) printSizes(report.sizes);

if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')} at the end.`);
if (problems.length > 0) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n✗ THIS RUN HAD ERRORS — its figures are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${bar}`);
  process.exit(1);
}

/** The sample customer as the server answers it: the shape every side stores. */
async function sampleCustomer(browser, config) {
  const page = await browser.open('/all.html');
  try {
    return await page.evaluate(async ({ apiUrl, customerId, token }) => {
      const response = await fetch(`${apiUrl}/v1/customers/${encodeURIComponent(customerId)}`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(`GET customer: ${response.status} ${await response.text()}`);
      return response.json();
    }, config);
  } finally {
    await page.close();
  }
}

function printCase(result) {
  const scale = result.unit === 'µs' ? 1000 : 1;
  const byId = new Map(result.series.map((s) => [s.id, s]));
  const baseline = byId.get(result.baseline);
  const rows = result.series.map((s) => {
    const peer = byId.get(result.peers[s.id]);
    const kith = Object.hasOwn(result.peers, s.id);
    return [
      s.label,
      figure(s.median * scale),
      figure(s.p95 * scale),
      `${figure(s.min * scale)}–${figure(s.max * scale)}`,
      String(s.n),
      s === baseline ? '1×' : ratio(s.median, baseline?.median),
      peer ? ratio(s.median, peer.median) : '',
      kith ? result.targetCell : '',
      s.note ?? '',
    ];
  });
  const u = result.unit;
  console.log(`\n${result.title}\ntarget: ${result.target}\nbaseline: ${baseline?.label ?? '–'}; peer: ${result.peerLabel}\n`);
  console.log(table(['', `median ${u}`, `p95 ${u}`, `spread ${u}`, 'n', '÷ baseline', '÷ peer', 'target', 'note'], rows));
  console.log(result.notes.map((note) => `  · ${note}`).join('\n'));
}

function printSizes(sizes) {
  const peer = sizes.peer.eager;
  const whole = (n) => n.toLocaleString('en-US');
  const row = (what, s, target = '', note = '') => [what, whole(s.eager), s.lazy ? whole(s.lazy) : '', s.lazy ? whole(s.eager + s.lazy) : '', ratio(s.eager, peer), target, note];
  const rows = [
    row('Kith SDK core: packages/sdk/src/core.ts', sizes.core, '≤ 8,000 eager'),
    row('  the same, zod left out (external)', sizes.coreWithoutZod, '', 'zod/mini external: the core beside a page that ships zod already'),
    row('Kith createClient + every resource: client.ts', sizes.client),
    row('Kith analytics entry, apart', sizes.analytics),
    row('peer: QueryClient + persistQueryClient + idb-keyval', sizes.peer, '', 'NODE_ENV=production, as an app ships it'),
    row('  the same without NODE_ENV (as npm run size bundles)', sizes.peerDevelopment, '', '9,107 B measured earlier (benchmarks.md)'),
    row('peer + QueryObserver (observed reads)', sizes.peerObserver),
    row('idb alone (openDB)', sizes.idb, '', '1,320 B measured earlier'),
  ];
  console.log('\nBytes, min+gzip (rollup + node-resolve + esbuild + terser, gzip -9); eager = the entry and its static imports\n');
  console.log(table(['bundle', 'eager B', 'lazy B', 'eager+lazy B', '÷ peer', 'target', 'note'], rows));
  const lazy = sizes.core.lazyFiles.map(({ module, bytes }) => `${module} ${whole(bytes)}`).join(', ');
  console.log(`  · core lazy chunks (B): ${lazy}`);
  const top = sizes.core.eagerModules.slice(0, 8).map(({ module, share }) => `${module} ${Math.round(share * 100)}%`).join(', ');
  console.log(`  · core eager, share of unminified code by module: ${top}`);
  console.log(`  · peer = @tanstack/query-core ${sizes.versions.queryCore} + query-persist-client-core ${sizes.versions.persist} + idb-keyval ${sizes.versions.keyval}, bundled the same way in this run.`);
}
