// The drop-in's versioned copy and its Subresource Integrity manifest. A shop pins
// `/drop-in/<version>/kith.js` with an `integrity` attribute; the browser refuses the file if
// it differs by one byte. Every other file of that copy has a content-hashed name (or sits in
// the versioned folder), so the whole copy is immutable and may be cached for a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The drop-in's version: the elements package's, so a published copy never changes under its URL. */
export const dropInVersion = JSON.parse(readFileSync(new URL('../packages/elements/package.json', import.meta.url), 'utf8')).version;

/** Where the built copies live (the latest at the root, each version in its folder). */
export const dropInDir = 'packages/elements/dist/drop-in';
export const manifestPath = `${dropInDir}/${dropInVersion}/integrity.json`;

/** The `integrity` value of some bytes: SHA-384, the hash the SRI specification recommends. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * Rollup output plugin: writes `integrity.json` beside the files it hashes, from the bundle
 * itself (so it lists exactly this build's files, never a stale chunk left in the folder).
 */
export function integrityManifest() {
  return {
    name: 'kith-integrity-manifest',
    generateBundle(_options, bundle) {
      const files = {};
      for (const [fileName, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (fileName.endsWith('.map')) continue;
        files[fileName] = sri(output.type === 'chunk' ? output.code : output.source);
      }
      const manifest = { version: dropInVersion, entry: 'kith.js', algorithm: 'sha384', files };
      this.emitFile({ type: 'asset', fileName: 'integrity.json', source: `${JSON.stringify(manifest, null, 2)}\n` });
    },
  };
}

/** Reads the built manifest. */
export const readManifest = () => JSON.parse(readFileSync(manifestPath, 'utf8'));

/** The tag a shop pastes: the versioned entry, its hash, and `crossorigin` (SRI needs a CORS fetch). */
export function scriptSnippet(origin, manifest = readManifest()) {
  return `<script type="module" src="${origin}/drop-in/${manifest.version}/${manifest.entry}" integrity="${manifest.files[manifest.entry]}" crossorigin="anonymous"></script>`;
}

/**
 * An import map whose `integrity` section makes the browser check the chunks that kith.js
 * imports (statically and on demand) too; without it, SRI covers the entry only and the
 * immutable, content-hashed names cover the rest. It must come before any module script.
 */
export function importMapSnippet(origin, manifest = readManifest()) {
  const integrity = Object.fromEntries(
    Object.entries(manifest.files)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, hash]) => [`${origin}/drop-in/${manifest.version}/${file}`, hash]),
  );
  return `<script type="importmap">${JSON.stringify({ integrity })}</script>`;
}

// `node scripts/drop-in-manifest.mjs [--import-map]`: prints the snippet(s) for KITH_PUBLIC_URL.
if (import.meta.url === new URL(process.argv[1], 'file:').href) {
  const origin = process.env.KITH_PUBLIC_URL?.replace(/\/+$/, '') || 'https://kith.example.com';
  if (process.argv.includes('--import-map')) console.log(importMapSnippet(origin));
  console.log(scriptSnippet(origin));
}
