import { complaintDueAt, type Feedback, type NewFeedback, type NewReview } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { ApiError, validationError } from '../http/errors.js';
import { must } from '../util/must.js';
import { FEEDBACK_COLUMNS, toFeedback, type FeedbackRow } from './read.js';
import { recordOnTimeline } from './timeline.js';

/**
 * Stores what a shopper submitted. `customerId` comes from the credential (a customer
 * token), never from the body; null with a publishable key. Text is stored exactly as
 * the schema passed it: no HTML processing (the elements render it as text).
 * Reviews start `pending`; complaints start `open` with their 24-hour deadline.
 */
export async function createFeedback(tx: Queryable, input: NewFeedback, customerId: string | null, now: Date): Promise<Feedback> {
  if (customerId !== null) {
    // A token outlives its customer only if they were deleted or merged away meanwhile.
    const { rows } = await tx.query('SELECT 1 FROM customers WHERE id = $1', [customerId]);
    if (rows.length === 0) throw new ApiError(401, 'unauthorized', 'The customer of this token no longer exists.');
  }
  const row = await insert(tx, input, customerId, now);
  const record = toFeedback(row);
  if (customerId !== null) await recordOnTimeline(tx, { customerId, feedback: record, now });
  return record;
}

async function insert(tx: Queryable, input: NewFeedback, customerId: string | null, now: Date): Promise<FeedbackRow> {
  // The CTE is named like the readers' alias, so FEEDBACK_COLUMNS reads the inserted row.
  const insertAs = (sql: string) => `WITH f AS (${sql} RETURNING *) SELECT ${FEEDBACK_COLUMNS} FROM f`;
  switch (input.kind) {
    case 'review': {
      const orderId = await reviewPreconditions(tx, input, customerId);
      const { rows } = await tx.query<FeedbackRow>(
        insertAs(`INSERT INTO feedback (kind, customer_id, product_id, order_id, rating, title, body, author_name, language,
                               verified_purchase, moderation_status, created_at, updated_at)
         VALUES ('review', $1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $10)`),
        [customerId, input.productId, orderId, input.rating, input.title, input.body, input.authorName, input.language, orderId !== null, now],
      );
      return must(rows[0], 'the inserted review');
    }
    case 'survey': {
      const { rows } = await tx.query<FeedbackRow>(
        insertAs(`INSERT INTO feedback (kind, customer_id, metric, score, body, created_at, updated_at)
         VALUES ('survey', $1, $2, $3, $4, $5, $5)`),
        [customerId, input.metric, input.score, input.comment, now],
      );
      return must(rows[0], 'the inserted survey');
    }
    case 'complaint': {
      const { rows } = await tx.query<FeedbackRow>(
        insertAs(`INSERT INTO feedback (kind, customer_id, category, subject, body, contact_name, contact_email, contact_phone,
                               complaint_status, due_at, created_at, updated_at)
         VALUES ('complaint', $1, $2, $3, $4, $5, $6, $7, 'open', $8, $9, $9)`),
        [customerId, input.category, input.subject, input.body, input.contact.name, input.contact.email, input.contact.phone, complaintDueAt(now), now],
      );
      return must(rows[0], 'the inserted complaint');
    }
  }
}

/**
 * The product must exist (a 400 on `productId`, not a foreign-key 500). Returns the order
 * that makes the review a verified purchase: one of this customer's orders, neither
 * cancelled nor refunded, with a line of this product — only ever with a customer token.
 */
async function reviewPreconditions(tx: Queryable, input: NewReview, customerId: string | null): Promise<string | null> {
  const { rows } = await tx.query<{ order_id: string | null }>(
    `SELECT (SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
              WHERE o.customer_id = $2 AND l.product_id = p.id AND o.status NOT IN ('cancelled', 'refunded')
              ORDER BY o.placed_at DESC, o.id LIMIT 1) AS order_id
       FROM products p WHERE p.id = $1`,
    [input.productId, customerId],
  );
  const product = rows[0];
  if (!product) throw validationError(`No product with id ${input.productId}.`, [{ path: ['productId'], message: 'Unknown product' }]);
  return product.order_id;
}
