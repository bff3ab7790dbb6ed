// Bundles the benchmark pages (rollup + node-resolve + esbuild, code splitting, so Kith's
// IndexedDB half stays the lazy chunk it is in production) and writes nothing to disk: the
// static server serves the chunks from memory.
import { rollup } from 'rollup';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { onwarn } from '../../rollup.config.mjs';
import { production } from './production.mjs';

const SIDES = ['kith', 'tanstack', 'bare'];

/** One page per side (its own code only), and `all.html` with every side (same-page cases). */
const html = (scripts) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>bench:sdk</title>${scripts
    .map((side) => `<script type="module" src="/${side}.js"></script>`)
    .join('')}</html>`;

/** @returns {Promise<Map<string, { type: string, body: string }>>} path → file */
export async function buildPages() {
  const build = await rollup({
    input: Object.fromEntries(SIDES.map((side) => [side, `scripts/bench-sdk/pages/${side}.ts`])),
    plugins: [
      production(),
      nodeResolve({ exportConditions: ['kith-source', 'browser', 'import', 'default'] }),
      esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', legalComments: 'none', minify: true }),
    ],
    onwarn,
  });
  const { output } = await build.generate({ format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunk-[name]-[hash].js' });
  await build.close();
  const files = new Map();
  for (const chunk of output) if (chunk.type === 'chunk') files.set(`/${chunk.fileName}`, { type: 'text/javascript', body: chunk.code });
  for (const side of SIDES) files.set(`/${side}.html`, { type: 'text/html', body: html([side]) });
  files.set('/all.html', { type: 'text/html', body: html(SIDES) });
  return files;
}
