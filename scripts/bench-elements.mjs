// `npm run bench:elements`: the timeline with 10,000 events beside a plain non-virtualised Lit
// list of the same events, and the pipeline with 2,000 opportunities, in Debian Chromium
// (headless, puppeteer-core), against the REAL server (in process, PGlite in memory) — issue #7's
// benchmark. The data is written straight into the server's database before the browser starts
// (scripts/bench-elements/seed.ts); the pages are bundled from source (rollup + esbuild) and
// served on loopback; all timing happens in the pages (performance.now, PerformanceObserver).
//
// Prints medians, p95 and the spread beside the targets (the project's benchmark targets), and
// the ratio to the plain list; never fails on a timing. Exits 1 only when something failed (a
// page error, a wrong count, a step that could not be done): then the figures are void. Run it
// with `node --conditions=kith-source --import tsx` (the npm script does).
//
// Options: --rounds N (new tabs per side for first renders, default 5), --passes N (full updates
// and top-to-bottom scrolls on the loaded lists, default 3), --steps N (frames per scroll,
// default 200), --inserts N (live inserts, default 5), --drops N (pipeline drops, default 20),
// --events N (timeline events, default 10000), --json FILE. CHROME_PATH overrides /usr/bin/chromium.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { startServer } from '../packages/server/src/start.ts';
import { benchOptions } from './bench/options.mjs';
import { table } from './bench/report.mjs';
import { CHROME_PATH, launch } from './bench-sdk/browser.mjs';
import { buildPages } from './bench-sdk/build.mjs';
import { serveStatic } from './bench-sdk/static-server.mjs';
import { figure, ratio, summarise } from './bench-sdk/stats.mjs';
import { seedBench } from './bench-elements/seed.ts';
import { firstRenders, pipeline, plainLoaded, readTimeline, timelineLoaded } from './bench-elements/scenarios.mjs';

const { values, number: rawNumber } = benchOptions(
  {
    rounds: { type: 'string', default: '5' },
    passes: { type: 'string', default: '3' },
    steps: { type: 'string', default: '200' },
    inserts: { type: 'string', default: '5' },
    drops: { type: 'string', default: '20' },
    events: { type: 'string', default: '10000' },
    json: { type: 'string' },
  },
  'usage: npm run bench:elements -- [--rounds N] [--passes N] [--steps N] [--inserts N] [--drops N] [--events N] [--json FILE]',
);
const number = (name, min) => Math.round(rawNumber(name, min));
const options = {
  rounds: number('rounds', 1), passes: number('passes', 1), steps: number('steps', 2), inserts: number('inserts', 0),
  drops: number('drops', 1), events: number('events', 200),
};

const PIPELINE_SOURCE = 'packages/elements/src/pipeline/pipeline.ts';
const started = performance.now();
/** What makes a run's figures void, said loudly at the end. */
const problems = [];
const log = (line) => console.log(line);
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
const report = { options, machine: { node: process.version, cpus: cpus().length, loadavgStart: loadavg() }, timeline: null, pipeline: null };

console.log(`Kith elements: <kith-timeline> with ${options.events.toLocaleString('en-US')} events beside a plain Lit list of the same events; <kith-pipeline> with 2,000 opportunities; headless Chromium, real server on loopback`);
console.log(`node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average ${load()} at start`);

// ---- pages: the timeline and the plain list always; the pipeline once its element exists.
const head = '<style>body{margin:0;padding:16px;font:14px/1.45 system-ui,sans-serif}</style>';
const bundleError = (error) => `${error.message}${error.loc ? ` (${error.loc.file}:${error.loc.line})` : ''}`;
const building = performance.now();
const files = await buildPages({
  title: 'bench:elements',
  head,
  entries: { timeline: 'scripts/bench-elements/pages/timeline.ts', plain: 'scripts/bench-elements/pages/plain-list.ts' },
  pages: { '/timeline.html': ['timeline'], '/plain.html': ['plain'] },
}).catch((error) => {
  console.error(`✗ the pages did not bundle: ${bundleError(error)}`);
  process.exit(1);
});
/** Why the pipeline is not measured, when it is not. */
let pipelineSkipped = null;
if (!existsSync(PIPELINE_SOURCE)) {
  pipelineSkipped = `element not built yet (no ${PIPELINE_SOURCE})`;
} else {
  // Bundled on its own: a pipeline mid-edit must not take the timeline's figures with it.
  try {
    const pipelineFiles = await buildPages({
      title: 'bench:elements',
      head,
      entries: { 'pipeline-element': PIPELINE_SOURCE, pipeline: 'scripts/bench-elements/pages/pipeline.ts' },
      pages: { '/pipeline.html': ['pipeline-element', 'pipeline'] },
    });
    for (const [path, file] of pipelineFiles) files.set(path, file);
  } catch (error) {
    pipelineSkipped = `the element did not bundle: ${bundleError(error)}`;
    problems.push(`pipeline: ${pipelineSkipped}`);
  }
}
log(`pages bundled in ${seconds(building)} (rollup + esbuild)${pipelineSkipped ? `; pipeline: ${pipelineSkipped}` : ''}`);

// ---- the server, and the data written into its database before the browser starts.
const web = await serveStatic(files);
const serverStart = performance.now();
/** The server's database, handed out by a route mounted for this run only. */
let database;
const server = await startServer({
  port: 0,
  dataDir: 'memory',
  log: () => undefined,
  demoOrigins: [web.origin],
  mount: (app) => app.get('/__bench-elements/database', (c) => ((database = c.get('db')), c.body(null, 204))),
});
log(`server ${server.url} (${server.database}, in process) up in ${seconds(serverStart)}; pages on ${web.origin}`);

let browser;
/** The customer's events as the API lists them. */
let events = [];
let timeline;
let plain;
let first;
let board;
try {
  const demo = server.demo;
  if (!demo) throw new Error('the in-memory server seeded no demo');
  await fetch(`${server.url}/__bench-elements/database`);
  if (!database) throw new Error('the server did not hand out its database');
  const seeding = performance.now();
  const data = await seedBench(database, { staffId: demo.staffId, interactions: options.events });
  log(`seeded in ${seconds(seeding)}: ${data.interactions.toLocaleString('en-US')} interactions on one customer; a pipeline of ${data.stages.length} stages with ${data.opportunities.toLocaleString('en-US')} opportunities (${data.stages.map((s) => `${s.name} ${s.count}`).join(', ')})`);
  const { token } = await server.mintToken({
    kind: 'staff',
    subject: demo.staffId,
    scopes: ['customers:read', 'interactions:write', 'opportunities:read', 'opportunities:write'],
    publishableKey: demo.publishableKey,
    expiresInSeconds: 900,
  });
  const config = {
    apiUrl: server.url, publishableKey: demo.publishableKey, token, customerId: data.customerId, pipelineId: data.pipelineId,
    interactions: data.interactions, opportunities: data.opportunities,
  };
  browser = await launch(web.origin, (problem) => problems.push(problem));
  log(`browser: ${browser.version} (${CHROME_PATH})`);
  report.machine.browser = browser.version;

  /** Runs one part; a failure is recorded and the next part still runs. */
  const part = async (title, run) => {
    const since = performance.now();
    log(`-- ${title}`);
    try {
      return await run();
    } catch (error) {
      problems.push(`${title.split(':')[0]}: ${error.message}`);
      console.error(`   ✗ ${error.stack ?? error.message}`);
      return undefined;
    } finally {
      log(`   done in ${seconds(since)}`);
    }
  };
  const reading = performance.now();
  events = await readTimeline(config);
  log(`the customer's ${events.length.toLocaleString('en-US')} events read through the API in ${seconds(reading)} (the plain list's data)`);
  if (events.length !== data.interactions) problems.push(`the API lists ${events.length} events where ${data.interactions} were seeded`);
  timeline = await part('timeline: every page read, then full updates, scrolls and live inserts', () => timelineLoaded({ browser, config, events, options, problems, log }));
  plain = await part('plain list: the same events, full updates and scrolls', () => plainLoaded({ browser, items: events, options, problems }));
  first = await part(`first renders: new tabs, ${options.rounds} round(s) per side after a warm-up`, () => firstRenders({ browser, config, items: events, options, problems }));
  if (!pipelineSkipped) {
    board = await part(`pipeline: first renders on new tabs, then ${options.drops} keyboard drops`, () => pipeline({ browser, config, options, problems, log }));
  }
} catch (error) {
  problems.push(error.message);
  console.error(`✗ ${error.stack ?? error.message}`);
} finally {
  await browser?.close().catch(() => undefined);
  await server.close().catch(() => undefined);
  await web.close();
}

if (events.length > 0) printTimeline();
printPipeline();

report.machine.loadavgEnd = loadavg();
if (values.json) await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nTotal ${((performance.now() - started) / 1000).toFixed(0)} s; ${cpus().length} CPUs; load average ${load()} at the end.`);
if (problems.length > 0) {
  const bar = '!'.repeat(78);
  console.error(`\n${bar}\n✗ THIS RUN HAD ERRORS — its figures are not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\n${bar}`);
  process.exit(1);
}

/** A row: label, median, p95, spread, n, target, ÷ plain, note. */
function row(label, samples, target = '', versus = undefined, note = '') {
  if (samples.length === 0) return [label, '–', '–', '', '0', target, '', note];
  const s = summarise(samples);
  return [label, figure(s.median), figure(s.p95), `${figure(s.min)}–${figure(s.max)}`, String(s.n), target, versus ? ratio(s.median, summarise(versus).median) : '', note];
}

/** Longest tasks per pass: 0 means no task reached 50 ms. */
function taskRow(label, passes, target = '', versus = undefined) {
  const longest = passes.map((p) => p.longestTask);
  const r = row(label, longest, target, versus?.map((p) => p.longestTask));
  if (passes.length === 0) return r;
  // A pass with no long task has 0 here: say "none" rather than "0.0".
  const s = summarise(longest);
  if (s.median === 0) r[1] = 'none';
  if (s.p95 === 0) r[2] = 'none';
  if (s.max === 0) r[3] = '';
  else if (s.min === 0) r[3] = `none–${figure(s.max)}`;
  const counts = passes.map((p) => p.longTasks);
  r[7] = `${Math.min(...counts)}–${Math.max(...counts)} long tasks a pass, ${figure(Math.max(...passes.map((p) => p.longTaskMs)))} ms of them at most`;
  return r;
}

function printTimeline() {
  // A part that failed prints as "–" (its error is listed at the end).
  const t = timeline ?? { rerender: [], scroll: [], live: [], load: null, articlesLoaded: null };
  const p = plain ?? { rerender: [], scroll: [], first: null };
  const f = first ?? { timeline: [], plain: [] };
  const n = events.length.toLocaleString('en-US');
  const count = (value) => (typeof value === 'number' ? value.toLocaleString('en-US') : '?');
  const ms = (list, key = 'ms') => list.map((r) => r[key]);
  const renders = f.timeline.map((r) => r.render).filter((v) => v !== null);
  const header = ['', 'median ms', 'p95 ms', 'spread ms', 'n', 'target', '÷ plain', 'note'];
  const rows = [
    row('timeline: connect → first page painted', ms(f.timeline), '≤ 50 ms', ms(f.plain), `fresh core, nothing cached: request, server, parse, render; ${f.timeline[0]?.items ?? '?'} items on it`),
    row('  of which: first answer whole → painted', renders, '≤ 50 ms', ms(f.plain), 'SDK parse + element render + paint'),
    row(`plain list: connect with ${n} events → painted`, ms(f.plain), '', undefined, 'data in memory already'),
    row(`timeline: full update, ${n} loaded`, ms(t.rerender), '', ms(p.rerender), `requestUpdate() → painted; ${count(t.articlesLoaded)} articles in the DOM`),
    row('plain list: full update', ms(p.rerender), '', undefined, `${count(p.first?.articles)} articles in the DOM`),
    row('timeline: live insert → painted', ms(t.live), '', undefined, 'POST (another browser) → event → refetch → render; at the top'),
    taskRow('timeline: longest task while scrolling', t.scroll, 'none > 50 ms', p.scroll),
    row('  longest frame gap (rAF)', ms(t.scroll, 'maxFrameGap'), '', ms(p.scroll, 'maxFrameGap')),
    taskRow('plain list: longest task while scrolling', p.scroll),
    row('  longest frame gap (rAF)', ms(p.scroll, 'maxFrameGap')),
  ];
  const loaded = t.load;
  const median = (list) => (list.length ? figure(summarise(list).median) : '–');
  console.log(`\n1. Timeline, ${n} events, beside a plain non-virtualised Lit list of the same events`);
  console.log('target: first render ≤ 50 ms; no long task > 50 ms while scrolling (benchmarks.md)\n');
  console.log(table(header, rows));
  const scroller = (passes) => {
    const pass = passes[0];
    if (!pass) return '–';
    const jump = pass.distance / Math.max(1, pass.frames);
    return `${pass.scroller}, ${pass.viewport} px high, ${pass.distance.toLocaleString('en-US')} px in jumps of ~${Math.round(jump).toLocaleString('en-US')} px (${(jump / Math.max(1, pass.viewport)).toFixed(1)} screens)`;
  };
  console.log([
    loaded
      ? `  · loading: ${loaded.calls} calls of ${loaded.api} read ${count(loaded.items)} events in ${(loaded.ms / 1000).toFixed(1)} s (after a first page of ${loaded.firstPage ?? '?'})`
      : '  · loading: the timeline did not load every event (see the errors)',
    `  · scroll: top → bottom in ${options.steps} jumps, one a frame (fresh rows every frame: the virtualiser's worst case), ${options.passes} pass(es) counted after a warm-up`,
    `    timeline: ${scroller(t.scroll)}`,
    `    plain: ${scroller(p.scroll)}`,
    `  · scroll pass time, median: timeline ${median(ms(t.scroll))} ms, plain ${median(ms(p.scroll))} ms (${options.steps} frames at 60 Hz = ${Math.round((options.steps * 1000) / 60)} ms)`,
    `  · first renders: ${options.rounds} new tab(s) per side after a warm-up, sides alternating; live inserts: ${t.live.length} (${t.live.length ? `${median(ms(t.live, 'afterPost'))} ms median after the POST answered` : 'none measured'})`,
    "  · ÷ plain: the timeline's median over the plain list's for the row's counterpart (first render vs the plain list's first render of every event).",
  ].join('\n'));
  report.timeline = { events: events.length, load: t.load, articlesLoaded: t.articlesLoaded, first: f, rerender: t.rerender, scroll: t.scroll, live: t.live, plain: { first: p.first, rerender: p.rerender, scroll: p.scroll } };
}

function printPipeline() {
  console.log('\n2. Pipeline, 2,000 opportunities in 6 stages');
  console.log('target: first render ≤ 100 ms; drop → repaint ≤ 16 ms (benchmarks.md)\n');
  if (pipelineSkipped) {
    console.log(`pipeline: ${pipelineSkipped.startsWith('element not built yet') ? 'element not built yet' : pipelineSkipped} — the scenario is written (scripts/bench-elements/pages/pipeline.ts), not run`);
    return;
  }
  if (!board) {
    console.log('pipeline: not measured (see the errors below)');
    return;
  }
  const header = ['', 'median ms', 'p95 ms', 'spread ms', 'n', 'target', '', 'note'];
  const rows = [
    row('pipeline: connect → board painted', board.first.map((r) => r.ms), '≤ 100 ms', undefined, 'fresh core: every request, server, parse, render'),
    row('  of which: last answer whole → painted', board.first.map((r) => r.render), '≤ 100 ms', undefined, 'SDK parse + element render + paint'),
    row('pipeline: drop → repaint', board.drops, '≤ 16 ms', undefined, 'Space keydown (its timestamp) → the frame after painted'),
  ];
  console.log(table(header, rows));
  console.log(`  · ${board.last?.columns ?? '?'} columns, ${board.last?.cards ?? '?'} cards in the DOM and ${board.last?.counted?.toLocaleString('en-US') ?? '?'} deals in the column counts after the first render; each drop moves the first card of a column one column right (Space, ArrowRight, Space), its write answered before the next.`);
  report.pipeline = board;
}
