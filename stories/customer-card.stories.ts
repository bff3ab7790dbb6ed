// <kith-customer-card> in every state it renders on purpose. Each story's loader gives the card
// a real SDK client whose network replays answers recorded from the real server
// (stories/fixtures/customers.json, checked against @kith/schema when the stories load).
// Locale and theme: the toolbar, or the "Locales and themes" story. `parameters.kith.status` is
// the state the card must reach: scripts/storybook-check.mjs renders every story and checks it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/customer-card.js';
import { recordedCustomers } from './support/recorded.js';
import { withReplay, withSavedData, type Network } from './support/replay.js';
import type { Recorded } from './support/recorded.js';

const { sampleCustomerId, unknownId, responses } = recordedCustomers;

interface CardArgs {
  'customer-id'?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithLoad?: (event: Event) => void;
  onKithError?: (event: Event) => void;
}

/** Saved data: the card's client read the customer once, then answers with `then`. */
const savedThen = (then: Network | readonly Recorded[]) =>
  withSavedData([responses.customer], (client) => client.customers.get(sampleCustomerId), then);

const meta = {
  title: 'Elements/Customer card',
  component: 'kith-customer-card',
  tags: ['autodocs'],
  args: { 'customer-id': sampleCustomerId },
  // Wired to the card (the toolbar's locale and theme apply while these are unset).
  argTypes: {
    'customer-id': { control: 'text' },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-customer-card
      style="max-width: 24rem"
      .client=${loaded['client'] as KithClient | undefined}
      customer-id=${ifDefined(args['customer-id'])}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-load=${args.onKithLoad}
      @kith-error=${args.onKithError}
    ></kith-customer-card>
  `,
} satisfies Meta<CardArgs>;

export default meta;
type Story = StoryObj<CardArgs>;

/** The demo's sample customer, as a staff member sees it. */
export const Ready: Story = {
  parameters: { kith: { status: 'ready' } },
  loaders: [withReplay([responses.customer])],
};

/** The server has not answered yet: a skeleton, `aria-busy`, and a status for screen readers. */
export const Loading: Story = {
  parameters: { kith: { status: 'loading' } },
  loaders: [withReplay([], 'hang')],
};

/** Saved data while the server cannot be reached (offline, down, too slow), with Retry. */
export const OfflineWithSavedData: Story = {
  name: 'Offline, saved data',
  parameters: { kith: { status: 'offline' } },
  loaders: [savedThen('offline')],
};

/** Saved data while the latest could not be loaded for another reason (here the rate limit, 429), with Retry. */
export const StaleSavedData: Story = {
  name: 'Stale, saved data',
  parameters: { kith: { status: 'stale' } },
  loaders: [savedThen([responses.rateLimited])],
};

/** Nothing saved and the server cannot be reached. */
export const ErrorOffline: Story = {
  name: 'Error, offline',
  parameters: { kith: { status: 'error' } },
  loaders: [withReplay([], 'offline')],
};

/** The server refused the key (401). */
export const ErrorKeyRefused: Story = {
  name: 'Error, key refused',
  parameters: { kith: { status: 'error' } },
  loaders: [withReplay([responses.keyRefused])],
};

/** No customer has this id (404). */
export const NotFound: Story = {
  parameters: { kith: { status: 'not_found' } },
  args: { 'customer-id': unknownId },
  loaders: [withReplay([responses.notFound])],
};

/** A publishable key alone may not read customers (403): staff must sign in. */
export const NotAuthorised: Story = {
  parameters: { kith: { status: 'not_authorized' } },
  loaders: [withReplay([responses.forbidden])],
};

/** No client: no `.client`, no provider, no page settings, no `base-url` and `key`. */
export const NotConfigured: Story = {
  parameters: { kith: { status: 'idle' } },
};

/** A client, but no `customer-id` yet. */
export const NoCustomer: Story = {
  parameters: { kith: { status: 'idle' } },
  args: { 'customer-id': undefined },
  loaders: [withReplay([responses.customer])],
};

const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
const THEMES = ['light', 'dark'] as const;

/** The sample customer in every shipped language, light and dark, side by side. */
export const LocalesAndThemes: Story = {
  name: 'Locales and themes',
  parameters: { kith: { status: 'ready' } },
  loaders: [withReplay([responses.customer])],
  render: (args, { loaded }) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; max-width: 60rem">
      ${THEMES.flatMap((theme) =>
        LOCALES.map(
          (locale) => html`
            <div lang=${locale} data-kith-theme=${theme} style="padding: 0.75rem; background: ${theme === 'dark' ? '#0d1117' : '#f6f8fa'}">
              <kith-customer-card
                .client=${loaded['client'] as KithClient | undefined}
                customer-id=${ifDefined(args['customer-id'])}
              ></kith-customer-card>
            </div>
          `,
        ),
      )}
    </div>
  `,
};
