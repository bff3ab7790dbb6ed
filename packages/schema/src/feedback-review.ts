import * as z from 'zod/mini';
import { Email, Id, LanguageTag, ProductRef, Timestamp, shortText, verbatimText } from './common.js';
import { REVIEW_LIMITS } from './review-limits.js';
import { ModerationStatus, Rating, ReviewReply } from './review-basics.js';

export { ModerationStatus, Rating, ReviewReply } from './review-basics.js';

// Without refinements, so `NewReview` can be picked from it (zod refuses to pick from a
// refined object).
const reviewShape = z.strictObject({
  kind: z.literal('review'),
  id: Id,
  productId: Id,
  /** The reviewer when known; null for a review written with a publishable key only. */
  customerId: z.nullable(Id),
  rating: Rating,
  // The shopper's words are kept as written (see `verbatimText`): no trimming.
  title: verbatimText(REVIEW_LIMITS.title),
  body: verbatimText(REVIEW_LIMITS.body),
  /** The name shown with the review, as the shopper chose it. */
  authorName: verbatimText(REVIEW_LIMITS.authorName),
  /** The e-mail the shopper left for the shop (optional in the form); staff only, never public. */
  email: z.nullable(Email),
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
    rating: true,
    title: true,
    body: true,
    authorName: true,
    language: true,
  }),
  {
    /** The product: Kith's id or the shop's own id / SKU (`ProductRef`); stored as Kith's id. */
    productId: ProductRef,
    /** An e-mail for the shop to answer on, if the shopper gives one; never shown publicly. */
    email: z.optional(Email),
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
