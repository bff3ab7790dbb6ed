import * as z from 'zod/mini';
import { Id, LanguageTag, Timestamp, longText, shortText } from './common.js';

/** A review is public only once published; `pending` ones wait for a moderator. */
export const ModerationStatus = z.enum(['pending', 'published', 'rejected']);
export type ModerationStatus = z.infer<typeof ModerationStatus>;

/** A star rating: 1 to 5 whole stars. */
export const Rating = z.int().check(z.minimum(1), z.maximum(5));
export type Rating = z.infer<typeof Rating>;

/** The shop's public answer under a review. */
export const ReviewReply = z.strictObject({
  body: longText(5000),
  /** Who answered; null once that staff user is deleted (the reply stays). */
  staffId: z.nullable(Id),
  repliedAt: Timestamp,
});
export type ReviewReply = z.infer<typeof ReviewReply>;

// Without refinements, so `NewReview` can be picked from it (zod refuses to pick from a
// refined object).
const reviewShape = z.strictObject({
  kind: z.literal('review'),
  id: Id,
  productId: Id,
  /** The reviewer when known; null for a review written with a publishable key only. */
  customerId: z.nullable(Id),
  rating: Rating,
  title: shortText(150),
  body: longText(5000),
  /** The name shown with the review, as the shopper chose it. */
  authorName: shortText(80),
  language: LanguageTag,
  /** Set by the server from the customer's orders, never by the shopper. */
  verifiedPurchase: z.boolean(),
  status: ModerationStatus,
  rejectionReason: z.nullable(shortText(300)),
  reply: z.nullable(ReviewReply),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

/** A product review: stars, words, moderation and the shop's public reply. */
export const Review = reviewShape.check(
  // A reason on a review that is not rejected would be shown to no one, or wrongly.
  z.refine((review) => review.status === 'rejected' || review.rejectionReason === null, {
    message: 'Only a rejected review has a rejection reason',
    path: ['rejectionReason'],
  }),
);
export type Review = z.infer<typeof Review>;

/**
 * What a shopper submits. Picked field by field, so a field added to `Review` later (one
 * the server sets, like `verifiedPurchase`) is never accepted from a shopper by accident.
 * The reviewer comes from the credential, not from the body.
 *
 * Two spam signals from the widget travel with it and are never stored: a review with the
 * honeypot filled or sent faster than the server's minimum fill time is kept, but lands
 * `rejected` with an automatic reason for staff to review.
 */
export const NewReview = z.extend(
  z.pick(reviewShape, {
    kind: true,
    productId: true,
    rating: true,
    title: true,
    body: true,
    authorName: true,
    language: true,
  }),
  {
    /**
     * The honeypot: a field the widget hides from people (and from assistive technology and
     * autofill, whose heuristics look for names, e-mails and addresses, not `website`). A
     * person leaves it empty or out; any non-empty value marks the review as a bot's.
     */
    website: z.optional(z.string()),
    /**
     * Milliseconds from the form appearing to its submission, as the widget measured them.
     * Under the server's minimum (`reviewMinFillMs`) it is a bot's; absent, it is not judged.
     */
    fillMs: z.optional(z.int().check(z.minimum(0))),
  },
);
export type NewReview = z.infer<typeof NewReview>;
