import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Feedback, FeedbackKind, NewFeedback } from './feedback.js';
import type { Complaint } from './feedback-complaint.js';
import type { Review } from './feedback-review.js';
import type { Survey } from './feedback-survey.js';
import { complaint, newComplaint, newReview, newSurvey, review, survey } from './test-support/fixtures.js';
import { type Equal, accepts, rejects } from './test-support/assert.js';

describe('Feedback', () => {
  it('accepts each kind and keeps its own checks', () => {
    assert.equal(accepts(Feedback, review).kind, 'review');
    assert.equal(accepts(Feedback, survey).kind, 'survey');
    assert.equal(accepts(Feedback, complaint).kind, 'complaint');
    rejects(Feedback, { ...survey, metric: 'nps', score: 11 }, ['score']);
    rejects(Feedback, { ...review, rating: 0 }, ['rating']);
  });
  it('rejects an unknown or missing kind and fields of another kind', () => {
    rejects(Feedback, { ...review, kind: 'rant' });
    const { kind: _kind, ...noKind } = review;
    rejects(Feedback, noKind);
    rejects(Feedback, { ...survey, rating: 5 });
  });
  it('the union covers exactly FeedbackKind', () => {
    const kinds: Equal<Feedback['kind'], FeedbackKind> = true;
    const members: Equal<Feedback, Review | Survey | Complaint> = true;
    assert.ok(kinds && members);
    assert.deepEqual([...FeedbackKind.options].sort(), ['complaint', 'review', 'survey']);
  });
  it('narrows on kind', () => {
    const parsed: Feedback = accepts(Feedback, review);
    if (parsed.kind === 'review') {
      const rating: Equal<typeof parsed.rating, number> = true;
      assert.ok(rating);
    }
  });
});

describe('NewFeedback', () => {
  it('accepts each submitted kind and rejects a full record', () => {
    for (const input of [newReview, newSurvey, newComplaint]) accepts(NewFeedback, input);
    rejects(NewFeedback, review);
  });
  it('infers the same kinds', () => {
    const kinds: Equal<NewFeedback['kind'], FeedbackKind> = true;
    assert.ok(kinds);
  });
});
