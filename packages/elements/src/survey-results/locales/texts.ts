import type { SurveyMetric } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';
import type { Period, RangeProblem } from '../survey-results.model.js';

/** The texts of `<kith-survey-results>` around its figures (see `figures-texts.ts`). One object per language, one file each; only the active one is loaded. */
export interface SurveyResultsTexts extends Texts {
  /** The heading, and the accessible name of the element. */
  title: string;
  /** The label of the measure menu. */
  metricLabel: string;
  /** Each measure as the menu names it. */
  metrics: Record<SurveyMetric, string>;
  /** The label of the period menu. */
  periodLabel: string;
  periods: Record<Period, string>;
  /** The custom period's date fields (both days are counted). */
  fromLabel: string;
  toLabel: string;
  /** Why a custom period is not read (`max`: the longest period, in days, already formatted). */
  rangeProblems: Record<Exclude<RangeProblem, 'tooLong'>, string> & { tooLong: (max: string) => string };
  /** The period read, e.g. "Period: 1 – 30 Nov 2026" (`range` formatted by Intl). */
  periodShown: (range: string) => string;
  /** No answer in the period. */
  empty: string;
  /** Said politely when new answers arrive live. */
  newAnswers: (formatted: string, count: number) => string;
  loading: string;
  notFound: string;
  /** No client: no provider, no page settings, no base-url + key. */
  notConfigured: string;
  notAuthorized: { title: string; body: string };
  /** "The survey results could not be loaded: …" */
  failed: (reason: string) => string;
}
