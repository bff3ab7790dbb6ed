import type { SurveyResultsTexts } from './texts.js';

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);

const en: SurveyResultsTexts = {
  $lang: 'en',
  title: 'Survey results',
  metricLabel: 'Measure',
  metrics: { nps: 'NPS (Net Promoter Score)', csat: 'CSAT (customer satisfaction)', ces: 'CES (customer effort)' },
  periodLabel: 'Period',
  periods: { '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days', '12m': 'Last 12 months', custom: 'Custom' },
  fromLabel: 'From',
  toLabel: 'To (included)',
  rangeProblems: {
    missing: 'Enter a start date and an end date.',
    order: 'The end date must be on or after the start date.',
    tooLong: (max) => `Choose a period of at most ${max} days.`,
  },
  periodShown: (range) => `Period: ${range}`,
  empty: 'No answers in this period.',
  newAnswers: (n, count) => `${n} new ${plural(count, 'answer', 'answers')}: the results are updated.`,
  loading: 'Loading survey results…',
  notFound: 'These survey results do not exist.',
  notConfigured: 'The survey results are not connected: set base-url and key, or place them in a kith-provider.',
  notAuthorized: {
    title: 'Sign in as staff',
    body: 'Survey results are shown only to signed-in staff who may read feedback. Sign in, then try again.',
  },
  failed: (reason) => `The survey results could not be loaded: ${reason}.`,
};

export default en;
