import { complaintDueAt, type Feedback, type NewFeedback, type NewReview } from '@kith/schema';
import { spamReason } from '../abuse/review-spam.js';
import { claimSurveyAnswer } from '../abuse/survey-cap.js';
import type { Queryable } from '../db/database.js';
import { ApiError, validationError } from '../http/errors.js';
import { DEFAULT_SETTINGS, type ServerSettings } from '../settings.js';
import { must } from '../util/must.js';
import { resolveProduct } from '../products/resolve.js';
import { FEEDBACK_COLUMNS, toFeedback, type FeedbackRow } from './read.js';
import { recordOnTimeline } from './timeline.js';

/** The abuse settings feedback creation obeys: the server's settings pass as they are. */
export type FeedbackRules = Pick<ServerSettings, 'surveyCapDays' | 'reviewMinFillMs'>;

/**
 * Stores what a shopper submitted. `customerId` comes from the credential (a customer
 * token), never from the body; null with a publishable key. Text is stored exactly as
 * the schema passed it: no HTML processing (the elements render it as text). A review's
 * product may be named by the shop's own id / SKU; the row holds Kith's id.
 * Reviews start `pending` — or `rejected` with an automatic reason when the widget's spam
 * signals say bot; complaints start `open` with their 24-hour deadline. A customer's second
 * survey answer of a metric within the cap is refused (429, `survey-cap.ts`).
 * `rules` are the server's settings (`c.get('services').settings`); the defaults without them.
 */
export async function createFeedback(
  tx: Queryable,
  input: NewFeedback,
  customerId: string | null,
  now: Date,
  rules: FeedbackRules = DEFAULT_SETTINGS,
): Promise<Feedback> {
  if (customerId !== null) {
    // A token outlives its customer only if they were deleted or merged away meanwhile.
    const { rows } = await tx.query('SELECT 1 FROM customers WHERE id = $1', [customerId]);
    if (rows.length === 0) throw new ApiError(401, 'unauthorized', 'The customer of this token no longer exists.');
    if (input.kind === 'survey') await claimSurveyAnswer(tx, customerId, input.metric, now, rules.surveyCapDays);
  }
  const row = await insert(tx, input, customerId, now, rules);
  const record = toFeedback(row);
  if (customerId !== null) await recordOnTimeline(tx, { customerId, feedback: record, now });
  return record;
}

async function insert(tx: Queryable, input: NewFeedback, customerId: string | null, now: Date, rules: FeedbackRules): Promise<FeedbackRow> {
  // The CTE is named like the readers' alias, so FEEDBACK_COLUMNS reads the inserted row.
  const insertAs = (sql: string) => `WITH f AS (${sql} RETURNING *) SELECT ${FEEDBACK_COLUMNS} FROM f`;
  switch (input.kind) {
    case 'review': {
      const { productId, orderId } = await reviewPreconditions(tx, input, customerId);
      const spam = spamReason(input, rules.reviewMinFillMs);
      const { rows } = await tx.query<FeedbackRow>(
        insertAs(`INSERT INTO feedback (kind, customer_id, product_id, order_id, rating, title, body, author_name, contact_email,
                               language, verified_purchase, moderation_status, rejection_reason, created_at, updated_at)
         VALUES ('review', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)`),
        [
          customerId, productId, orderId, input.rating, input.title, input.body, input.authorName, input.email ?? null,
          input.language, orderId !== null, spam === null ? 'pending' : 'rejected', spam, now,
        ],
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
 * The product must exist (a 400 on `productId`, not a foreign-key 500); it is named by
 * Kith's id or the shop's own id / SKU (`resolveProduct`). Returns Kith's id and the order
 * that makes the review a verified purchase: one of this customer's orders, neither
 * cancelled nor refunded, with a line of this product — only ever with a customer token.
 */
async function reviewPreconditions(
  tx: Queryable,
  input: NewReview,
  customerId: string | null,
): Promise<{ productId: string; orderId: string | null }> {
  const productId = await resolveProduct(tx, input.productId);
  if (productId === null) {
    throw validationError(`No product with id or external id ${JSON.stringify(input.productId)}.`, [{ path: ['productId'], message: 'Unknown product' }]);
  }
  if (customerId === null) return { productId, orderId: null };
  const { rows } = await tx.query<{ id: string }>(
    `SELECT o.id FROM orders o JOIN order_lines l ON l.order_id = o.id
      WHERE o.customer_id = $1 AND l.product_id = $2 AND o.status NOT IN ('cancelled', 'refunded')
      ORDER BY o.placed_at DESC, o.id LIMIT 1`,
    [customerId, productId],
  );
  return { productId, orderId: rows[0]?.id ?? null };
}
