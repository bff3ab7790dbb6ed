// Request and response shapes of `GET /v1/surveys/results`: the staff's view of the answers
// to one satisfaction measure over a period. The figures' rules (who is a promoter, how the
// score and the average are rounded) are `rules/survey-rules.ts`, shared with the server.
import * as z from 'zod/mini';
import { Timestamp } from './common.js';
import { SURVEY_SCALES, SurveyMetric } from './feedback-survey.js';
import { DAY_MS } from './rules/value-rules.js';

const Count = z.int().check(z.minimum(0));

/** The longest period one query may cover: a year, leap day included, so "last 12 months" always fits. */
export const SURVEY_RESULTS_MAX_DAYS = 366;

/**
 * `GET /v1/surveys/results?metric=…&from=…&to=…`: the answers given at or after `from` and
 * before `to` (half-open, so consecutive periods never count an answer twice). `to` must
 * be after `from`, at most {@link SURVEY_RESULTS_MAX_DAYS} days later.
 */
export const SurveyResultsQuery = z
  .strictObject({ metric: SurveyMetric, from: Timestamp, to: Timestamp })
  .check(
    z.refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] }),
    z.refine((q) => Date.parse(q.to) - Date.parse(q.from) <= SURVEY_RESULTS_MAX_DAYS * DAY_MS, {
      message: `The period may span at most ${SURVEY_RESULTS_MAX_DAYS} days`,
      path: ['to'],
    }),
  );
export type SurveyResultsQuery = z.infer<typeof SurveyResultsQuery>;

/** How many answers gave one score. */
export const SurveyScoreCount = z.strictObject({ score: z.int().check(z.minimum(0), z.maximum(10)), count: Count });
export type SurveyScoreCount = z.infer<typeof SurveyScoreCount>;

// Shared by the three metrics' results.
const common = {
  from: Timestamp,
  to: Timestamp,
  /** Answers in the period. */
  count: Count,
  /** Of those, answers with a comment. */
  comments: Count,
  /** Every score of the metric's scale (`SURVEY_SCALES`), lowest first, zeros included: a chart needs no gaps filled. */
  distribution: z.array(SurveyScoreCount).check(z.maxLength(SURVEY_SCALES.nps.max + 1)),
};

/**
 * NPS results: `promoters` answered 9–10, `passives` 7–8, `detractors` 0–6; `nps` is
 * % promoters − % detractors as an integer −100…100, rounded once from the exact
 * fraction, halves up (toward +∞: 12.5 → 13, −12.5 → −12); null when nobody answered.
 */
export const NpsResults = z.strictObject({
  metric: z.literal('nps'),
  ...common,
  promoters: Count,
  passives: Count,
  detractors: Count,
  nps: z.nullable(z.int().check(z.minimum(-100), z.maximum(100))),
});
export type NpsResults = z.infer<typeof NpsResults>;

/** CSAT (1–5) or CES (1–7) results: `average` score to 2 decimals, halves up; null when nobody answered. */
const averaged = <M extends 'csat' | 'ces'>(metric: M) =>
  z.strictObject({
    metric: z.literal(metric),
    ...common,
    average: z.nullable(z.number().check(z.minimum(SURVEY_SCALES[metric].min), z.maximum(SURVEY_SCALES[metric].max))),
  });

export const CsatResults = averaged('csat');
export type CsatResults = z.infer<typeof CsatResults>;
export const CesResults = averaged('ces');
export type CesResults = z.infer<typeof CesResults>;

/**
 * The answer to {@link SurveyResultsQuery}: the counts and the metric's headline figure over
 * the answers the viewer may see (those of the customers they see, and anonymous ones).
 */
export const SurveyResults = z.discriminatedUnion('metric', [NpsResults, CsatResults, CesResults]);
export type SurveyResults = z.infer<typeof SurveyResults>;
