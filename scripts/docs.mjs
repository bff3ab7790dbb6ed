// The reference docs the start page links (served by `npm start` at /docs/): TypeDoc of the
// public API of @kith/sdk and @kith/schema (their index.ts: what a user may import), and the
// elements' Custom Elements Manifest. Run by the build, after the manifest is generated.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { run } from './run.mjs';

const OUT = 'dist/docs';
const packages = [
  { name: 'sdk', title: '@kith/sdk — the typed client' },
  { name: 'schema', title: '@kith/schema — the shared schemas and types' },
];

mkdirSync(OUT, { recursive: true });
for (const { name, title } of packages) {
  run('node_modules/.bin/typedoc', [
    '--entryPoints', `packages/${name}/src/index.ts`,
    '--tsconfig', `packages/${name}/tsconfig.build.json`,
    '--out', `${OUT}/${name}`,
    '--name', title,
    '--readme', `packages/${name}/README.md`,
    '--excludePrivate', '--excludeInternal',
    '--disableSources',
    '--logLevel', 'Warn',
    '--treatWarningsAsErrors', 'false',
  ]);
}
copyFileSync('packages/elements/custom-elements.json', `${OUT}/custom-elements.json`);
writeFileSync(
  `${OUT}/index.html`,
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kith reference docs</title></head><body><main>
<h1>Kith reference docs</h1>
<ul>
${packages.map((p) => `<li><a href="${p.name}/">${p.title}</a></li>`).join('\n')}
<li><a href="custom-elements.json">Custom Elements Manifest</a> of <code>@kith/elements</code></li>
<li><a href="../v1/openapi.json">OpenAPI document</a> of the HTTP API</li>
</ul></main></body></html>\n`,
);
console.log(`built ${OUT}/ (TypeDoc for ${packages.map((p) => p.name).join(' and ')}, the elements' manifest)`);
