// <kith-pipeline> in every state it renders on purpose. Each story's loader gives the board a
// real SDK client whose network replays answers recorded from the real server
// (stories/fixtures/pipeline.json, checked against @kith/schema when the stories load).
// Locale and theme: the toolbar, or the stories that fix them (`globals`). `parameters.kith.status`
// is the state the board must reach: scripts/storybook-check.mjs renders every story and checks it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { BOARD_PAGE_MAX } from '@kith/schema';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/pipeline.js';
import { recordedPipeline, type Recorded } from './support/recorded.js';
import { withReplay } from './support/replay.js';
import { reaches, stateStories } from './support/states.js';

const { pipelineId, customerId, unknownId, responses } = recordedPipeline;

/** The staff records of the owners on the board (`owner1`, `owner2`…): its owner filter names them. */
const owners: Recorded[] = Object.entries(responses).flatMap(([name, answer]) => (/^owner\d+$/.test(name) ? [answer] : []));

/** The demo's pipeline with its totals, its board (one page: every deal), and the owners' names. */
const board = [responses.pipeline, responses.board, ...owners];

/** Loading, saved data (the board's client read the pipeline and its board once), offline. */
const states = stateStories({
  answers: board,
  prime: (client) => Promise.all([client.pipelines.get(pipelineId), client.pipelines.opportunities(pipelineId, { limit: BOARD_PAGE_MAX })]),
});

interface PipelineArgs {
  'pipeline-id'?: string;
  'customer-id'?: string;
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithError?: (event: Event) => void;
  onKithOpportunityOpen?: (event: Event) => void;
  onKithOpportunityMove?: (event: Event) => void;
}

const meta = {
  title: 'Elements/Pipeline',
  component: 'kith-pipeline',
  tags: ['autodocs'],
  args: { 'pipeline-id': pipelineId },
  // Wired to the board (the toolbar's locale and theme apply while these are unset).
  argTypes: {
    'pipeline-id': { control: 'text' },
    'customer-id': { control: 'text' },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-pipeline
      .client=${loaded['client'] as KithClient | undefined}
      pipeline-id=${ifDefined(args['pipeline-id'])}
      customer-id=${ifDefined(args['customer-id'])}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-error=${args.onKithError}
      @kith-opportunity-open=${args.onKithOpportunityOpen}
      @kith-opportunity-move=${args.onKithOpportunityMove}
    ></kith-pipeline>
  `,
} satisfies Meta<PipelineArgs>;

export default meta;
type Story = StoryObj<PipelineArgs>;

/**
 * The demo's pipeline as the sample customer's account manager sees it: a column per stage with
 * its count, Σ amount and forecast, their deals in rank order, the owner and text filters, each
 * column's sort. Moving a deal here is shown at once and queued (the stories send nothing).
 */
export const Ready: Story = {
  parameters: reaches('ready'),
  loaders: [withReplay(board)],
};

/**
 * One customer's deals (`customer-id`), as on a customer 360 page: the server's filtered board,
 * a line saying so, and column totals that count these deals only.
 */
export const OneCustomer: Story = {
  name: "One customer's deals",
  args: { 'customer-id': customerId },
  parameters: reaches('ready'),
  loaders: [withReplay([responses.pipeline, responses.customerBoard, ...owners])],
};

/** The same, in the dark theme (the toolbar's theme, fixed for this story). */
export const Dark: Story = {
  parameters: reaches('ready'),
  globals: { theme: 'dark' },
  loaders: [withReplay(board)],
};

/** The same in Traditional Chinese: texts, amounts and close dates. */
export const TraditionalChinese: Story = {
  name: 'Traditional Chinese (zh-Hant)',
  parameters: reaches('ready'),
  globals: { locale: 'zh-Hant' },
  loaders: [withReplay(board)],
};

/** On a phone, 360 px wide: the columns scroll sideways. */
export const Narrow: Story = {
  name: '360 px wide',
  parameters: reaches('ready'),
  loaders: [withReplay(board)],
  render: (args, { loaded }) => html`
    <div style="width: 360px; outline: 1px dashed #8888">
      <kith-pipeline .client=${loaded['client'] as KithClient | undefined} pipeline-id=${ifDefined(args['pipeline-id'])}></kith-pipeline>
    </div>
  `,
};

/** The server has not answered yet: placeholder columns and `aria-busy`. */
export const Loading: Story = states.loading();

/** The board read before, shown while the server cannot be reached, with Retry. */
export const OfflineWithSavedData: Story = { name: 'Offline, saved data', ...states.offline() };

/** Nothing saved and the server cannot be reached: the error, with Retry. */
export const ErrorOffline: Story = { name: 'Error, offline', ...states.errorOffline() };

/** No pipeline has this id (404, for the pipeline and its board). */
export const NotFound: Story = {
  parameters: reaches('not_found'),
  args: { 'pipeline-id': unknownId },
  loaders: [withReplay([responses.notFound, responses.boardNotFound])],
};

/** A publishable key alone may not read a pipeline (403): staff must sign in. */
export const NotAuthorised: Story = {
  parameters: reaches('not_authorized'),
  loaders: [withReplay([responses.forbidden, responses.boardForbidden])],
};
