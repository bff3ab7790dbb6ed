import { SurveyEligibility, type SurveyEligibilityQuery } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { Read, ReadOptions } from '../../reads/types.js';

// What a shopper's survey (`<kith-feedback kind="nps">`) calls, on its own (exported by
// `@kith/sdk/resources/surveys`): the survey's chunk does not carry the staff results and their schema.

/** {@link SurveysResource.eligibility} on its own: may this shopper answer a survey of this metric now? */
export function getSurveyEligibility(core: KithCore, query: SurveyEligibilityQuery, options?: ReadOptions): Read<SurveyEligibility> {
  return core.read({ path: '/v1/surveys/eligibility', query, schema: SurveyEligibility }, options);
}
