// Request and response shapes of the /v1 routes for feedback and reviews (beyond the domain records).
import * as z from 'zod/mini';
import { Id, LanguageTag, Timestamp, longText, shortText } from './common.js';
import { ComplaintCategory, ComplaintStatus } from './feedback-complaint.js';
import { ModerationStatus, Rating, ReviewReply } from './feedback-review.js';
import { SurveyMetric } from './feedback-survey.js';
import { Feedback, FeedbackKind } from './feedback.js';
import { Cursor, page } from './page.js';

/** A query parameter that may be repeated (`?rating=4&rating=5`): always an array after parsing. */
const repeated = (max: number) =>
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((value: string | string[]) => (Array.isArray(value) ? value : [value])),
  ).check(z.minLength(1), z.maxLength(max));

/** `true` / `false` in a query string. */
const queryBoolean = z.pipe(z.enum(['true', 'false']), z.transform((value) => value === 'true'));

/** `limit` as every list takes it (see `PageQuery`). */
const limit = z.optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(100))));

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

/** `POST /v1/feedback/:id/moderate`: publish a review, or reject it with a reason shoppers never see. */
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
 * A review as a product page shows it: no customer id, no moderation details, and the reply
 * without the staff user who wrote it. Every published review is public record.
 */
export const PublicReview = z.strictObject({
  id: Id,
  productId: Id,
  rating: Rating,
  title: shortText(150),
  body: longText(5000),
  authorName: shortText(80),
  language: LanguageTag,
  verifiedPurchase: z.boolean(),
  reply: z.nullable(z.pick(ReviewReply, { body: true, repliedAt: true })),
  createdAt: Timestamp,
});
export type PublicReview = z.infer<typeof PublicReview>;

export const PublicReviewPage = page(PublicReview);
export type PublicReviewPage = z.infer<typeof PublicReviewPage>;

/** How a product's reviews are ordered; ties go to the newer review. */
export const ReviewSort = z.enum(['newest', 'highest', 'lowest']);
export type ReviewSort = z.infer<typeof ReviewSort>;

/** One `rating` query value: a whole number of stars, 1 to 5. */
const StarParam = z.pipe(z.pipe(z.string().check(z.regex(/^\d{1,2}$/, 'Must be a whole number of stars')), z.transform(Number)), Rating);

/** `GET /v1/products/:id/reviews`: `rating` may repeat (`?rating=4&rating=5`); `language` also matches its subtags (`zh` → `zh-Hans`). */
export const ReviewListQuery = z.strictObject({
  cursor: z.optional(Cursor),
  limit,
  sort: z.optional(ReviewSort),
  rating: z.optional(z.pipe(repeated(5), z.array(StarParam))),
  language: z.optional(LanguageTag),
});
export type ReviewListQuery = z.infer<typeof ReviewListQuery>;

const Count = z.int().check(z.minimum(0));

/**
 * The star summary of a product's published reviews. `average` is rounded to 2 decimals
 * (half up), null without reviews; `distribution` counts reviews per star, 1 to 5.
 */
export const ReviewAggregate = z.strictObject({
  productId: Id,
  count: Count,
  average: z.nullable(z.number().check(z.minimum(1), z.maximum(5))),
  distribution: z.strictObject({ 1: Count, 2: Count, 3: Count, 4: Count, 5: Count }),
});
export type ReviewAggregate = z.infer<typeof ReviewAggregate>;

/** The most products one batch call may ask for (a listing page). */
export const MAX_AGGREGATE_PRODUCTS = 50;

/** `GET /v1/reviews/aggregates?productId=a&productId=b`: up to 50 products in one call. */
export const ReviewAggregatesQuery = z.strictObject({ productId: z.pipe(repeated(MAX_AGGREGATE_PRODUCTS), z.array(Id)) });
export type ReviewAggregatesQuery = z.infer<typeof ReviewAggregatesQuery>;

/** One aggregate per distinct requested product, in request order (an unknown product counts 0). */
export const ReviewAggregates = z.strictObject({ items: z.array(ReviewAggregate) });
export type ReviewAggregates = z.infer<typeof ReviewAggregates>;

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
