import type { SurveyMetric } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { rateLimited } from './rate-limited.js';

const DAY_MS = 86_400_000;

/** When a customer may answer a metric again, or null when they may now. */
export interface SurveyCapState {
  eligible: boolean;
  nextEligibleAt: Date | null;
}

/**
 * Records a customer's survey answer of `metric` at `now`, or refuses it with 429
 * `rate_limited` (and the seconds until the cap ends) when they answered the same metric
 * less than `capDays` ago. Runs in the answer's own transaction: the row of
 * `survey_caps` is claimed with one `INSERT … ON CONFLICT DO UPDATE … WHERE`, so two
 * answers sent at once to two instances cannot both pass (the second waits for the first's
 * row lock, then sees its time). A refused answer rolls back with nothing stored.
 * `capDays = 0` caps nothing but still records the time (a cap turned on later then knows it).
 */
export async function claimSurveyAnswer(tx: Queryable, customerId: string, metric: SurveyMetric, now: Date, capDays: number): Promise<void> {
  const { rows } = await tx.query(
    `INSERT INTO survey_caps (customer_id, metric, answered_at) VALUES ($1, $2, $3)
     ON CONFLICT (customer_id, metric) DO UPDATE SET answered_at = EXCLUDED.answered_at
     WHERE $4::boolean OR survey_caps.answered_at <= $5
     RETURNING 1`,
    [customerId, metric, now, capDays <= 0, new Date(now.getTime() - capDays * DAY_MS)],
  );
  if (rows.length > 0) return;
  const state = await surveyCapState(tx, customerId, metric, now, capDays);
  const next = state.nextEligibleAt ?? now;
  throw rateLimited(
    `This customer answered a ${metric} survey less than ${capDays} days ago; the next answer is possible from ${next.toISOString()}.`,
    (next.getTime() - now.getTime()) / 1000,
  );
}

/** Whether the customer may answer `metric` now, and if not, from when. */
export async function surveyCapState(db: Queryable, customerId: string, metric: SurveyMetric, now: Date, capDays: number): Promise<SurveyCapState> {
  if (capDays <= 0) return { eligible: true, nextEligibleAt: null };
  const { rows } = await db.query<{ answered_at: Date }>(
    'SELECT answered_at FROM survey_caps WHERE customer_id = $1 AND metric = $2',
    [customerId, metric],
  );
  const answeredAt = rows[0]?.answered_at;
  if (answeredAt === undefined) return { eligible: true, nextEligibleAt: null };
  const next = new Date(new Date(answeredAt).getTime() + capDays * DAY_MS);
  return next.getTime() <= now.getTime() ? { eligible: true, nextEligibleAt: null } : { eligible: false, nextEligibleAt: next };
}
