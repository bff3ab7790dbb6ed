// <kith-loyalty-badge> in every state it renders on purpose. Each story's loader gives the badge
// a real SDK client whose network replays answers recorded from the real server
// (stories/fixtures/loyalty.json, checked against @kith/schema when the stories load).
// Locale and theme: the toolbar, or the "Locales and themes" story. `parameters.kith.status` is
// the state the badge must reach: scripts/storybook-check.mjs renders every story and checks it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/loyalty-badge.js';
import { findDeep } from './support/dom.js';
import { recordedLoyalty } from './support/recorded.js';
import { withReplay } from './support/replay.js';
import { reaches, stateStories } from './support/states.js';

const { sampleCustomerId, climberCustomerId, unknownId, responses } = recordedLoyalty;

/** The sample member (top tier) with the program, and their latest points. */
const member = [responses.program, responses.account, responses.ledger];
/** A member on the way to the next tier. */
const climber = [responses.program, responses.climberAccount, responses.climberLedger];

interface BadgeArgs {
  'customer-id'?: string;
  compact?: boolean;
  'no-redeem'?: boolean;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithLoad?: (event: Event) => void;
  onKithError?: (event: Event) => void;
  onKithRedeem?: (event: Event) => void;
}

/** Loading, saved data (the badge's client read the account and the program once), offline, not configured. */
const states = stateStories({
  answers: member,
  prime: (client) => Promise.all([client.loyalty.account(sampleCustomerId), client.loyalty.program()]),
});

const meta = {
  title: 'Elements/Loyalty badge',
  component: 'kith-loyalty-badge',
  tags: ['autodocs'],
  args: { 'customer-id': sampleCustomerId, compact: false, 'no-redeem': false },
  // Wired to the badge (the toolbar's locale and theme apply while these are unset).
  argTypes: {
    'customer-id': { control: 'text' },
    compact: { control: 'boolean' },
    'no-redeem': { control: 'boolean' },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-loyalty-badge
      style="max-width: 22rem"
      .client=${loaded['client'] as KithClient | undefined}
      customer-id=${ifDefined(args['customer-id'])}
      ?compact=${args.compact}
      ?no-redeem=${args['no-redeem']}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-load=${args.onKithLoad}
      @kith-error=${args.onKithError}
      @kith-redeem=${args.onKithRedeem}
    ></kith-loyalty-badge>
  `,
} satisfies Meta<BadgeArgs>;

export default meta;
type Story = StoryObj<BadgeArgs>;

/** The demo's sample member, at the top tier: balance, benefits, recent points, redeem form. */
export const Ready: Story = {
  parameters: reaches('ready'),
  loaders: [withReplay(member)],
};

/** A member on the way up: the progress bar and the points still needed for the next tier. */
export const ProgressToNextTier: Story = {
  name: 'Progress to the next tier',
  parameters: reaches('ready'),
  args: { 'customer-id': climberCustomerId },
  loaders: [withReplay(climber)],
};

/** The recent points, expanded (read only then). */
export const RecentPoints: Story = {
  parameters: reaches('ready'),
  args: { 'customer-id': climberCustomerId },
  loaders: [withReplay(climber)],
  play: async ({ canvasElement }) => {
    // The toggle appears with the account; the recent points are read when it is pressed.
    const toggle = await findDeep<HTMLButtonElement>(canvasElement, '[part~="ledger-toggle"]', 'ledger toggle');
    toggle.click();
    await findDeep(canvasElement, '[part~="ledger-entry"]', 'recent points');
  },
};

/** One line for a shop header: emblem, tier and balance. */
export const Compact: Story = {
  parameters: reaches('ready'),
  args: { compact: true },
  loaders: [withReplay(member)],
};

/** On a staff page: no redeem form (only the member may redeem). */
export const StaffPage: Story = {
  name: 'Staff page (no redeem)',
  parameters: reaches('ready'),
  args: { 'no-redeem': true },
  loaders: [withReplay(member)],
};

/** The server has not answered yet: a skeleton and `aria-busy`. */
export const Loading: Story = states.loading();

/** Saved points while the server cannot be reached, with Retry. */
export const OfflineWithSavedData: Story = { name: 'Offline, saved data', ...states.offline() };

/** Saved points while the latest could not be loaded for another reason (here the rate limit, 429), with Retry. */
export const StaleSavedData: Story = { name: 'Stale, saved data', ...states.stale([responses.program, responses.rateLimited]) };

/** Nothing saved and the server cannot be reached. */
export const ErrorOffline: Story = { name: 'Error, offline', ...states.errorOffline() };

/** No customer has this id (404). */
export const NotFound: Story = {
  parameters: reaches('not_found'),
  args: { 'customer-id': unknownId },
  loaders: [withReplay([responses.program, responses.notFound])],
};

/** Nobody signed in: a publishable key alone may not read an account (403), so the `sign-in` slot shows. */
export const SignIn: Story = {
  name: 'Sign in (not authorised)',
  parameters: reaches('not_authorized'),
  loaders: [withReplay([responses.program, responses.forbidden])],
};

/** The same, with the page's own content in the `sign-in` slot. */
export const SignInSlot: Story = {
  name: 'Sign in, slotted link',
  parameters: reaches('not_authorized'),
  loaders: [withReplay([responses.program, responses.forbidden])],
  render: (args, { loaded }) => html`
    <kith-loyalty-badge style="max-width: 22rem" .client=${loaded['client'] as KithClient | undefined} customer-id=${ifDefined(args['customer-id'])}>
      <a slot="sign-in" href="#sign-in">Sign in to see your points</a>
    </kith-loyalty-badge>
  `,
};

/** No client: no `.client`, no provider, no page settings, no `base-url` and `key`. */
export const NotConfigured: Story = states.notConfigured();

const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
const THEMES = ['light', 'dark'] as const;

/** A member on the way up in every shipped language, light and dark, side by side. */
export const LocalesAndThemes: Story = {
  name: 'Locales and themes',
  parameters: reaches('ready'),
  args: { 'customer-id': climberCustomerId, 'no-redeem': true },
  loaders: [withReplay(climber)],
  render: (args, { loaded }) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 1rem; max-width: 60rem">
      ${THEMES.flatMap((theme) =>
        LOCALES.map(
          (locale) => html`
            <div lang=${locale} data-kith-theme=${theme} style="padding: 0.75rem; background: ${theme === 'dark' ? '#0d1117' : '#f6f8fa'}">
              <kith-loyalty-badge
                .client=${loaded['client'] as KithClient | undefined}
                customer-id=${ifDefined(args['customer-id'])}
                ?no-redeem=${args['no-redeem']}
              ></kith-loyalty-badge>
            </div>
          `,
        ),
      )}
    </div>
  `,
};
