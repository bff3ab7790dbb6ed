// Bundles the portal (React 19 + the Kith SDK) into examples/portal/dist/ with esbuild: the page
// loads dist/portal.js as a module from its own origin, which its strict CSP allows.
//   node examples/portal/build.mjs
// The SDK and schema are bundled from their TypeScript sources (the `kith-source` condition), so
// the portal always matches the packages beside it without their dist being built first.
import { rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');

/**
 * Builds `examples/portal/dist/portal.js` (and its lazily loaded chunks: the SDK loads IndexedDB,
 * outbox and live code on first use). Resolves with the entry's path and size in bytes.
 * @param {{ minify?: boolean }} [options]
 */
export async function buildPortal({ minify = true } = {}) {
  // Chunk names carry hashes: drop the ones an earlier build left.
  rmSync(outdir, { recursive: true, force: true });
  await build({
    entryPoints: { portal: join(here, 'src/main.tsx') },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    conditions: ['kith-source'],
    tsconfig: join(here, 'tsconfig.json'),
    chunkNames: 'chunks/[name]-[hash]',
    // React's production build: no development warnings, a fraction of the size.
    define: { 'process.env.NODE_ENV': '"production"' },
    minify,
    sourcemap: 'linked',
    legalComments: 'linked',
    logLevel: 'warning',
  });
  const file = join(outdir, 'portal.js');
  return { file, bytes: statSync(file).size };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { file, bytes } = await buildPortal();
  console.log(`built ${relative(process.cwd(), file)} (${bytes.toLocaleString('en')} B)`);
}
