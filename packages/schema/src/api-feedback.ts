// Request and response shapes of the /v1 routes for feedback and reviews (beyond the domain records).
import * as z from 'zod/mini';
import { Id, Timestamp, longText, shortText } from './common.js';
import { ComplaintCategory, ComplaintStatus } from './feedback-complaint.js';
import { ModerationStatus } from './review-basics.js';
import { SurveyMetric } from './feedback-survey.js';
import { Feedback, FeedbackKind } from './feedback.js';
import { PublicReview } from './api-reviews.js';
import { Cursor, page } from './page.js';
import { limit, queryBoolean } from './query-params.js';

/** A status filter: a review's moderation status or a complaint's status (the two sets are disjoint). */
export const FeedbackStatus = z.enum([...ModerationStatus.options, ...ComplaintStatus.options]);
export type FeedbackStatus = z.infer<typeof FeedbackStatus>;

const REVIEW_STATUSES: ReadonlySet<string> = new Set(ModerationStatus.options);
const COMPLAINT_STATUSES: ReadonlySet<string> = new Set(ComplaintStatus.options);

/**
 * `GET /v1/feedback` (staff): filters, then a cursor page. Complaints (`kind=complaint` or
 * `overdue=true`) come overdue first, then still waiting by due time, then settled ones;
 * everything else newest first.
 */
export const FeedbackListQuery = z
  .strictObject({
    cursor: z.optional(Cursor),
    limit,
    kind: z.optional(FeedbackKind),
    status: z.optional(FeedbackStatus),
    productId: z.optional(Id),
    customerId: z.optional(Id),
    /** Complaints past their deadline and still unanswered (`true`), or everything else (`false`). */
    overdue: z.optional(queryBoolean),
  })
  .check(
    z.refine(
      (q) =>
        q.status === undefined ||
        q.kind === undefined ||
        (q.kind === 'review' && REVIEW_STATUSES.has(q.status)) ||
        (q.kind === 'complaint' && COMPLAINT_STATUSES.has(q.status)),
      { message: 'This status does not apply to this kind (surveys have none)', path: ['status'] },
    ),
  );
export type FeedbackListQuery = z.infer<typeof FeedbackListQuery>;

export const FeedbackPage = page(Feedback);
export type FeedbackPage = z.infer<typeof FeedbackPage>;

/** `POST /v1/feedback/:id/moderate`: publish a review, or reject it with a reason no product page shows (only staff and the review's author see it). */
export const ModerateRequest = z
  .strictObject({
    action: z.enum(['publish', 'reject']),
    reason: z.optional(shortText(300)),
  })
  .check(
    z.refine((m) => m.action === 'publish' ? m.reason === undefined : m.reason !== undefined, {
      message: 'A rejection needs a reason; publishing takes none',
      path: ['reason'],
    }),
  );
export type ModerateRequest = z.infer<typeof ModerateRequest>;

/** `POST /v1/feedback/:id/reply`: the public reply under a review, or the answer to a complaint. */
export const ReplyRequest = z.strictObject({ body: longText(5000) });
export type ReplyRequest = z.infer<typeof ReplyRequest>;

/** `PATCH /v1/feedback/:id/status`: move a complaint along its path. */
export const ComplaintStatusChange = z.strictObject({ status: ComplaintStatus });
export type ComplaintStatusChange = z.infer<typeof ComplaintStatusChange>;

/**
 * What a publishable key gets back from `POST /v1/feedback`. A publishable key is public,
 * and so is its idempotency scope: anyone holding the key and an `Idempotency-Key` could
 * replay the answer. So: a review's public fields and its status; for surveys and
 * complaints only what confirms receipt (no comment, body or contact details).
 */
export const FeedbackReceipt = z.discriminatedUnion('kind', [
  z.extend(z.omit(PublicReview, { reply: true }), { kind: z.literal('review'), status: ModerationStatus }),
  z.strictObject({ kind: z.literal('survey'), id: Id, metric: SurveyMetric, score: z.int(), createdAt: Timestamp }),
  z.strictObject({
    kind: z.literal('complaint'),
    id: Id,
    category: ComplaintCategory,
    status: ComplaintStatus,
    /** When the shop promises an answer by. */
    dueAt: Timestamp,
    createdAt: Timestamp,
  }),
]);
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;

/** `POST /v1/feedback` answers the full record to a customer token, a receipt to a publishable key. */
export const CreatedFeedback = z.union([Feedback, FeedbackReceipt]);
export type CreatedFeedback = z.infer<typeof CreatedFeedback>;
