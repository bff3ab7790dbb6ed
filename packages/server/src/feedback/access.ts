import type { Feedback } from '@kith/schema';
import type { Credential } from '../auth/credential.js';
import type { Queryable, SqlValue } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { visibleCustomers, visibilityOf, type Visibility } from '../visibility/visibility.js';
import { SELECT_FEEDBACK, toFeedback, type FeedbackRow } from './read.js';

/**
 * `<alias>` is a `feedback` row: the condition under which the viewer sees it. Feedback of a
 * customer follows that customer's visibility (the sales hierarchy); feedback without one
 * (a guest with a publishable key) is the whole shop's, so every staff viewer sees it. A
 * customer token sees only its own.
 */
export function visibleFeedback(v: Visibility, alias: string, firstParam: number): { sql: string; params: SqlValue[] } {
  if (v.kind === 'customer') return { sql: `${alias}.customer_id = $${firstParam}`, params: [v.customerId] };
  if (v.kind === 'all' || v.kind === 'none') return visibleCustomers(v, 'fc', firstParam);
  const customers = visibleCustomers(v, 'fc', firstParam);
  return {
    sql: `(${alias}.customer_id IS NULL OR EXISTS (SELECT 1 FROM customers fc WHERE fc.id = ${alias}.customer_id AND ${customers.sql}))`,
    params: customers.params,
  };
}

/**
 * The feedback record the credential may see, or 404 exactly as for an unknown id.
 * `forUpdate` locks the row for the write's transaction, so two moderators cannot
 * interleave a read-then-write on the same record.
 */
export async function findVisibleFeedback(q: Queryable, credential: Credential, id: string, forUpdate = false): Promise<{ row: FeedbackRow; record: Feedback }> {
  const clause = visibleFeedback(await visibilityOf(q, credential), 'f', 2);
  const { rows } = await q.query<FeedbackRow>(
    `${SELECT_FEEDBACK} WHERE f.id = $1 AND ${clause.sql}${forUpdate ? ' FOR UPDATE OF f' : ''}`,
    [id, ...clause.params],
  );
  const row = rows[0];
  if (!row) throw new ApiError(404, 'not_found', `No feedback with id ${id}.`);
  return { row, record: toFeedback(row) };
}
