import type { Complaint, Feedback, Review, ReviewReply, Survey } from '@kith/schema';
import { iso, isoOrNull } from '../db/rows.js';
import { must } from '../util/must.js';

/**
 * A `feedback` row as `FEEDBACK_COLUMNS` selects it. Every kind's columns are nullable
 * here; the table's per-kind CHECKs guarantee the ones a kind needs, so a missing one is a
 * bug and `toFeedback` throws rather than answer an invalid record.
 */
export interface FeedbackRow {
  id: string;
  kind: Feedback['kind'];
  customer_id: string | null;
  body: string | null;
  product_id: string | null;
  rating: number | null;
  title: string | null;
  author_name: string | null;
  language: string | null;
  verified_purchase: boolean | null;
  moderation_status: Review['status'] | null;
  rejection_reason: string | null;
  reply_body: string | null;
  reply_staff_id: string | null;
  replied_at: Date | null;
  metric: Survey['metric'] | null;
  score: number | null;
  category: Complaint['category'] | null;
  subject: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  complaint_status: Complaint['status'] | null;
  due_at: Date | null;
  answered_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** The columns `toFeedback` needs, from `feedback f` (the internal `order_id` is not among them). */
export const FEEDBACK_COLUMNS = `f.id, f.kind, f.customer_id, f.body, f.product_id, f.rating, f.title, f.author_name, f.language,
  f.verified_purchase, f.moderation_status, f.rejection_reason, f.reply_body, f.reply_staff_id, f.replied_at, f.metric,
  f.score, f.category, f.subject, f.contact_name, f.contact_email, f.contact_phone, f.complaint_status, f.due_at,
  f.answered_at, f.created_at, f.updated_at`;
/** Append WHERE / ORDER BY / LIMIT. */
export const SELECT_FEEDBACK = `SELECT ${FEEDBACK_COLUMNS} FROM feedback f`;

/** A column the row's kind requires. */
const need = <T>(value: T | null, column: string, row: FeedbackRow): T => must(value, `feedback.${column} of ${row.kind} ${row.id}`);

/** A review's public reply or a complaint's latest answer: the three reply columns, whole or null. */
function toReply(row: FeedbackRow): ReviewReply | null {
  return row.reply_body !== null
    ? { body: row.reply_body, staffId: row.reply_staff_id, repliedAt: iso(need(row.replied_at, 'replied_at', row)) }
    : null;
}

export function toReview(row: FeedbackRow): Review {
  return {
    kind: 'review',
    id: row.id,
    productId: need(row.product_id, 'product_id', row),
    customerId: row.customer_id,
    rating: need(row.rating, 'rating', row),
    title: need(row.title, 'title', row),
    body: need(row.body, 'body', row),
    authorName: need(row.author_name, 'author_name', row),
    email: row.contact_email,
    language: need(row.language, 'language', row),
    verifiedPurchase: need(row.verified_purchase, 'verified_purchase', row),
    status: need(row.moderation_status, 'moderation_status', row),
    rejectionReason: row.rejection_reason,
    reply: toReply(row),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** A survey's comment is stored in `body`; a survey has no `updatedAt` (answers are not edited). */
export function toSurvey(row: FeedbackRow): Survey {
  return {
    kind: 'survey',
    id: row.id,
    customerId: row.customer_id,
    metric: need(row.metric, 'metric', row),
    score: need(row.score, 'score', row),
    comment: row.body,
    createdAt: iso(row.created_at),
  };
}

export function toComplaint(row: FeedbackRow): Complaint {
  return {
    kind: 'complaint',
    id: row.id,
    customerId: row.customer_id,
    category: need(row.category, 'category', row),
    subject: need(row.subject, 'subject', row),
    body: need(row.body, 'body', row),
    contact: { name: need(row.contact_name, 'contact_name', row), email: row.contact_email, phone: row.contact_phone },
    status: need(row.complaint_status, 'complaint_status', row),
    dueAt: iso(need(row.due_at, 'due_at', row)),
    answeredAt: isoOrNull(row.answered_at),
    reply: toReply(row),
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Maps a row of any kind to the `Feedback` union. */
export function toFeedback(row: FeedbackRow): Feedback {
  switch (row.kind) {
    case 'review':
      return toReview(row);
    case 'survey':
      return toSurvey(row);
    case 'complaint':
      return toComplaint(row);
  }
}
