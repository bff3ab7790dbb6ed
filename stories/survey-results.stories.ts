// <kith-survey-results> in every state it renders on purpose. Each story's loader gives the element
// a real SDK client whose network replays the server's answers. The answers depend on the viewer's
// time zone (a period is whole local days), so they are not recorded: they are made here, when the
// stories load, by the same rules the server counts with (@kith/schema `npsGroups`, `npsOf`,
// `averageScore`) and checked against the `SurveyResults` schema, for every measure and preset
// period of a fixed clock. `parameters.kith.status` is the state the element must reach:
// scripts/storybook-check.mjs renders every story and checks it.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { averageScore, npsGroups, npsOf, SURVEY_SCALES, SurveyResults, type SurveyMetric, type SurveyResultsQuery } from '@kith/schema';
import type { KithClient } from '@kith/sdk';
import '@kith/elements/survey-results.js';
import { PERIODS, presetRange, resultsQuery, type PresetPeriod } from '../packages/elements/src/survey-results/survey-results.model.js';
import type { Recorded } from './support/recorded.js';
import { withReplay } from './support/replay.js';
import { reaches, stateStories } from './support/states.js';

/** The stories' clock: the element's presets and the answers below are computed from it. */
const NOW = Date.parse('2026-11-24T12:00:00Z');
const now = () => NOW;

/** The scores given in every period of each measure (the NPS one is the worked example: NPS 20). */
const SCORES: Record<SurveyMetric, readonly number[]> = {
  nps: [10, 10, 9, 9, 9, 8, 7, 6, 3, 0],
  csat: [5, 4, 4, 4],
  ces: [7, 5, 4, 3, 6],
};

/** What the server answers for `query` when `scores` were given in it (`comments` of them with a comment). */
function answerFor(query: SurveyResultsQuery, scores: readonly number[], comments: number): Recorded {
  const { min, max } = SURVEY_SCALES[query.metric];
  const distribution = Array.from({ length: max - min + 1 }, (_, i) => ({ score: min + i, count: scores.filter((s) => s === min + i).length }));
  const common = { from: query.from, to: query.to, count: scores.length, comments, distribution };
  const body = SurveyResults.parse(
    query.metric === 'nps'
      ? { metric: 'nps', ...common, ...npsGroups(distribution), nps: npsOf(npsGroups(distribution)) }
      : { metric: query.metric, ...common, average: averageScore(distribution) },
  );
  const search = new URLSearchParams({ metric: query.metric, from: query.from, to: query.to });
  return { method: 'GET', path: `/v1/surveys/results?${search}`, as: 'staff', status: 200, headers: {}, schema: 'SurveyResults', body };
}

const PRESETS = PERIODS.filter((period): period is PresetPeriod => period !== 'custom');
const METRICS: readonly SurveyMetric[] = ['nps', 'csat', 'ces'];
const queryOf = (metric: SurveyMetric, period: PresetPeriod) => resultsQuery(metric, presetRange(period, NOW));

/** Every measure over every preset period: the menus work in the stories. */
const answers = METRICS.flatMap((metric) => PRESETS.map((period) => answerFor(queryOf(metric, period), SCORES[metric], 3)));
/** The same periods with no answer. */
const none = METRICS.flatMap((metric) => PRESETS.map((period) => answerFor(queryOf(metric, period), [], 0)));
/** A publishable key alone may not read results (403). */
const forbidden: Recorded[] = METRICS.flatMap((metric) =>
  PRESETS.map((period) => ({
    ...answerFor(queryOf(metric, period), [], 0),
    as: 'key', status: 403, schema: 'ErrorEnvelope',
    body: { error: { code: 'forbidden', message: 'This route does not accept a publishable key; it needs a token or a secret key.' } },
  })),
);

/** Loading, saved results (the client read the NPS of the last 30 days once), offline, not configured. */
const states = stateStories({ answers, prime: (client) => client.surveys.results(queryOf('nps', '30d')) });

interface SurveyResultsArgs {
  metric?: SurveyMetric;
  period?: PresetPeriod | 'custom';
  locale?: string;
  theme?: 'light' | 'dark' | 'auto';
  onKithError?: (event: Event) => void;
}

const meta = {
  title: 'Elements/Survey results',
  component: 'kith-survey-results',
  tags: ['autodocs'],
  args: { metric: 'nps', period: '30d' },
  argTypes: {
    metric: { control: 'inline-radio', options: METRICS },
    period: { control: 'select', options: PERIODS },
    locale: { control: 'select', options: ['en', 'en-GB', 'zh-Hans', 'zh-CN', 'zh-Hant', 'zh-TW', 'zh-HK'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: (args, { loaded }) => html`
    <kith-survey-results
      style="max-width: 36rem"
      .client=${loaded['client'] as KithClient | undefined}
      .now=${now}
      metric=${ifDefined(args.metric)}
      period=${ifDefined(args.period)}
      locale=${ifDefined(args.locale)}
      theme=${ifDefined(args.theme)}
      @kith-error=${args.onKithError}
    ></kith-survey-results>
  `,
} satisfies Meta<SurveyResultsArgs>;

export default meta;
type Story = StoryObj<SurveyResultsArgs>;

/** The NPS worked example: 10 answers, 5 promoters, 2 passives, 3 detractors → NPS 20, and the answers per score. */
export const Ready: Story = { parameters: reaches('ready'), loaders: [withReplay(answers)] };

/** CSAT: the average on its scale ("4.25 of 5"). */
export const Csat: Story = { name: 'CSAT', args: { metric: 'csat' }, parameters: reaches('ready'), loaders: [withReplay(answers)] };

/** CES: the average on its 1–7 scale. */
export const Ces: Story = { name: 'CES', args: { metric: 'ces' }, parameters: reaches('ready'), loaders: [withReplay(answers)] };

/** The dark theme (the toolbar's theme, fixed for this story). */
export const Dark: Story = { parameters: reaches('ready'), globals: { theme: 'dark' }, loaders: [withReplay(answers)] };

/** Simplified Chinese: texts, numbers and dates. */
export const SimplifiedChinese: Story = {
  name: 'Simplified Chinese (zh-Hans)',
  parameters: reaches('ready'),
  globals: { locale: 'zh-Hans' },
  loaders: [withReplay(answers)],
};

/** Traditional Chinese. */
export const TraditionalChinese: Story = {
  name: 'Traditional Chinese (zh-Hant)',
  parameters: reaches('ready'),
  globals: { locale: 'zh-Hant' },
  loaders: [withReplay(answers)],
};

/** On a phone, 360 px wide: the controls and the groups wrap, the table fits. */
export const Narrow: Story = {
  name: '360 px wide',
  parameters: reaches('ready'),
  loaders: [withReplay(answers)],
  render: (args, { loaded }) => html`
    <div style="width: 360px; outline: 1px dashed #8888">
      <kith-survey-results .client=${loaded['client'] as KithClient | undefined} .now=${now} metric=${ifDefined(args.metric)}
        period=${ifDefined(args.period)}></kith-survey-results>
    </div>
  `,
};

/** Nobody answered in the period. */
export const Empty: Story = { parameters: reaches('empty'), loaders: [withReplay(none)] };

/** The server has not answered yet: placeholder bars and `aria-busy`. */
export const Loading: Story = states.loading();

/** The results read before, shown while the server cannot be reached, with Retry. */
export const OfflineWithSavedData: Story = { name: 'Offline, saved data', ...states.offline() };

/** Nothing saved and the server cannot be reached: the error, with Retry. */
export const ErrorOffline: Story = { name: 'Error, offline', ...states.errorOffline() };

/** No staff token (a publishable key alone, 403): "Sign in as staff". */
export const NotAuthorised: Story = { parameters: reaches('not_authorized'), loaders: [withReplay(forbidden)] };

/** No client: no `.client`, no provider, no page settings, no `base-url` and `key`. */
export const NotConfigured: Story = states.notConfigured();
