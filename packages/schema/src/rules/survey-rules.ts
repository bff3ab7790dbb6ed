/**
 * The survey-result rules: NPS groups, the NPS itself and the CSAT / CES average, from the
 * count of answers per score (which the server counts in SQL). Pure functions over plain
 * integers, so a client computing the same figures gets the same numbers.
 */
import type { SurveyScoreCount } from '../api-surveys.js';

/** Promoters answered 9–10, passives 7–8, detractors 0–6 (the standard NPS grouping). */
export function npsGroups(distribution: readonly SurveyScoreCount[]): { promoters: number; passives: number; detractors: number } {
  const groups = { promoters: 0, passives: 0, detractors: 0 };
  for (const { score, count } of distribution) {
    if (score >= 9) groups.promoters += count;
    else if (score >= 7) groups.passives += count;
    else groups.detractors += count;
  }
  return groups;
}

/**
 * ⌊n / d + ½⌋ for integers, d > 0: halves toward +∞ (12.5 → 13, −12.5 → −12), as
 * `divideHalfUp` does for non-negative figures; here the NPS may be negative. Exact for
 * counts far below 2^53: a correctly rounded float quotient cannot cross an integer the
 * exact quotient does not reach.
 */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** % promoters − % detractors as an integer −100…100, rounded once from the exact fraction; null without answers. */
export function npsOf(groups: { promoters: number; passives: number; detractors: number }): number | null {
  const answers = groups.promoters + groups.passives + groups.detractors;
  return answers === 0 ? null : roundHalfUp(100 * (groups.promoters - groups.detractors), answers);
}

/** The mean score to 2 decimals, halves up, from the exact sum; null without answers. */
export function averageScore(distribution: readonly SurveyScoreCount[]): number | null {
  let answers = 0;
  let sum = 0;
  for (const { score, count } of distribution) {
    answers += count;
    sum += score * count;
  }
  return answers === 0 ? null : roundHalfUp(100 * sum, answers) / 100;
}
