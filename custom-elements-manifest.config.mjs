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
 * Elements that declare their properties in `static properties` (no decorators: the review form
 * counts every byte) document them on `declare` fields, which the analyzer skips, and mark their
 * internal state with `state: true`, which it would list as attributes. This plugin reads both:
 * each public property becomes a field (with its attribute, reflection and JSDoc), state is left out.
 */
function staticProperties() {
  /** @type {Map<string, { name: string, attribute: string | null, reflects: boolean, state: boolean, description: string }[]>} */
  const byClass = new Map();
  return {
    name: 'kith-static-properties',
    analyzePhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const declaration = node.members.find(
        (m) => ts.isPropertyDeclaration(m) && m.modifiers?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword) && m.name.getText() === 'properties',
      );
      if (!declaration || !declaration.initializer || !ts.isObjectLiteralExpression(declaration.initializer)) return;
      const docOf = (name) => {
        const field = node.members.find((m) => ts.isPropertyDeclaration(m) && m.name.getText() === name);
        const comments = field ? ts.getJSDocCommentsAndTags(field) : [];
        const text = comments.map((c) => (typeof c.comment === 'string' ? c.comment : '')).join(' ').trim();
        return { text, internal: comments.some((c) => ts.isJSDoc(c) && c.tags?.some((tag) => tag.tagName.getText() === 'internal')) };
      };
      const entries = [];
      for (const property of declaration.initializer.properties) {
        if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) continue;
        const name = property.name.getText();
        const option = (key) => property.initializer.properties.find((o) => ts.isPropertyAssignment(o) && o.name.getText() === key)?.initializer;
        const attribute = option('attribute');
        const doc = docOf(name);
        entries.push({
          name,
          attribute: attribute?.kind === ts.SyntaxKind.FalseKeyword ? null : attribute && ts.isStringLiteral(attribute) ? attribute.text : name.toLowerCase(),
          reflects: option('reflect')?.kind === ts.SyntaxKind.TrueKeyword,
          state: option('state')?.kind === ts.SyntaxKind.TrueKeyword || doc.internal,
          description: doc.text,
        });
      }
      byClass.set(node.name.text, entries);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const declaration of mod.declarations ?? []) {
          const entries = byClass.get(declaration.name);
          if (!entries || declaration.kind !== 'class') continue;
          const names = new Set(entries.map((e) => e.name));
          const shown = entries.filter((e) => !e.state);
          declaration.attributes = [
            ...(declaration.attributes ?? []).filter((a) => !names.has(a.fieldName ?? a.name)),
            ...shown.filter((e) => e.attribute).map((e) => ({ name: e.attribute, fieldName: e.name, ...(e.description ? { description: e.description } : {}) })),
          ];
          declaration.members = [
            ...(declaration.members ?? []).filter((m) => !names.has(m.name)),
            ...shown.map((e) => ({
              kind: 'field',
              name: e.name,
              ...(e.description ? { description: e.description } : {}),
              ...(e.attribute ? { attribute: e.attribute } : {}),
              ...(e.reflects ? { reflects: true } : {}),
            })),
          ];
        }
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
  plugins: [kithDefine(), staticProperties(), publicOnly()],
};
