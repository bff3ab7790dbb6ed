import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NewFeedback } from './feedback.js';
import { NewReview } from './feedback-review.js';
import { SurveyEligibility, SurveyEligibilityQuery } from './feedback-survey.js';
import { newReview } from './test-support/fixtures.js';
import { accepts, rejects } from './test-support/assert.js';

describe('NewReview spam signals', () => {
  it('accepts the honeypot and the fill time, both optional', () => {
    accepts(NewReview, newReview);
    accepts(NewReview, { ...newReview, website: '' });
    accepts(NewReview, { ...newReview, website: 'http://spam.example', fillMs: 0 });
    assert.deepEqual(accepts(NewFeedback, { ...newReview, fillMs: 12_345 }), { ...newReview, fillMs: 12_345 });
  });
  it('refuses a fill time that is negative, fractional or not a number', () => {
    rejects(NewReview, { ...newReview, fillMs: -1 }, ['fillMs']);
    rejects(NewReview, { ...newReview, fillMs: 1.5 }, ['fillMs']);
    rejects(NewReview, { ...newReview, fillMs: '3000' }, ['fillMs']);
    rejects(NewReview, { ...newReview, website: 42 }, ['website']);
  });
  it('stays strict: the server-set fields are still refused', () => {
    rejects(NewReview, { ...newReview, fillMs: 9_000, verifiedPurchase: true });
    rejects(NewFeedback, { ...newReview, fillMs: 9_000, status: 'published' });
  });
});

describe('SurveyEligibility', () => {
  it('asks for one known metric', () => {
    accepts(SurveyEligibilityQuery, { metric: 'nps' });
    rejects(SurveyEligibilityQuery, { metric: 'ltr' }, ['metric']);
    rejects(SurveyEligibilityQuery, {}, ['metric']);
  });
  it('answers eligible now, or from a time', () => {
    accepts(SurveyEligibility, { metric: 'csat', eligible: true, nextEligibleAt: null });
    accepts(SurveyEligibility, { metric: 'csat', eligible: false, nextEligibleAt: '2026-12-23T10:00:00.000Z' });
    accepts(SurveyEligibility, { metric: 'ces', eligible: true, nextEligibleAt: null, note: 'Not capped' });
    rejects(SurveyEligibility, { metric: 'ces', eligible: 'yes', nextEligibleAt: null }, ['eligible']);
  });
});
