import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SurveyResults, SurveyResultsQuery } from '../api-surveys.js';
import { averageScore, npsGroups, npsOf } from './survey-rules.js';

/** The distribution of a list of scores, as the server counts it. */
const counted = (scores: number[]) => [...new Set(scores)].map((score) => ({ score, count: scores.filter((s) => s === score).length }));

describe('survey rules', () => {
  it('groups 9–10 / 7–8 / 0–6 and takes % promoters − % detractors', () => {
    const groups = npsGroups(counted([10, 9, 9, 8, 7, 6, 5, 3, 0, 10]));
    assert.deepEqual(groups, { promoters: 4, passives: 2, detractors: 4 });
    assert.equal(npsOf(groups), 0);
    assert.equal(npsOf({ promoters: 1, passives: 0, detractors: 0 }), 100);
    assert.equal(npsOf({ promoters: 0, passives: 0, detractors: 5 }), -100);
  });

  it('rounds the NPS once, halves toward +∞, and never a sum of rounded percents', () => {
    assert.equal(npsOf({ promoters: 3, passives: 3, detractors: 2 }), 13, '12.5');
    assert.equal(npsOf({ promoters: 2, passives: 3, detractors: 3 }), -12, '−12.5');
    // 1 of 3 promoters, 0 detractors: 33.33… → 33; 2 of 3: 66.66… → 67.
    assert.equal(npsOf({ promoters: 1, passives: 2, detractors: 0 }), 33);
    assert.equal(npsOf({ promoters: 2, passives: 1, detractors: 0 }), 67);
    // 2 promoters and 1 detractor of 3: 33.3… → 33; rounding each percent first would give 67 − 33 = 34.
    assert.equal(npsOf({ promoters: 2, passives: 0, detractors: 1 }), 33);
  });

  it('averages to 2 decimals, halves up, and is null without answers', () => {
    assert.equal(averageScore(counted([1, 1, 1, 1, 1, 1, 1, 2])), 1.13);
    assert.equal(averageScore(counted([7, 7, 6, 1, 3, 2])), 4.33);
    assert.equal(averageScore(counted([5, 4])), 4.5);
    assert.equal(averageScore([]), null);
    assert.equal(npsOf({ promoters: 0, passives: 0, detractors: 0 }), null);
  });

  it('the query needs to > from within 366 days; the results are one shape per metric', () => {
    const from = '2024-01-01T00:00:00Z';
    assert.ok(SurveyResultsQuery.safeParse({ metric: 'csat', from, to: '2025-01-01T00:00:00Z' }).success, '366 days (2024 is leap)');
    assert.ok(!SurveyResultsQuery.safeParse({ metric: 'csat', from, to: '2025-01-02T00:00:00Z' }).success, '367 days');
    assert.ok(!SurveyResultsQuery.safeParse({ metric: 'csat', from, to: from }).success, 'empty period');
    const base = { from, to: '2024-02-01T00:00:00Z', count: 0, comments: 0, distribution: [] };
    assert.ok(SurveyResults.safeParse({ metric: 'csat', ...base, average: null }).success);
    assert.ok(!SurveyResults.safeParse({ metric: 'csat', ...base, average: 6 }).success, 'above the CSAT scale');
    assert.ok(!SurveyResults.safeParse({ metric: 'nps', ...base, average: null }).success, 'NPS has no average');
    assert.ok(!SurveyResults.safeParse({ metric: 'nps', ...base, promoters: 0, passives: 0, detractors: 0, nps: 101 }).success);
  });
});
