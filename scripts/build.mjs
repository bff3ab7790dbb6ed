// Builds every package: JavaScript with rollup, declarations with tsc (in import order,
// so each package's .d.ts files can point at the ones of the packages it imports).
import { run } from './run.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
for (const pkg of ['schema', 'sdk', 'elements', 'server']) {
  run(bin('tsc'), ['-p', `packages/${pkg}/tsconfig.build.json`]);
}
console.log('built packages/*/dist and packages/elements/dist/drop-in');
