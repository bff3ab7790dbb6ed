/// <reference types="vite/client" />
// Autodocs from the Custom Elements Manifest, and two toolbar globals every story follows:
// the locale (the `lang` of the story's container) and the theme (its `data-kith-theme`).
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { keyed } from 'lit/directives/keyed.js';

interface Declaration {
  tagName?: string;
  summary?: string;
  description?: string;
}
interface Manifest {
  modules: { declarations?: Declaration[] }[];
}

// Written by `npm run cem` (npm run storybook and build-storybook run it first); a glob, so that
// a missing manifest is a clear message here rather than an unresolved import.
const manifests = import.meta.glob<Manifest>('../packages/elements/custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (!manifest) throw new Error('packages/elements/custom-elements.json is missing: run `npm run cem`.');
setCustomElementsManifest(manifest);

/** The docs page's description of an element: its `@summary`, then the rest of its class comment. */
function describeElement(tagName: string): string | undefined {
  const declaration = manifest?.modules.flatMap((mod) => mod.declarations ?? []).find((d) => d.tagName === tagName);
  return declaration && [declaration.summary, declaration.description].filter(Boolean).join('\n\n');
}

const BACKDROP = { light: '#f6f8fa', dark: '#0d1117' } as const;

/**
 * The manifest documents every attribute, property, part, CSS property and event; a story
 * wires some of them to its element. Only those (a `control` in the stories' `argTypes`) get
 * a control: the others are documentation, not inputs that would silently do nothing.
 */
const controlsOnlyWhereWired: ArgTypesEnhancer = ({ argTypes }) =>
  Object.fromEntries(Object.entries(argTypes).map(([name, argType]) => [name, argType.control === undefined ? { ...argType, control: false } : argType]));

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: { extractComponentDescription: describeElement },
  },
  globalTypes: {
    locale: {
      description: 'Language of the elements (the lang of their container)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        dynamicTitle: true,
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-Hans', title: '简体中文 (zh-Hans)' },
          { value: 'zh-Hant', title: '繁體中文 (zh-Hant)' },
        ],
      },
    },
    theme: {
      description: 'Theme of the elements (data-kith-theme on their container)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  argTypesEnhancers: [controlsOnlyWhereWired],
  decorators: [
    (story, { globals, parameters }) => {
      const locale = String(globals['locale'] ?? 'en');
      const theme = globals['theme'] === 'dark' ? 'dark' : 'light';
      // The state every Kith element of the story must reach (`parameters.kith.status`), for
      // scripts/storybook-check.mjs, which renders each story in Chromium and checks it.
      const expected = (parameters['kith'] as { status?: string } | undefined)?.status;
      // Keyed: a change of locale or theme builds the story anew, so every element connects
      // inside the new container (elements mirror an ancestor's data-kith-theme on connect).
      const container = html`<div lang=${locale} data-kith-theme=${theme} data-expected-status=${ifDefined(expected)}
        style="padding: 1rem; background: ${BACKDROP[theme]}; color-scheme: ${theme}">
        ${story()}
      </div>`;
      return html`${keyed(`${locale} ${theme}`, container)}`;
    },
  ],
};

export default preview;
