import * as z from 'zod/mini';
import { Id, Timestamp, longText } from './common.js';

/**
 * The three standard satisfaction measures: Net Promoter Score ("how likely are you to
 * recommend us"), Customer Satisfaction and Customer Effort Score.
 */
export const SurveyMetric = z.enum(['nps', 'csat', 'ces']);
export type SurveyMetric = z.infer<typeof SurveyMetric>;

/** The score range of each metric, inclusive; forms draw their scales from it. */
export const SURVEY_SCALES = {
  nps: { min: 0, max: 10 },
  csat: { min: 1, max: 5 },
  ces: { min: 1, max: 7 },
} as const satisfies Record<SurveyMetric, { min: number; max: number }>;

/** Whether a score lies on its metric's scale. */
const onScale = ({ metric, score }: { metric: SurveyMetric; score: number }) =>
  score >= SURVEY_SCALES[metric].min && score <= SURVEY_SCALES[metric].max;

const scaleMessage = 'Score must be 0–10 for nps, 1–5 for csat, 1–7 for ces';

// Unrefined, so `NewSurvey` can be picked from it; both get the scale check below.
const surveyShape = z.strictObject({
  kind: z.literal('survey'),
  id: Id,
  /** The respondent when known; surveys may be anonymous. */
  customerId: z.nullable(Id),
  metric: SurveyMetric,
  /** Whole points only; the range depends on the metric (see `SURVEY_SCALES`). */
  score: z.int().check(z.minimum(0), z.maximum(10)),
  comment: z.nullable(longText(2000)),
  createdAt: Timestamp,
});

/** One answer to a satisfaction survey. */
export const Survey = surveyShape.check(z.refine(onScale, { message: scaleMessage, path: ['score'] }));
export type Survey = z.infer<typeof Survey>;

/** What a shopper submits; the respondent comes from the credential. */
export const NewSurvey = z
  .pick(surveyShape, { kind: true, metric: true, score: true, comment: true })
  .check(z.refine(onScale, { message: scaleMessage, path: ['score'] }));
export type NewSurvey = z.infer<typeof NewSurvey>;

/** `GET /v1/surveys/eligibility?metric=…`: may this shopper be asked this survey now? */
export const SurveyEligibilityQuery = z.strictObject({ metric: SurveyMetric });
export type SurveyEligibilityQuery = z.infer<typeof SurveyEligibilityQuery>;

/**
 * The answer to {@link SurveyEligibilityQuery}. A customer token is capped at one answer per
 * metric within the shop's cap (30 days by default; a second answer is refused with 429
 * until `nextEligibleAt`), so the widget need not show a survey it may not send. A
 * publishable key is anonymous and never capped: always eligible, with a `note` saying so.
 */
export const SurveyEligibility = z.strictObject({
  metric: SurveyMetric,
  eligible: z.boolean(),
  /** When the next answer will be accepted; null when it is now. */
  nextEligibleAt: z.nullable(Timestamp),
  note: z.optional(z.string()),
});
export type SurveyEligibility = z.infer<typeof SurveyEligibility>;
