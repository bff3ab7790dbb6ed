// Builds every package: JavaScript with rollup, declarations with tsc (in import order,
// so each package's .d.ts files can point at the ones of the packages it imports), and the
// elements' Custom Elements Manifest (published with them: IDEs and Storybook read it).
import { run } from './run.mjs';

const bin = (name) => `node_modules/.bin/${name}`;
run(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']);
for (const pkg of ['schema', 'sdk', 'elements', 'server']) {
  run(bin('tsc'), ['-p', `packages/${pkg}/tsconfig.build.json`]);
}
run(bin('custom-elements-manifest'), ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet']);
console.log('built packages/*/dist, packages/elements/dist/drop-in and packages/elements/custom-elements.json');
