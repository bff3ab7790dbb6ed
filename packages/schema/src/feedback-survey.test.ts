import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NewSurvey, SURVEY_SCALES, Survey, SurveyMetric } from './feedback-survey.js';
import { newSurvey, survey } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Survey', () => {
  it('accepts both ends of every scale', () => {
    for (const metric of SurveyMetric.options) {
      const { min, max } = SURVEY_SCALES[metric];
      accepts(Survey, { ...survey, metric, score: min });
      accepts(Survey, { ...survey, metric, score: max });
    }
  });
  it('rejects NPS 11 and -1, CSAT 0 and 6, CES 0 and 8', () => {
    rejects(Survey, { ...survey, metric: 'nps', score: 11 }, ['score']);
    rejects(Survey, { ...survey, metric: 'nps', score: -1 }, ['score']);
    rejects(Survey, { ...survey, metric: 'csat', score: 0 }, ['score']);
    rejects(Survey, { ...survey, metric: 'csat', score: 6 }, ['score']);
    rejects(Survey, { ...survey, metric: 'ces', score: 0 }, ['score']);
    rejects(Survey, { ...survey, metric: 'ces', score: 8 }, ['score']);
  });
  it('rejects fractional scores, unknown metrics and unknown fields', () => {
    rejects(Survey, { ...survey, score: 7.5 }, ['score']);
    rejects(Survey, { ...survey, metric: 'ltr' }, ['metric']);
    rejects(Survey, { ...survey, surveyor: 'Acme Research' });
  });
  it('allows an anonymous answer and bounds the comment', () => {
    accepts(Survey, { ...survey, customerId: null, comment: 'x'.repeat(2_000) });
    rejects(Survey, { ...survey, comment: 'x'.repeat(2_001) }, ['comment']);
    rejects(Survey, { ...survey, comment: ' ' }, ['comment']);
  });
});

describe('NewSurvey', () => {
  it('accepts what a shopper submits and checks the scale', () => {
    accepts(NewSurvey, newSurvey);
    rejects(NewSurvey, { ...newSurvey, metric: 'ces', score: 8 }, ['score']);
    rejects(NewSurvey, { ...newSurvey, metric: 'csat', score: 6 }, ['score']);
  });
  it('refuses server-set fields', () => {
    rejects(NewSurvey, { ...newSurvey, id: survey.id });
    rejects(NewSurvey, { ...newSurvey, customerId: survey.customerId });
  });
  it('infers types', () => {
    const kind: Equal<Survey['kind'], 'survey'> = true;
    const metric: Equal<NewSurvey['metric'], 'nps' | 'csat' | 'ces'> = true;
    const keys: Equal<keyof NewSurvey, 'kind' | 'metric' | 'score' | 'comment'> = true;
    assert.ok(kind && metric && keys);
  });
});
