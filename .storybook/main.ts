// Storybook for @kith/elements: stories in stories/, one file per element; autodocs from the
// Custom Elements Manifest (`npm run cem`). No telemetry, no network: the stories replay
// answers recorded from the real server (stories/fixtures, `npm run story-data`).
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions } from 'vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true, enableCrashReports: false },
  viteFinal(vite) {
    // The workspace packages are read from their TypeScript sources, as in the browser tests
    // (the `kith-source` export condition): no build needed first, and edits reload at once.
    vite.resolve = { ...vite.resolve, conditions: ['kith-source', ...defaultClientConditions] };
    // Storybook's own docs renderer is a ~1 MB chunk: not ours to split, and not shipped to shops.
    vite.build = { ...vite.build, chunkSizeWarningLimit: 1500 };
    return vite;
  },
};

export default config;
