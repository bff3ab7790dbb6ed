import { SurveyEligibility, SurveyEligibilityQuery, SurveyResults, SurveyResultsQuery } from '@kith/schema';
import { surveyCapState } from '../abuse/survey-cap.js';
import { surveyResults } from '../feedback/survey-results.js';
import { route } from '../http/route.js';
import { visibilityOf } from '../visibility/visibility.js';

/**
 * `GET /v1/surveys/eligibility?metric=nps|csat|ces`: whether the shopper may answer this
 * survey now, so the widget does not show one whose answer would be refused. With a
 * customer token: that customer's cap (`surveyCapDays`; a second answer of a metric within
 * it gets 429). With a publishable key: always eligible — an anonymous answer is not
 * capped per person (the per-address write limit applies instead).
 */
export const surveyEligibilityRoute = route({
  method: 'GET',
  path: '/v1/surveys/eligibility',
  summary: 'May this shopper answer a survey of this metric now?',
  tag: 'feedback',
  access: { publishable: true, customer: true },
  query: SurveyEligibilityQuery,
  response: SurveyEligibility,
  async handle({ c, db, credential, query, now }) {
    // The answer changes when the shopper answers: never from a cache.
    c.header('Cache-Control', 'private, no-store');
    if (credential.kind !== 'customer') {
      return {
        metric: query.metric,
        eligible: true,
        nextEligibleAt: null,
        note: 'Only answers sent with a customer token are capped; an anonymous answer is always accepted.',
      };
    }
    const capDays = c.get('services').settings.surveyCapDays;
    const state = await surveyCapState(db, credential.customerId, query.metric, now, capDays);
    return { metric: query.metric, eligible: state.eligible, nextEligibleAt: state.nextEligibleAt?.toISOString() ?? null };
  },
});

/**
 * `GET /v1/surveys/results?metric=…&from=…&to=…`: the answers to one metric in a period
 * (`from` inclusive, `to` exclusive, at most 366 days): counts per score, comments, and NPS
 * with its groups or the CSAT / CES average. Staff with `feedback:read` count the answers
 * they would see in the inbox (their customers' and anonymous ones); the secret key, all.
 */
export const surveyResultsRoute = route({
  method: 'GET',
  path: '/v1/surveys/results',
  summary: 'Survey results over a period: NPS, CSAT or CES, with the distribution of scores',
  tag: 'feedback',
  access: { staff: 'feedback:read', secret: true },
  query: SurveyResultsQuery,
  response: SurveyResults,
  async handle({ c, db, credential, query }) {
    // A period that includes now changes with every answer: revalidate, as the inbox does.
    c.header('Cache-Control', 'private, no-cache');
    return surveyResults(db, await visibilityOf(db, credential), query);
  },
});

/** The routes of this file. */
export const surveysRoutes = [surveyEligibilityRoute, surveyResultsRoute];
