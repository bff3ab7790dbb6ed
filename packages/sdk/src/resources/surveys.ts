// Whether a shopper may be asked a satisfaction survey now.
import { SurveyEligibility, type SurveyEligibilityQuery } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';

export interface SurveysResource {
  /**
   * May this shopper answer a survey of this metric now (`GET /v1/surveys/eligibility`)? With
   * a customer token: that customer's cap (one answer per metric within the shop's window;
   * `nextEligibleAt` says when again). With a publishable key: always eligible (anonymous
   * answers are not capped per person). Fetched again after `feedback.create` sends a survey.
   */
  eligibility(query: SurveyEligibilityQuery, options?: ReadOptions): Read<SurveyEligibility>;
}

export function surveys(core: KithCore): SurveysResource {
  return {
    eligibility: (query, options) => core.read({ path: '/v1/surveys/eligibility', query, schema: SurveyEligibility }, options),
  };
}
