import type { FeedbackListQuery, FeedbackPage } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import type { Visibility } from '../visibility/visibility.js';
import { visibleFeedback } from './access.js';
import { decodeCursor, pageOf, type KeyedRow } from './keyset.js';
import { FEEDBACK_COLUMNS, toFeedback, type FeedbackRow } from './read.js';

/** Overdue at `$asOf`: waiting for an answer past the deadline (as `isOverdue` in @kith/schema). */
const OVERDUE = (asOf: string) =>
  `(f.kind = 'complaint' AND f.complaint_status IN ('open', 'in_progress') AND f.answered_at IS NULL AND f.due_at < ${asOf})`;

/**
 * The two orderings, as `(rank, key)` of the keyset (see `keyset.ts`); fixed SQL, never input.
 * - complaints: 0 overdue, 1 still waiting, 2 settled; the first two by due time (soonest
 *   first), settled ones newest deadline first;
 * - everything else: newest first.
 */
function ordering(complaints: boolean, asOf: string): { rank: string; key: string } {
  if (!complaints) return { rank: '0', key: '(-extract(epoch FROM f.created_at))' };
  return {
    rank: `(CASE WHEN ${OVERDUE(asOf)} THEN 0 WHEN f.complaint_status IN ('open', 'in_progress') THEN 1 ELSE 2 END)`,
    key: `(CASE WHEN f.complaint_status IN ('open', 'in_progress') THEN 1 ELSE -1 END * extract(epoch FROM f.due_at))`,
  };
}

/** One page of the staff feedback list; every filter is applied in SQL over all rows. */
export async function listFeedback(q: Queryable, viewer: Visibility, query: FeedbackListQuery, now: Date): Promise<FeedbackPage> {
  const limit = query.limit ?? 20;
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  // The instant "overdue" is judged at: the first page's, carried in the cursor.
  const asOf = after?.asOf ? new Date(after.asOf) : now;
  const params: SqlValue[] = [];
  const add = (value: SqlValue) => `$${params.push(value)}`;
  // Bound only when used: PostgreSQL cannot type a parameter that no expression mentions.
  let asOfParam: string | undefined;
  const at = () => (asOfParam ??= `${add(asOf)}::timestamptz`);
  const where: string[] = [];

  if (query.kind) where.push(`f.kind = ${add(query.kind)}`);
  if (query.status) {
    const status = add(query.status);
    where.push(`(f.moderation_status = ${status} OR f.complaint_status = ${status})`);
  }
  if (query.productId) where.push(`f.product_id = ${add(query.productId)}`);
  if (query.customerId) where.push(`f.customer_id = ${add(query.customerId)}`);
  if (query.overdue !== undefined) where.push(query.overdue ? OVERDUE(at()) : `NOT ${OVERDUE(at())}`);
  const visible = visibleFeedback(viewer, 'f', params.length + 1);
  params.push(...visible.params);
  where.push(visible.sql);

  const complaints = query.kind === 'complaint' || query.overdue === true;
  const order = ordering(complaints, complaints ? at() : '');
  if (after) {
    where.push(`(${order.rank}, ${order.key}, f.id) > (${add(after.rank)}::int, ${add(after.key)}::numeric, ${add(after.id)}::uuid)`);
  }
  const { rows } = await q.query<FeedbackRow & KeyedRow>(
    `SELECT ${FEEDBACK_COLUMNS}, ${order.rank} AS sort_rank, ${order.key}::text AS sort_key
       FROM feedback f
      WHERE ${where.join(' AND ')}
      ORDER BY sort_rank, ${order.key}, f.id
      LIMIT ${add(limit + 1)}`,
    params,
  );
  return pageOf(rows, limit, toFeedback, complaints ? asOf : undefined);
}
