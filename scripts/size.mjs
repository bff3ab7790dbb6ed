// `npm run size`: min+gzip bytes of what a page fetches before a Kith element is
// interactive, beside Shoelace's sl-rating bundled the same way in the same run
// (rollup + node-resolve + esbuild + terser, gzip level 9). Prints figures; never fails
// on a budget. The targets are printed beside the figures.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { cssTemplates, elementEntries, htmlTemplates, onwarn, pureSchemaCalls, runtimeChunk } from '../rollup.config.mjs';

const plugins = () => [
  nodeResolve({ exportConditions: ['kith-source', 'browser', 'import', 'default'] }),
  cssTemplates(),
  esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', legalComments: 'none' }),
  htmlTemplates(),
  terser({ format: { comments: false } }),
];

const gz = (code) => gzipSync(code, { level: 9 }).length;

/** Bundles inputs with code splitting (the drop-in with its runtime chunk, as it ships); returns the chunks by file name. */
async function bundle(input, manualChunks) {
  const build = await rollup({ input, plugins: plugins(), onwarn, treeshake: pureSchemaCalls, preserveEntrySignatures: 'allow-extension' });
  const { output } = await build.generate({ format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', manualChunks });
  await build.close();
  return new Map(output.filter((o) => o.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
}

/** Bytes of a chunk and every chunk it imports statically (what loads before it runs). */
function eager(chunks, fileName, seen = new Set()) {
  if (seen.has(fileName)) return 0;
  seen.add(fileName);
  const chunk = chunks.get(fileName);
  return gz(chunk.code) + chunk.imports.reduce((sum, dep) => sum + eager(chunks, dep, seen), 0);
}

const rows = [];
const row = (what, bytes, note = '') => rows.push({ what, bytes, note });

// The peer, bundled the same way in the same run.
const peer = await bundle({ 'sl-rating': '@shoelace-style/shoelace/dist/components/rating/rating.js' });
const peerBytes = eager(peer, 'sl-rating.js');
row('peer: Shoelace 2.20.1 <sl-rating> (with Lit)', peerBytes);

// Lit alone: the floor every Lit element stands on.
const lit = await bundle({ lit: 'lit' });
row('baseline: lit (everything)', eager(lit, 'lit.js'));

// The SDK: the core (client, cache with idb, outbox, live — what every element stands on), the
// whole client with every resource, and analytics apart. The core loads idb on its first durable
// write and the live-event and error schemas (zod) on the first stream or failure: the eager
// figure is what loads before the first read, the other adds every chunk it may import.
const sdk = await bundle({ core: 'packages/sdk/src/core.ts', sdk: 'packages/sdk/src/index.ts', analytics: 'packages/sdk/src/analytics/index.ts' });
const withLazy = (fileName, seen = new Set()) => {
  if (seen.has(fileName)) return 0;
  seen.add(fileName);
  const chunk = sdk.get(fileName);
  return gz(chunk.code) + [...chunk.imports, ...chunk.dynamicImports].reduce((sum, dep) => sum + withLazy(dep, seen), 0);
};
row('@kith/sdk core entry (createCore: client, cache, outbox, live), eager', eager(sdk, 'core.js'), 'target ≤ 8,000 B; peer TanStack core + persist + idb-keyval 9,107 B');
row('@kith/sdk core entry + every lazy chunk it may load (idb; event and error schemas with zod)', withLazy('core.js'));
row('@kith/sdk full client (createClient, every resource), eager', eager(sdk, 'sdk.js'));
row('@kith/sdk/analytics, alone', eager(sdk, 'analytics.js'));

// Each element entry bundled alone: what a page that imports just that element pays.
for (const [name, file] of Object.entries(elementEntries())) {
  const alone = await bundle({ [name]: file });
  if (name !== 'feedback') {
    row(`<kith-${name}> entry, alone`, eager(alone, `${name}.js`));
    continue;
  }
  // The review form: the budget counts what loads before it is ready to type; its sending code
  // (the client, outbox, IndexedDB, the answer's schema, the receipt) loads when the shopper starts
  // writing, and other languages' texts on demand: printed beside.
  const ready = eager(alone, `${name}.js`);
  const all = (fileName, seen = new Set()) => {
    if (seen.has(fileName)) return 0;
    seen.add(fileName);
    const chunk = alone.get(fileName);
    // (Not other languages, nor the other kinds' chunks: surveys and complaints load only for their kind.)
    return gz(chunk.code) + [...chunk.imports, ...chunk.dynamicImports].filter((dep) => !/zh-han[st]|^feedback-(survey|complaint)-/.test(dep)).reduce((sum, dep) => sum + all(dep, seen), 0);
  };
  row('<kith-feedback kind="review"> ready to type (entry alone: Lit, the form, English texts)', ready, `target ≤ 12,000 B, beside sl-rating; + up to ${all(`${name}.js`) - ready} B more once the shopper starts writing (sending code, SDK core, outbox, IndexedDB, live)`);
}

// The drop-in: the autoloader, then per element the chunks fetched before it is interactive.
const dropIn = await bundle({ kith: 'packages/elements/src/drop-in.ts', ...elementEntries() }, runtimeChunk);
row('drop-in autoloader kith.js (eager)', eager(dropIn, 'kith.js'));
for (const name of Object.keys(elementEntries())) {
  const seen = new Set(); // a chunk both import is fetched once
  row(`drop-in: kith.js + <kith-${name}> (before interactive)`, eager(dropIn, 'kith.js', seen) + eager(dropIn, `${name}.js`, seen));
}
// The shared runtime: the autoloader and the runtime chunk (a fixed set of modules, see
// `runtimeChunk` in rollup.config.mjs) with what they load eagerly. Each element's increment is
// what its entry adds on top: what a page that already shows one Kith element pays for the next.
// The provider reads no data and is left out.
const eagerSet = (fileName, seen = new Set()) => {
  if (!seen.has(fileName)) {
    seen.add(fileName);
    for (const dep of dropIn.get(fileName).imports) eagerSet(dep, seen);
  }
  return seen;
};
const dataElements = Object.keys(elementEntries()).filter((name) => name !== 'provider');
const sets = dataElements.map((name) => eagerSet(`${name}.js`));
const runtimeFiles = [...dropIn.keys()].filter((file) => /^(runtime|shell)-/.test(file));
const shared = new Set([...eagerSet('kith.js'), ...runtimeFiles.flatMap((file) => [...eagerSet(file)])]);
/** What the shared runtime itself may load later (IndexedDB, the outbox, live updates, the error schema). */
const runtimeLazy = new Set();
const collect = (file) => {
  for (const dep of [...dropIn.get(file).dynamicImports, ...dropIn.get(file).imports]) {
    if (shared.has(dep) || runtimeLazy.has(dep)) continue;
    runtimeLazy.add(dep);
    collect(dep);
  }
};
// (The autoloader's imports of each element are not the runtime's.)
for (const file of [...shared].filter((file) => file !== 'kith.js')) {
  for (const dep of dropIn.get(file).dynamicImports) {
    if (shared.has(dep) || runtimeLazy.has(dep)) continue;
    runtimeLazy.add(dep);
    collect(dep);
  }
}
const bytesOf = (files) => [...files].reduce((sum, file) => sum + gz(dropIn.get(file).code), 0);
row('drop-in: shared runtime (kith.js + the shell chunk: Lit, base element, texts, tokens + the runtime chunk: zod, SDK core, data foundations)', bytesOf(shared), 'target ≤ 35,000 B');
dataElements.forEach((name, i) => {
  const own = [...sets[i]].filter((file) => !shared.has(file));
  // Chunks the element may fetch later (its details, a form, an editor), reported beside; other
  // languages' texts and the runtime's own lazy chunks (IndexedDB, outbox, live) are left out.
  const lazy = new Set();
  const visit = (file) => {
    for (const dep of [...dropIn.get(file).dynamicImports, ...dropIn.get(file).imports]) {
      if (shared.has(dep) || sets[i].has(dep) || runtimeLazy.has(dep) || lazy.has(dep) || /(^|-)zh-han[st]-/.test(dep)) continue;
      lazy.add(dep);
      visit(dep);
    }
  };
  own.forEach(visit);
  const soon = [...lazy];
  row(`  <kith-${name}> increment over the shared runtime`, bytesOf(own), `target ≤ 5,000 B; its lazy chunks: ${soon.map((file) => `${file.replace(/-[\w-]{8}\.js$/, '')} ${gz(dropIn.get(file).code)} B`).join(', ') || 'none'}`);
});
// Chunks an element fetches as soon as it connects, not on demand: they count before it can be
// acted on (the inbox shows its items, and acts on them, through the item element).
const LOADED_AT_CONNECT = { 'feedback-inbox': ['inbox-item'] };
for (const [name, prefixes] of Object.entries(LOADED_AT_CONNECT)) {
  const i = dataElements.indexOf(name);
  const own = new Set([...sets[i]].filter((file) => !shared.has(file)));
  for (const prefix of prefixes) {
    const file = [...dropIn.keys()].find((f) => f.startsWith(`${prefix}-`));
    if (file) for (const dep of eagerSet(file)) if (!shared.has(dep)) own.add(dep);
  }
  row(`  <kith-${name}> increment with ${prefixes.join(', ')} (before it can be acted on)`, bytesOf(own), 'the honest figure for a staff console');
}
const allDropIn = [...dropIn.values()].reduce((sum, chunk) => sum + gz(chunk.code), 0);
row(`drop-in: every chunk (${dropIn.size} files)`, allDropIn, 'full set, loaded on demand');

const width = Math.max(...rows.map((r) => r.what.length));
console.log(`${'bundle'.padEnd(width)}  ${'min+gz B'.padStart(9)}  vs sl-rating`);
for (const { what, bytes, note } of rows) {
  console.log(`${what.padEnd(width)}  ${String(bytes).padStart(9)}  ${(bytes / peerBytes).toFixed(2).padStart(5)}×  ${note}`);
}
console.log('\ndrop-in chunks:');
for (const [fileName, chunk] of dropIn) console.log(`  ${fileName.padEnd(40)} ${String(gz(chunk.code)).padStart(7)} B`);
