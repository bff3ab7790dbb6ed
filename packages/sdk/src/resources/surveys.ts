// Satisfaction surveys: whether a shopper may be asked one now, and the staff's results.
import { SurveyResults, type SurveyEligibility, type SurveyEligibilityQuery, type SurveyResultsQuery } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { getSurveyEligibility } from './standalone/surveys.js';

export { getSurveyEligibility };

export interface SurveysResource {
  /**
   * May this shopper answer a survey of this metric now (`GET /v1/surveys/eligibility`)? With
   * a customer token: that customer's cap (one answer per metric within the shop's window;
   * `nextEligibleAt` says when again). With a publishable key: always eligible (anonymous
   * answers are not capped per person). Fetched again after `feedback.create` sends a survey.
   */
  eligibility(query: SurveyEligibilityQuery, options?: ReadOptions): Read<SurveyEligibility>;
  /**
   * The results of one metric over a period (`GET /v1/surveys/results`): answers given at or
   * after `from` and before `to` (at most 366 days), their count, how many carry a comment
   * and the count of every score of the scale. NPS: `promoters` (9–10), `passives` (7–8),
   * `detractors` (0–6) and `nps` = % promoters − % detractors, an integer rounded once, halves
   * up; CSAT / CES: the `average` to 2 decimals, halves up. Both are null when nobody
   * answered. Observed, it follows `inbox` (each new answer is announced there). Staff token
   * with `feedback:read` (the answers of the customers they see, and anonymous ones), or the
   * secret key.
   */
  results(query: SurveyResultsQuery, options?: ReadOptions): Read<SurveyResults>;
}

export function surveys(core: KithCore): SurveysResource {
  return {
    eligibility: (query, options) => getSurveyEligibility(core, query, options),
    results: (query, options) => core.read({ path: '/v1/surveys/results', query, schema: SurveyResults, topics: ['inbox'] }, options),
  };
}
