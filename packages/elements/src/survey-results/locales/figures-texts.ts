import type { SurveyMetric } from '@kith/schema';
import type { Texts } from '../../locales/translation.js';
import type { NpsGroup } from '../survey-figures.model.js';

/** The texts of the figures of `<kith-survey-results>` (a chunk of their own, with the figures). One object per language. */
export interface SurveyFiguresTexts extends Texts {
  /** The NPS headline's name ("Net Promoter Score") and what it is. */
  npsName: string;
  npsExplained: string;
  /** Each NPS group with its scores ("Promoters (9–10)"). */
  groups: Record<NpsGroup, string>;
  /** A group's count and share ("5 · 50%"), already formatted. */
  groupValue: (count: string, percent: string) => string;
  /** The headline of CSAT and CES: the average's name. */
  averageName: Record<Exclude<SurveyMetric, 'nps'>, string>;
  /** An average on its scale: "4.25 of 5" (both formatted). */
  average: (value: string, max: string) => string;
  /** A number of answers ("10 answers"); `count` picks the plural. */
  answers: (formatted: string, count: number) => string;
  /** How many answers carry a comment. */
  comments: (formatted: string, count: number) => string;
  /** The distribution table's caption and column headers. */
  distribution: string;
  columns: { score: string; answers: string; share: string };
}
