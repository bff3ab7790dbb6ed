// Bundles the benchmark pages (rollup + node-resolve + esbuild, code splitting, so Kith's
// IndexedDB half stays the lazy chunk it is in production) and writes nothing to disk: the
// static server serves the chunks from memory. `bench:sdk` uses the defaults; `bench:elements`
// passes its own entries and pages.
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { onwarn } from '../../rollup.config.mjs';
import { production } from './production.mjs';

const SIDES = ['kith', 'tanstack', 'bare'];

/** `bench:sdk`: one page per side (its own code only), and `all.html` with every side (same-page cases). */
const SDK_PAGES = {
  title: 'bench:sdk',
  entries: Object.fromEntries(SIDES.map((side) => [side, `scripts/bench-sdk/pages/${side}.ts`])),
  pages: { ...Object.fromEntries(SIDES.map((side) => [`/${side}.html`, [side]])), '/all.html': SIDES },
};

const html = (title, scripts, head = '') =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>${head}${scripts
    .map((entry) => `<script type="module" src="/${entry}.js"></script>`)
    .join('')}</html>`;

/**
 * @param {{ title: string, entries: Record<string, string>, pages: Record<string, string[]>, head?: string, minify?: boolean }} spec
 *   entries: chunk name → source file; pages: HTML path → the entries it loads; head: markup
 *   (a `<style>`) put before the scripts of every page; minify: false keeps names (for a profile)
 * @returns {Promise<Map<string, { type: string, body: string }>>} path → file
 */
export async function buildPages(spec = SDK_PAGES) {
  const build = await rollup({
    input: spec.entries,
    plugins: [
      production(),
      nodeResolve({ exportConditions: ['kith-source', 'browser', 'import', 'default'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', legalComments: 'none', minify: spec.minify ?? true }),
    ],
    onwarn,
  });
  const { output } = await build.generate({ format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunk-[name]-[hash].js' });
  await build.close();
  const files = new Map();
  for (const chunk of output) if (chunk.type === 'chunk') files.set(`/${chunk.fileName}`, { type: 'text/javascript', body: chunk.code });
  for (const [path, scripts] of Object.entries(spec.pages)) files.set(path, { type: 'text/html', body: html(spec.title, scripts, spec.head) });
  return files;
}
