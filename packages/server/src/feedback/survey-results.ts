import {
  SURVEY_SCALES, averageScore, npsGroups, npsOf, type SurveyResults, type SurveyResultsQuery, type SurveyScoreCount,
} from '@kith/schema';
import type { Queryable } from '../db/database.js';
import type { Visibility } from '../visibility/visibility.js';
import { visibleFeedback } from './access.js';

interface ScoreRow {
  score: number;
  answers: number;
  comments: number;
}

/**
 * The answers to one metric in `[from, to)` that the viewer sees, counted per score in SQL
 * (one pass over the period, however many answers); the figures are then derived from
 * those counts by the shared rules in `@kith/schema`, so server and clients round alike.
 */
export async function surveyResults(q: Queryable, viewer: Visibility, query: SurveyResultsQuery): Promise<SurveyResults> {
  const visible = visibleFeedback(viewer, 'f', 4);
  const { rows } = await q.query<ScoreRow>(
    `SELECT f.score, count(*)::int AS answers, count(f.body)::int AS comments
       FROM feedback f
      WHERE f.kind = 'survey' AND f.metric = $1 AND f.created_at >= $2::timestamptz AND f.created_at < $3::timestamptz
        AND ${visible.sql}
      GROUP BY f.score`,
    [query.metric, query.from, query.to, ...visible.params],
  );
  const byScore = new Map(rows.map((row) => [row.score, row]));
  const { min, max } = SURVEY_SCALES[query.metric];
  const distribution: SurveyScoreCount[] = [];
  for (let score = min; score <= max; score++) distribution.push({ score, count: byScore.get(score)?.answers ?? 0 });
  const common = {
    from: query.from,
    to: query.to,
    count: rows.reduce((sum, row) => sum + row.answers, 0),
    comments: rows.reduce((sum, row) => sum + row.comments, 0),
    distribution,
  };
  if (query.metric === 'nps') {
    const groups = npsGroups(distribution);
    return { metric: 'nps', ...common, ...groups, nps: npsOf(groups) };
  }
  return { metric: query.metric, ...common, average: averageScore(distribution) };
}
