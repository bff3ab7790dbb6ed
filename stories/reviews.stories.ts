// <kith-reviews> in every state it renders on purpose. Each story's loader gives the element a real
// SDK client whose network replays answers recorded from the real server
// (stories/fixtures/reviews.json, checked against @kith/schema when the stories load).
// Locale and theme: the toolbar, or the "Locales and themes" story. `parameters.kith.status` is
// the state the element must reach: scripts/storybook-check.mjs renders every story and checks it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/reviews.js';
import { findDeep } from './support/dom.js';
import { recordedReviews } from './support/recorded.js';
import { withReplay } from './support/replay.js';
import { reaches, stateStories } from './support/states.js';

const { productId, emptyProductId, unknownId, star, responses } = recordedReviews;

/** The sample product: its summary and every first page the stories' readers ask for. */
const product = [
  responses.aggregate, responses.listEn, responses.listZhHans, responses.listZhHant,
  responses.listAll, responses.listHighest, responses.listLowest, responses.listByStar,
];

interface ReviewsArgs {
  product?: string;
  'product-name'?: string;
  'structured-data'?: boolean;
  href?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithLoad?: (event: Event) => void;
  onKithError?: (event: Event) => void;
}

/** Loading, saved reviews (the client read the summary and the English page once), offline, not configured. */
const states = stateStories({
  answers: product,
  prime: (client) => Promise.all([client.reviews.aggregate(productId), client.reviews.list(productId, { sort: 'newest', limit: 10, language: 'en' })]),
});

const meta = {
  title: 'Elements/Reviews',
  component: 'kith-reviews',
  tags: ['autodocs'],
  args: { product: productId, 'structured-data': false },
  argTypes: {
    product: { control: 'text' },
    'product-name': { control: 'text' },
    'structured-data': { control: 'boolean' },
    href: { control: 'text' },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-reviews
      style="max-width: 36rem"
      .client=${loaded['client'] as KithClient | undefined}
      product=${ifDefined(args.product)}
      product-name=${ifDefined(args['product-name'])}
      ?structured-data=${args['structured-data']}
      href=${ifDefined(args.href)}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-load=${args.onKithLoad}
      @kith-error=${args.onKithError}
    ></kith-reviews>
  `,
} satisfies Meta<ReviewsArgs>;

export default meta;
type Story = StoryObj<ReviewsArgs>;

/** The sample product, ready (each story names its own loader: Storybook merges the meta's with a story's). */
const ready = { parameters: reaches('ready'), loaders: [withReplay(product)] };

/** The demo's sample product for an English reader: average, star bars, the English reviews first, a reply, verified buyers. */
export const Ready: Story = { ...ready };

/** "All languages" pressed: every review, each in its own language and direction. */
export const AllLanguages: Story = {
  ...ready,
  name: 'All languages',
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, '[part~="language-toggle"]', 'language toggle')).click();
    await findDeep(canvasElement, '[part~="language-toggle"][aria-pressed="true"]', 'pressed language toggle');
  },
};

/** A star bar pressed: only those reviews (press it again, or another bar to add its stars). */
export const FilteredByStars: Story = {
  ...ready,
  name: 'Filtered by stars',
  play: async ({ canvasElement }) => {
    await findDeep(canvasElement, '[part~="bar"]', 'star bars');
    const bars = canvasElement.querySelector('kith-reviews')?.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~="bar"]');
    bars?.[5 - star]?.click();
    await findDeep(canvasElement, '[part~="bar"][aria-pressed="true"]', 'pressed star bar');
  },
};

/** Sorted by the lowest rating first. */
export const SortedByLowest: Story = {
  ...ready,
  name: 'Sorted by lowest rating',
  play: async ({ canvasElement }) => {
    const select = await findDeep<HTMLSelectElement>(canvasElement, '[part~="sort"]', 'sort menu');
    select.value = 'lowest';
    select.dispatchEvent(new Event('change'));
  },
};

/** With `structured-data` and `product-name`: schema.org JSON-LD written into the light DOM (see the element in the inspector). */
export const StructuredData: Story = {
  ...ready,
  name: 'Structured data (JSON-LD)',
  args: { 'structured-data': true, 'product-name': 'Canvas sneakers' },
};

/** With `href`: a "See all reviews" link; the page's own link inside the element shows before it upgrades, or without JavaScript. */
export const FallbackLink: Story = {
  ...ready,
  name: 'Link to all reviews',
  args: { href: '#all-reviews' },
  render: (args, { loaded }) => html`
    <kith-reviews style="max-width: 36rem" .client=${loaded['client'] as KithClient | undefined} product=${ifDefined(args.product)} href="#all-reviews" locale="en">
      <a href="#all-reviews">Reviews of this product</a>
    </kith-reviews>
  `,
};

/** 360 px wide, as on a phone. */
export const Narrow: Story = {
  ...ready,
  name: '360 px',
  render: (args, { loaded }) => html`
    <kith-reviews style="width: 360px" .client=${loaded['client'] as KithClient | undefined} product=${ifDefined(args.product)} locale="en"></kith-reviews>
  `,
};

/** A product the shop has just added: no reviews yet. */
export const Empty: Story = {
  name: 'No reviews yet',
  args: { product: emptyProductId },
  parameters: reaches('empty'),
  loaders: [withReplay([responses.emptyAggregate, responses.emptyList, responses.emptyListAll])],
};

/** No product has this id (404). */
export const NotFound: Story = {
  args: { product: unknownId },
  parameters: reaches('not_found'),
  loaders: [withReplay([responses.notFound, responses.listNotFound])],
};

/** The server has not answered yet: a skeleton and `aria-busy`. */
export const Loading: Story = states.loading();

/** Saved reviews while the server cannot be reached, with Retry. */
export const OfflineWithSavedData: Story = { name: 'Offline, saved data', ...states.offline() };

/** Saved reviews while the latest could not be loaded for another reason (here the rate limit, 429), with Retry. */
export const StaleSavedData: Story = { name: 'Stale, saved data', ...states.stale([responses.rateLimited, responses.listRateLimited]) };

/** Nothing saved and the server cannot be reached. */
export const ErrorOffline: Story = { name: 'Error, offline', ...states.errorOffline() };

/** No client: no `.client`, no provider, no page settings, no `base-url` and `key`. */
export const NotConfigured: Story = states.notConfigured();

const LOCALES = ['en', 'zh-Hans', 'zh-Hant'] as const;
const THEMES = ['light', 'dark'] as const;

/** Every shipped language (each reader's reviews first), light and dark, side by side. */
export const LocalesAndThemes: Story = {
  ...ready,
  name: 'Locales and themes',
  render: (args, { loaded }) => html`
    <div style="display: grid; grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr)); gap: 1rem; max-width: 72rem">
      ${THEMES.flatMap((theme) =>
        LOCALES.map(
          (locale) => html`
            <div lang=${locale} data-kith-theme=${theme} style="padding: 0.75rem; background: ${theme === 'dark' ? '#0d1117' : '#f6f8fa'}">
              <kith-reviews .client=${loaded['client'] as KithClient | undefined} product=${ifDefined(args.product)}></kith-reviews>
            </div>
          `,
        ),
      )}
    </div>
  `,
};
