import type { PublicReviewPage, ReviewListQuery, ReviewSort } from '@kith/schema';
import type { Queryable, SqlValue } from '../db/database.js';
import { decodeCursor, pageOf, type KeyedRow } from '../feedback/keyset.js';
import { toPublicReview } from '../feedback/public.js';
import { FEEDBACK_COLUMNS, toReview, type FeedbackRow } from '../feedback/read.js';

/**
 * Each sort as `(rank, key)` of the keyset (see `feedback/keyset.ts`), then the id. Fixed
 * SQL chosen by the validated `sort`, never built from input. Ties in stars go newest first.
 */
const NEWEST = '(-extract(epoch FROM f.created_at))';
const SORTS: Record<ReviewSort, { rank: string; key: string }> = {
  newest: { rank: '0', key: NEWEST },
  highest: { rank: '(-f.rating)::int', key: NEWEST },
  lowest: { rank: 'f.rating::int', key: NEWEST },
};

/** One page of a product's published reviews, filtered in SQL over all of them. */
export async function listPublishedReviews(q: Queryable, productId: string, query: ReviewListQuery): Promise<PublicReviewPage> {
  const limit = query.limit ?? 20;
  const params: SqlValue[] = [productId];
  const add = (value: SqlValue) => `$${params.push(value)}`;
  const where = [`f.kind = 'review'`, `f.moderation_status = 'published'`, 'f.product_id = $1'];
  if (query.rating) where.push(`f.rating = ANY(${add(query.rating)}::int[])`);
  if (query.language) {
    // `zh` matches `zh`, `zh-Hans` and `zh-Hant`; tags compare without case (BCP 47).
    // The tag is letters, digits and hyphens only (LanguageTag), so LIKE sees no wildcard.
    const tag = add(query.language.toLowerCase());
    where.push(`(lower(f.language) = ${tag} OR lower(f.language) LIKE ${tag} || '-%')`);
  }
  const sort = SORTS[query.sort ?? 'newest'];
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    where.push(`(${sort.rank}, ${sort.key}, f.id) > (${add(after.rank)}::int, ${add(after.key)}::numeric, ${add(after.id)}::uuid)`);
  }
  const { rows } = await q.query<FeedbackRow & KeyedRow>(
    `SELECT ${FEEDBACK_COLUMNS}, ${sort.rank} AS sort_rank, ${sort.key}::text AS sort_key
       FROM feedback f
      WHERE ${where.join(' AND ')}
      ORDER BY sort_rank, ${sort.key}, f.id
      LIMIT ${add(limit + 1)}`,
    params,
  );
  return pageOf(rows, limit, (row) => toPublicReview(toReview(row)));
}
