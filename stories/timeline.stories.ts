// <kith-timeline> in every state it renders on purpose. Each story's loader gives the timeline
// a real SDK client whose network replays answers recorded from the real server
// (stories/fixtures/timeline.json, checked against @kith/schema when the stories load).
// Locale and theme: the toolbar, or the stories that fix them (`globals`). `parameters.kith.status`
// is the state the timeline must reach: scripts/storybook-check.mjs renders every story and checks it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/timeline.js';
import { deepQuery, findDeep } from './support/dom.js';
import { recordedTimeline } from './support/recorded.js';
import { withReplay } from './support/replay.js';
import { reaches, stateStories } from './support/states.js';

const { sampleCustomerId, emptyCustomerId, unknownId, channel, responses } = recordedTimeline;

/** The sample customer's first page, as their account manager reads it (no filter). */
const sample = [responses.timeline];

/** Loading, saved data (the timeline's client read the first page once), offline. */
const states = stateStories({
  answers: sample,
  prime: (client) => client.interactions.list(sampleCustomerId),
});

interface TimelineArgs {
  'customer-id'?: string;
  readonly?: boolean;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithLoad?: (event: Event) => void;
  onKithError?: (event: Event) => void;
  onKithInteractionCreate?: (event: Event) => void;
}

const meta = {
  title: 'Elements/Timeline',
  component: 'kith-timeline',
  tags: ['autodocs'],
  args: { 'customer-id': sampleCustomerId, readonly: false },
  // Wired to the timeline (the toolbar's locale and theme apply while these are unset).
  argTypes: {
    'customer-id': { control: 'text' },
    readonly: { control: 'boolean' },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-timeline
      style="max-width: 40rem"
      .client=${loaded['client'] as KithClient | undefined}
      customer-id=${ifDefined(args['customer-id'])}
      ?readonly=${args.readonly}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-load=${args.onKithLoad}
      @kith-error=${args.onKithError}
      @kith-interaction-create=${args.onKithInteractionCreate}
    ></kith-timeline>
  `,
} satisfies Meta<TimelineArgs>;

export default meta;
type Story = StoryObj<TimelineArgs>;

/** The demo's sample customer, as their account manager sees them: filters with the server's counts, the feed by month and day, "Add note" and "Log call". */
export const Ready: Story = {
  parameters: reaches('ready'),
  loaders: [withReplay(sample)],
};

/**
 * One channel's toggle pressed in the filter bar: the server filters every row (not only the
 * page read) and the counts of the other facets follow. The channel is the recording's
 * (scripts/record-story-data.mjs picks it from the demo).
 */
export const FilteredByChannel: Story = {
  name: 'Filtered by channel',
  parameters: reaches('ready'),
  loaders: [withReplay([...sample, responses.byChannel])],
  play: async ({ canvasElement }) => {
    const toggle = await findDeep<HTMLButtonElement>(canvasElement, `[part~="filter"][data-facet="channel"][data-value="${channel}"]`, `${channel} filter`);
    toggle.click();
    await waitFor(
      () => {
        const pressed = deepQuery(canvasElement, `[part~="filter"][data-facet="channel"][aria-pressed="true"]`);
        const item = deepQuery(canvasElement, '[part~="item"]');
        if (!pressed || item?.getAttribute('data-channel') !== channel) throw new Error(`the story shows no timeline filtered by ${channel}`);
      },
      { timeout: 5000 },
    );
  },
};

/** The same, in the dark theme (the toolbar's theme, fixed for this story). */
export const Dark: Story = {
  parameters: reaches('ready'),
  globals: { theme: 'dark' },
  loaders: [withReplay(sample)],
};

/** The same in Simplified Chinese: texts, day and month headings, relative times and counts. */
export const SimplifiedChinese: Story = {
  name: 'Simplified Chinese (zh-Hans)',
  parameters: reaches('ready'),
  globals: { locale: 'zh-Hans' },
  loaders: [withReplay(sample)],
};

/** On a phone, 360 px wide: the filters wrap, the feed keeps its order. */
export const Narrow: Story = {
  name: '360 px wide',
  parameters: reaches('ready'),
  loaders: [withReplay(sample)],
  render: (args, { loaded }) => html`
    <div style="width: 360px; outline: 1px dashed #8888">
      <kith-timeline .client=${loaded['client'] as KithClient | undefined} customer-id=${ifDefined(args['customer-id'])} ?readonly=${args.readonly}></kith-timeline>
    </div>
  `,
};

/** A customer with nothing on their timeline yet. */
export const Empty: Story = {
  parameters: reaches('empty'),
  args: { 'customer-id': emptyCustomerId },
  loaders: [withReplay([responses.empty])],
};

/** The server has not answered yet: a skeleton, `aria-busy`, and a status for screen readers. */
export const Loading: Story = states.loading();

/** The first page read before, shown while the server cannot be reached, with Retry. */
export const OfflineWithSavedData: Story = { name: 'Offline, saved data', ...states.offline() };

/** Nothing saved and the server cannot be reached: the error, with Retry. */
export const ErrorOffline: Story = { name: 'Error, offline', ...states.errorOffline() };

/** No customer has this id (404). */
export const NotFound: Story = {
  parameters: reaches('not_found'),
  args: { 'customer-id': unknownId },
  loaders: [withReplay([responses.notFound])],
};

/** The timeline holds internal notes: a publishable key alone may not read it (403), staff must sign in. */
export const NotAuthorised: Story = {
  parameters: reaches('not_authorized'),
  loaders: [withReplay([responses.forbidden])],
};
