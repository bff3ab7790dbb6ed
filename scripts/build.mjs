// Builds every package: JavaScript with rollup, declarations with tsc (in import order,
// so each package's .d.ts files can point at the ones of the packages it imports), and the
// elements' Custom Elements Manifest (published with them: IDEs and Storybook read it); the
// reference docs (dist/docs/); the portal example's bundle.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from './run.mjs';
import { manifestPath, readManifest, scriptSnippet } from './drop-in-manifest.mjs';
import { buildPortal } from '../examples/portal/build.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
// A version's files are served as immutable: if this build changes them, its version needs a bump.
const before = existsSync(manifestPath) ? readFileSync(manifestPath, 'utf8') : null;
run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
for (const pkg of ['schema', 'sdk', 'elements', 'server']) {
  run(bin('tsc'), ['-p', `packages/${pkg}/tsconfig.build.json`]);
}
run(bin('custom-elements-manifest'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
console.log('built packages/*/dist, packages/elements/dist/drop-in and packages/elements/custom-elements.json');
// The reference docs `npm start` serves at /docs/ (TypeDoc, the manifest).
run(process.execPath, ['scripts/docs.mjs']);
// The portal example is React on the SDK: bundled for the browser (the other examples need no build).
await buildPortal();

// Rollup never empties its folder: drop what earlier builds of this version left (the manifest lists this build's files).
const manifest = readManifest();
const versionDir = dirname(manifestPath);
const built = new Set([...Object.keys(manifest.files), 'integrity.json']);
for (const file of readdirSync(versionDir, { recursive: true, withFileTypes: true })) {
  const path = join(file.parentPath, file.name);
  if (file.isFile() && !built.has(path.slice(versionDir.length + 1).replaceAll('\\', '/'))) rmSync(path);
}
// The tag a shop pastes to pin this version (the origin is the Kith server's public URL).
const origin = process.env.KITH_PUBLIC_URL?.replace(/\/+$/, '') || 'https://kith.example.com';
console.log(`\ndrop-in ${manifest.version}: ${Object.keys(manifest.files).length} files, SRI hashes in ${manifestPath}`);
console.log(`pin it (set KITH_PUBLIC_URL to print your server's origin):\n  ${scriptSnippet(origin, manifest)}`);
console.log(`check its chunks too (Chromium ≥ 127): put before it the import map printed by\n  node scripts/drop-in-manifest.mjs --import-map`);
if (before !== null && before !== readFileSync(manifestPath, 'utf8')) {
  console.log(`note: drop-in ${manifest.version} changed; bump packages/elements/package.json's version before publishing it (its URLs are cached as immutable)`);
}
