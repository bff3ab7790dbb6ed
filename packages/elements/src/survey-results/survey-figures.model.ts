// What the figures' chunk works out from the server's answer (pure functions, unit-tested in
// node). Apart from `survey-results.model.ts`, which the element's entry carries: the chunk
// imports nothing of the entry's modules, or the bundler would make the entry export to it.
import { SURVEY_SCALES, type SurveyMetric } from '@kith/schema';

/** A count's share of a total (0 to 1; 0 of nothing is 0). */
export const share = (count: number, total: number): number => (total > 0 ? Math.min(1, Math.max(0, count / total)) : 0);

/** The top of a metric's scale ("4.25 of 5"). */
export const scaleMax = (metric: SurveyMetric): number => SURVEY_SCALES[metric].max;

/** NPS groups by score: promoters 9–10, passives 7–8, detractors 0–6 (as `npsGroups` in @kith/schema counts them). */
export const NPS_GROUPS = ['promoters', 'passives', 'detractors'] as const;
export type NpsGroup = (typeof NPS_GROUPS)[number];
export const npsGroupOf = (score: number): NpsGroup => (score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors');
