// <kith-rating> in every state it renders on purpose. The listing stories give their tiles a
// real SDK client whose network replays the batch answer recorded from the real server
// (stories/fixtures/reviews.json, `aggregates`: six demo products, asked in the order the tiles
// render, which is the order the batch asks them in). The others feed `value` and `count`.
// `parameters.kith.status` is the state every tile of a story must reach:
// scripts/storybook-check.mjs renders every story and checks it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/rating.js';
import reviews from './fixtures/reviews.json';
import type { Recorded } from './support/recorded.js';
import { withReplay } from './support/replay.js';
import { reaches, stateStories } from './support/states.js';

const listing: readonly string[] = reviews.listingProductIds;
const answers: readonly Recorded[] = [reviews.responses.aggregates];
const names = ['Linen shirt', 'Wool coat', 'Silk scarf', 'Leather belt', 'Canvas tote', 'Trail sneakers'];

interface RatingArgs {
  value?: string;
  count?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
}

/** Loading, saved ratings offline, the error of an unreachable server, not configured. */
const states = stateStories({ answers, prime: (client) => client.reviews.aggregates({ productId: [...listing] }) });

const meta = {
  title: 'Elements/Rating',
  component: 'kith-rating',
  tags: ['autodocs'],
  argTypes: {
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  // A listing page: six product tiles, one request for all of them.
  render: (args, { loaded }) => html`
    <ul style="display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 1rem; list-style: none; padding: 0; max-width: 360px">
      ${listing.map(
        (product, i) => html`<li style="font: 14px system-ui">
          <div>${names[i]}</div>
          <kith-rating .client=${loaded['client'] as KithClient | undefined} product=${product} locale=${ifDefined(args.locale)} theme=${ifDefined(args.theme)}></kith-rating>
        </li>`,
      )}
    </ul>
  `,
} satisfies Meta<RatingArgs>;

export default meta;
type Story = StoryObj<RatingArgs>;

/** Six tiles of a listing read their ratings in ONE batch request; partial stars are drawn with CSS. */
export const Listing: Story = {
  parameters: reaches('ready'),
  loaders: [withReplay(answers)],
};

/** The server has not answered yet: grey pulsing stars, named "Loading rating…". */
export const Loading: Story = states.loading();

/** Saved ratings while the server cannot be reached: their names say they are saved. */
export const OfflineWithSavedData: Story = { name: 'Offline, saved ratings', ...states.offline() };

/** Nothing saved and the server cannot be reached: each tile shows a quiet dash (a tile never breaks a listing). */
export const ErrorOffline: Story = { name: 'Error, server unreachable', ...states.errorOffline() };

/** No client (no provider, no page settings, no `base-url` and `key`): the dash. */
export const NotConfigured: Story = { name: 'Not configured', ...states.notConfigured() };

/** The page knows the numbers (`value`, `count`): nothing is requested. */
export const FromAttributes: Story = {
  name: 'From value and count',
  args: { value: '4.3', count: '128' },
  argTypes: { value: { control: 'text' }, count: { control: 'text' } },
  parameters: reaches('ready'),
  render: (args) => html`
    <kith-rating value=${ifDefined(args.value)} count=${ifDefined(args.count)} locale=${ifDefined(args.locale)} theme=${ifDefined(args.theme)}></kith-rating>
  `,
};

/** No review published yet: a short text instead of empty stars (here `count="0"`; the same for a product without reviews). */
export const NoReviews: Story = {
  ...FromAttributes,
  name: 'No reviews yet',
  args: { count: '0' },
  parameters: reaches('empty'),
};

/** A value the element cannot show (`value="abc"`): ignored with a console warning, the dash instead. */
export const BadValue: Story = {
  ...FromAttributes,
  name: 'Bad value',
  args: { value: 'abc' },
  parameters: reaches('idle'),
};

/** Themed through `--kith-rating-star-color` and `--kith-rating-size`. */
export const Themed: Story = {
  parameters: reaches('ready'),
  render: () => html`
    <kith-rating value="3.6" count="42" style="--kith-rating-star-color: #7c3aed; --kith-rating-size: 1.75rem"></kith-rating>
  `,
};

/** English, Simplified and Traditional Chinese, in the light and the dark theme. */
export const LocalesAndThemes: Story = {
  name: 'Locales and themes',
  parameters: reaches('ready'),
  render: () => html`
    <div style="display: grid; gap: 0.5rem">
      ${(['light', 'dark'] as const).flatMap((theme) =>
        ['en', 'zh-Hans', 'zh-Hant'].map(
          (locale) => html`<div data-kith-theme=${theme} style="padding: 0.5rem; background: ${theme === 'dark' ? '#1c2128' : '#ffffff'}">
            <kith-rating value="4.3" count="1280" locale=${locale} theme=${theme}></kith-rating>
          </div>`,
        ),
      )}
    </div>
  `,
};
