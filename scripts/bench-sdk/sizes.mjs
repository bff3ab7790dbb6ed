// Min+gzip bytes of the SDK entries and of the peer, bundled the same way as `npm run size`
// (rollup + node-resolve + esbuild + terser, gzip level 9). Eager = the entry and what it imports
// statically; lazy = the chunks it may import later (Kith's IndexedDB half), printed beside.
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readFileSync } from 'node:fs';
import { onwarn } from '../../rollup.config.mjs';
import { production } from './production.mjs';

const version = (name) => JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')).version;

/** Entries written here rather than as files: the peer's public pieces a persisted cache needs. */
const VIRTUAL = {
  // The setup TanStack documents for IndexedDB: a QueryClient persisted by persistQueryClient
  // through a three-function idb-keyval persister.
  peer: [
    "export { QueryClient } from '@tanstack/query-core';",
    "export { persistQueryClient } from '@tanstack/query-persist-client-core';",
    "export { get, set, del } from 'idb-keyval';",
  ].join('\n'),
  // The same with QueryObserver, what a component binding (an observed read) adds.
  'peer-observer': [
    "export { QueryClient, QueryObserver } from '@tanstack/query-core';",
    "export { persistQueryClient } from '@tanstack/query-persist-client-core';",
    "export { get, set, del } from 'idb-keyval';",
  ].join('\n'),
  idb: "export { openDB } from 'idb';",
};

const virtual = {
  name: 'bench-sdk-virtual',
  resolveId: (id) => (id.startsWith('bench:') && Object.hasOwn(VIRTUAL, id.slice('bench:'.length)) ? `\0${id}` : null),
  load: (id) => (id.startsWith('\0bench:') ? VIRTUAL[id.slice('\0bench:'.length)] : null),
};

const gz = (code) => gzipSync(code, { level: 9 }).length;

/** zod, wherever it is imported from (`zod/mini` by @kith/schema). */
const isZod = (id) => id === 'zod' || id.startsWith('zod/') || id.includes('/node_modules/zod/');

/** `sdk/cache/store.ts`, `idb/build/index.js`: a module id without the machine's folders. */
const short = (id) => id.replace(/^.*\/node_modules\//, '').replace(/^.*\/packages\/([^/]+)\/src\//, '$1/');

async function bundle(name, input, { external, development = false } = {}) {
  const build = await rollup({
    input: { [name]: input },
    ...(external ? { external } : {}),
    plugins: [
      ...(development ? [] : [production()]),
      virtual,
      nodeResolve({ exportConditions: ['kith-source', 'browser', 'import', 'default'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', legalComments: 'none' }),
      terser({ format: { comments: false } }),
    ],
    onwarn,
  });
  const { output } = await build.generate({ format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' });
  await build.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const eagerFiles = new Set();
  const walk = (fileName, into, skip) => {
    // External imports (zod when left out) are no chunks of this bundle.
    if (into.has(fileName) || skip.has(fileName) || !chunks.has(fileName)) return;
    into.add(fileName);
    const chunk = chunks.get(fileName);
    chunk.imports.forEach((dep) => walk(dep, into, skip));
  };
  walk(`${name}.js`, eagerFiles, new Set());
  const lazyFiles = new Set();
  for (const file of eagerFiles) for (const dynamic of chunks.get(file).dynamicImports) walk(dynamic, lazyFiles, eagerFiles);
  for (const file of [...lazyFiles]) for (const dynamic of chunks.get(file).dynamicImports) walk(dynamic, lazyFiles, eagerFiles);
  const bytes = (files) => [...files].reduce((sum, file) => sum + gz(chunks.get(file).code), 0);
  // Where the eager bytes come from: each module's share of the eager code before minifying
  // (gzip does not add up per module; the shares say which modules are worth a look).
  const shares = new Map();
  for (const file of eagerFiles) {
    for (const [id, module] of Object.entries(chunks.get(file).modules)) shares.set(short(id), (shares.get(short(id)) ?? 0) + module.renderedLength);
  }
  const total = [...shares.values()].reduce((sum, n) => sum + n, 0);
  return {
    eager: bytes(eagerFiles),
    lazy: bytes(lazyFiles),
    // A lazy chunk is named by the module it was split at (two modules may share a file name).
    lazyFiles: [...lazyFiles].map((file) => {
      const chunk = chunks.get(file);
      return { file, module: short(chunk.facadeModuleId ?? chunk.moduleIds.at(-1) ?? file), bytes: gz(chunk.code) };
    }),
    eagerModules: [...shares].sort((a, b) => b[1] - a[1]).map(([module, length]) => ({ module, share: length / total })),
  };
}

/** Every bundle measured, in print order. */
export async function measureSizes() {
  return {
    core: await bundle('core', 'packages/sdk/src/core.ts'),
    coreWithoutZod: await bundle('core', 'packages/sdk/src/core.ts', { external: isZod }),
    client: await bundle('client', 'packages/sdk/src/client.ts'),
    analytics: await bundle('analytics', 'packages/sdk/src/analytics/index.ts'),
    peer: await bundle('peer', 'bench:peer'),
    // As `npm run size` bundles (no NODE_ENV): TanStack's development checks stay in.
    peerDevelopment: await bundle('peer', 'bench:peer', { development: true }),
    peerObserver: await bundle('peer-observer', 'bench:peer-observer'),
    idb: await bundle('idb', 'bench:idb'),
    versions: { queryCore: version('@tanstack/query-core'), persist: version('@tanstack/query-persist-client-core'), keyval: version('idb-keyval') },
  };
}
