// The Custom Elements Manifest of @kith/elements, read from the JSDoc tags of the element
// classes (@summary, @csspart, @cssprop, @fires, @slot): `npm run cem` writes
// packages/elements/custom-elements.json, which Storybook's autodocs and IDEs read.

/**
 * Kith defines tags through its own `define('kith-x', KithX)` helper (it never throws when the
 * tag exists), which the analyzer does not know: this plugin finds those calls, gives each class
 * its tag name and records the definition in the module that makes it.
 */
function kithDefine() {
  /** @type {{ tagName: string, className: string, path: string }[]} */
  const definitions = [];
  return {
    name: 'kith-define',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
      const [tag, element] = node.arguments;
      if (!tag || !element || !ts.isStringLiteral(tag) || !ts.isIdentifier(element)) return;
      definitions.push({ tagName: tag.text, className: element.text, path: moduleDoc.path });
    },
    packageLinkPhase({ customElementsManifest }) {
      const modules = customElementsManifest.modules ?? [];
      // The helper's own `customElements.define(tag, ctor)` defines no particular element.
      for (const mod of modules) {
        mod.exports = mod.exports?.filter((e) => !(e.kind === 'custom-element-definition' && !/^[a-z][\w.]*-[\w.-]*$/.test(e.name)));
      }
      for (const { tagName, className, path } of definitions) {
        const home = modules.find((mod) => mod.declarations?.some((d) => d.kind === 'class' && d.name === className));
        const declaration = home?.declarations.find((d) => d.kind === 'class' && d.name === className);
        if (!home || !declaration) throw new Error(`custom-elements-manifest: define('${tagName}', ${className}) names no class in the globs`);
        declaration.tagName = tagName;
        declaration.customElement = true;
        const definer = modules.find((mod) => mod.path === path);
        definer.exports = [
          ...(definer.exports ?? []).filter((e) => !(e.kind === 'custom-element-definition' && e.name === tagName)),
          { kind: 'custom-element-definition', name: tagName, declaration: { name: className, module: home.path } },
        ];
      }
    },
  };
}

/**
 * The manifest documents what a page may use: private and protected members (`emit`) and
 * `#private` fields are left out. A `@summary` tag followed by paragraphs keeps its first
 * paragraph as the summary; the rest becomes the description.
 */
function publicOnly() {
  return {
    name: 'kith-public-only',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((m) => !m.privacy && !m.name.startsWith('#'));
          }
          const [summary, ...rest] = declaration.summary?.split(/\n\s*\n/) ?? [];
          if (summary !== undefined && rest.length > 0 && !declaration.description) {
            declaration.summary = summary.trim();
            declaration.description = rest.join('\n\n').trim();
          }
        }
      }
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.test-support.ts', 'packages/elements/src/drop-in.ts', 'packages/elements/src/drop-in/**'],
  outdir: 'packages/elements',
  litelement: true,
  // The root package.json is the workspace's, not the elements package's.
  packagejson: false,
  dependencies: false,
  plugins: [kithDefine(), publicOnly()],
};
