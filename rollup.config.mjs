// Builds every package to its dist/ (ESM, one file per source module so `sideEffects`
// can name the files that define tags) and the drop-in bundle for a plain
// <script type="module"> page. Declarations come from `tsc` (see scripts/build.mjs).
import { existsSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { dropInDir, dropInVersion, integrityManifest } from './scripts/drop-in-manifest.mjs';

const ts = () => esbuild({ target: 'es2022', tsconfig: 'tsconfig.base.json', legalComments: 'none' });

/** zod reports its own annotations and cycles; they are not ours to fix. */
export function onwarn(warning, warn) {
  const id = warning.id ?? warning.ids?.join(' ') ?? warning.message;
  if (['INVALID_ANNOTATION', 'CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(warning.code) && /\/zod\//.test(id)) return;
  warn(warning);
}

/**
 * Lit's `css` templates ship as written: terser leaves template text alone. This strips their
 * comments and indentation (CSS needs neither) from the elements' sources before bundling.
 * (`html` templates: see `htmlTemplates`.)
 */
export function cssTemplates() {
  return {
    name: 'kith-css-templates',
    transform(code, id) {
      if (!/\/packages\/elements\/src\/.*\.ts$/.test(id.replaceAll('\\', '/')) || !code.includes('css`')) return null;
      const out = code.replace(/\bcss`([^`]*)`/g, (_, body) => `css\`${body.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\n\s+/g, '\n')}\``);
      return { code: out, map: null };
    },
  };
}

/**
 * Lit's `html` templates ship as written too. This drops the indentation after each line break in
 * their static text, keeping the line break itself: a run of white space with a line break in it
 * renders the same either way (white-space `normal`, `nowrap` or `pre-line`; no element renders a
 * template's static text with `pre` or `pre-wrap`). Runs after TypeScript, on the parsed code, so
 * nested templates and `${…}` expressions are never touched; only the elements' sources.
 */
export function htmlTemplates() {
  return {
    name: 'kith-html-templates',
    transform(code, id) {
      if (!/\/packages\/elements\/src\/.*\.ts$/.test(id.replaceAll('\\', '/')) || !code.includes('html`')) return null;
      const edits = [];
      const visit = (node) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'html') {
          for (const quasi of node.quasi.quasis) {
            const raw = code.slice(quasi.start, quasi.end);
            const trimmed = raw.replace(/\n[ \t]+/g, '\n');
            if (trimmed !== raw) edits.push([quasi.start, quasi.end, trimmed]);
          }
        }
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach(visit);
          else if (value && typeof value === 'object' && typeof value.type === 'string') visit(value);
        }
      };
      visit(this.parse(code));
      if (edits.length === 0) return null;
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}

/**
 * zod/mini builds schemas with plain calls that rollup must assume have side effects, so a module's
 * unused schemas would ship with the used ones. Building a schema has none: its calls are pure.
 */
export const pureSchemaCalls = { manualPureFunctions: ['z', 'shortText', 'longText', 'verbatimText', 'page', 'repeated'] };

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
/** A library build leaves every bare import to the consumer's resolver. */
const isBare = (id) => nodeBuiltins.has(id) || (!id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'));

/** Element entry points: `src/<name>/<name>.ts` defines the tag `kith-<name>`. */
export function elementEntries() {
  const src = 'packages/elements/src';
  if (!existsSync(src)) return {};
  const entries = {};
  for (const dir of readdirSync(src, { withFileTypes: true })) {
    const file = join(src, dir.name, `${dir.name}.ts`);
    if (dir.isDirectory() && existsSync(file)) entries[dir.name] = file;
  }
  return entries;
}

/** The SDK's resource modules, each its own export (`@kith/sdk/resources/<name>`). */
function sdkResourceEntries() {
  const dir = 'packages/sdk/src/resources';
  if (!existsSync(dir)) return {};
  const names = readdirSync(dir).filter((file) => /^[a-z-]+\.ts$/.test(file) && !['index.ts', 'shared.ts', 'fixtures.ts'].includes(file));
  return Object.fromEntries(names.map((file) => [`resources/${file.slice(0, -3)}`, join(dir, file)]));
}

const library = (pkg, inputs) => ({
  input: inputs,
  external: isBare,
  onwarn,
  plugins: [ts()],
  output: {
    dir: `packages/${pkg}/dist`,
    format: 'es',
    preserveModules: true,
    preserveModulesRoot: `packages/${pkg}/src`,
    sourcemap: true,
  },
});

/**
 * The drop-in's shared runtime, in two chunks that every data element loads eagerly, so that
 * what an element adds over them does not depend on which other elements exist:
 * - `shell`: Lit and the foundations that need no data (the base element, texts, tokens). A
 *   shopper's form (`<kith-feedback>`) stands on it alone and loads the rest when it sends.
 * - `runtime`: zod, @lit/context, the SDK core (not its lazy parts: IndexedDB, the outbox, live
 *   updates, the error schema), the common schemas and the foundations that read data.
 * Runtime modules import narrow entries (`@kith/sdk/core`, `@kith/schema/topic-pattern`), never a
 * package index: rollup puts into a manual chunk every module its modules import that no other
 * rule claims, so one import of an index would pull every resource and domain schema an element
 * uses into the runtime. The shell imports nothing of the runtime (else it would load it too).
 */
export function runtimeChunk(id) {
  const path = id.replaceAll('\\', '/');
  // Its own chunk, or rollup would fold it into the runtime (whose modules import it) and the
  // autoloader would load the whole runtime on a page without any Kith tag.
  if (/\/packages\/elements\/src\/internal\/page-settings\.ts$/.test(path)) return 'page-settings';
  // The long lists' machinery (the timeline's, the pipeline's columns): one chunk the elements with a list share.
  if (/\/packages\/elements\/src\/internal\/virtual-(window|list)\.ts$/.test(path)) return 'lists';
  // Lit's keyed `repeat`, apart: the inbox keeps each item's element (and its half-written answer)
  // with its record without paying for the virtual lists.
  if (/\/node_modules\/(lit|lit-html)\/directives\/repeat\.js$/.test(path)) return 'repeat';
  // What every Lit directive stands on: its own small chunk, so an element using one (a style
  // map, the lists' repeat) does not load the lists, nor the shell the directives.
  if (/\/node_modules\/lit-html\/(directive|directive-helpers)\.js$/.test(path)) return 'directives';
  // Lit itself, not its directives (each goes with the elements that use it).
  if (/\/node_modules\/(lit|lit-html|lit-element|@lit\/reactive-element)\/(?!directives\/)/.test(path)) return 'shell';
  if (/\/packages\/elements\/src\/internal\/(kith-element|settings-controller|texts-controller|lazy-part|define|format)\.ts$/.test(path)) return 'shell';
  if (/\/packages\/elements\/src\/(styles\/tokens|locales\/translation|locales\/common\/(texts|en|catalog))\.ts$/.test(path)) return 'shell';
  if (/\/node_modules\/(@lit\/context|zod)\//.test(path)) return 'runtime';
  // (Not `adopt-styles`: only lazy parts use it.)
  if (/\/packages\/elements\/src\/internal\/(?!page-settings\.ts$|adopt-styles\.ts$|virtual-(window|list)\.ts$)[^/]+\.ts$/.test(path)) return 'runtime';
  if (/\/packages\/elements\/src\/styles\/shared\.ts$/.test(path)) return 'runtime';
  // The core and what it needs, not the package index nor `client.ts` (they import every resource).
  if (/\/packages\/sdk\/src\/(?!error-schema|idb-open|index|client\.)[^/]+\.ts$/.test(path)) return 'runtime';
  if (/\/packages\/sdk\/src\/(reads\/[^/]+|cache\/(index|memory|store|storage)|live\/(lazy|topics)|outbox\/lazy|resources\/shared)\.ts$/.test(path)) return 'runtime';
  if (/\/packages\/schema\/src\/(common|currency|page|topic-pattern)\.ts$/.test(path)) return 'runtime';
  return undefined;
}

const dropIn = existsSync('packages/elements/src/drop-in.ts')
  ? [{
      input: { kith: 'packages/elements/src/drop-in.ts', ...elementEntries() },
      onwarn,
      treeshake: pureSchemaCalls,
      // An element's entry may carry what its chunks share instead of a facade chunk in front of them.
      preserveEntrySignatures: 'allow-extension',
      plugins: [nodeResolve({ exportConditions: ['kith-source', 'browser', 'import', 'default'] }), cssTemplates(), ts(), htmlTemplates(), terser({ format: { comments: false } })],
      output: [
        // The latest, at `/drop-in/kith.js` (short cache): pages that follow every release.
        { dir: dropInDir, format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', manualChunks: runtimeChunk },
        // The same build, pinned: `/drop-in/<version>/kith.js` (cached for a year, checked by SRI).
        // Only the entry keeps a plain name; every other file is named by its content.
        {
          dir: `${dropInDir}/${dropInVersion}`,
          format: 'es',
          entryFileNames: (chunk) => (chunk.name === 'kith' ? '[name].js' : '[name]-[hash].js'),
          chunkFileNames: 'chunks/[name]-[hash].js',
          manualChunks: runtimeChunk,
          plugins: [integrityManifest()],
        },
      ],
    }]
  : [];

export default [
  library('schema', { index: 'packages/schema/src/index.ts' }),
  library('sdk', { index: 'packages/sdk/src/index.ts', 'core-entry': 'packages/sdk/src/core-entry.ts', analytics: 'packages/sdk/src/analytics/index.ts', ...sdkResourceEntries() }),
  library('elements', { index: 'packages/elements/src/index.ts', ...elementEntries() }),
  library('server', { index: 'packages/server/src/index.ts', bin: 'packages/server/src/bin.ts' }),
  ...dropIn,
];
