// Request and response shapes of the public review routes: what a product page reads (published
// reviews, star summaries). Apart from the staff feedback routes, so a shopper's page that shows
// reviews carries these schemas only.
import * as z from 'zod/mini';
import { Id, LanguageTag, ProductRef, Timestamp, verbatimText } from './common.js';
import { Cursor, page } from './page.js';
import { limit, repeated } from './query-params.js';
import { Rating, ReviewReply } from './review-basics.js';
import { REVIEW_LIMITS } from './review-limits.js';

/**
 * A review as a product page shows it: no customer id, no moderation details, and the reply
 * without the staff user who wrote it. Every published review is public record.
 */
export const PublicReview = z.strictObject({
  id: Id,
  productId: Id,
  rating: Rating,
  // As the shopper wrote them (see `verbatimText`): a client parsing the answer keeps them byte for byte.
  title: verbatimText(REVIEW_LIMITS.title),
  body: verbatimText(REVIEW_LIMITS.body),
  authorName: verbatimText(REVIEW_LIMITS.authorName),
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

/**
 * The `:id` of `/v1/products/:id/reviews` and `…/reviews/aggregate`: Kith's product id or the
 * shop's own id / SKU (`ProductRef`). An unknown one is a 404.
 */
export const ProductRefParams = z.object({ id: ProductRef });
export type ProductRefParams = z.infer<typeof ProductRefParams>;

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

/**
 * `GET /v1/reviews/aggregates?productId=a&productId=b`: up to 50 products in one call, each
 * named by Kith's id or the shop's own id / SKU (`ProductRef`); the two may be mixed.
 */
export const ReviewAggregatesQuery = z.strictObject({ productId: z.pipe(repeated(MAX_AGGREGATE_PRODUCTS), z.array(ProductRef)) });
export type ReviewAggregatesQuery = z.infer<typeof ReviewAggregatesQuery>;

/**
 * One product's summary in a batch, for the reference it was asked by: `ref` is the requested
 * `productId` value as parsed (trimmed), so a page can match answers to its tiles whichever
 * kind of reference it used; `productId` is Kith's id of that product, null when no product
 * has that reference (then the counts are 0 and `average` null).
 */
export const RefReviewAggregate = z.extend(z.omit(ReviewAggregate, { productId: true }), {
  ref: ProductRef,
  productId: z.nullable(Id),
});
export type RefReviewAggregate = z.infer<typeof RefReviewAggregate>;

/**
 * One aggregate per distinct requested reference, in request order (an unknown one counts 0).
 * A product asked for by two references (its id and its SKU) answers under each.
 */
export const ReviewAggregates = z.strictObject({ items: z.array(RefReviewAggregate) });
export type ReviewAggregates = z.infer<typeof ReviewAggregates>;
