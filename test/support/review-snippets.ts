// What Google requires of structured data for review snippets on a product page (schema.org
// `Product` with `AggregateRating` and `Review`), as a zod schema the reviews' JSON-LD is checked
// against. Required: the product's name; an aggregate rating's `ratingValue` and `reviewCount` or
// `ratingCount`; each review's `author.name` and `reviewRating.ratingValue`. Kith always writes
// `bestRating` and `worstRating` (Google assumes 5 and 1 without them), with the value between them.
import * as z from 'zod/mini';

const NonEmpty = z.string().check(z.minLength(1));
const Bounds = { bestRating: z.number(), worstRating: z.number() };
const withinBounds = (rating: { ratingValue: number; bestRating: number; worstRating: number }) =>
  rating.worstRating < rating.bestRating && rating.ratingValue >= rating.worstRating && rating.ratingValue <= rating.bestRating;

export const SnippetRating = z
  .object({ '@type': z.literal('Rating'), ratingValue: z.number(), ...Bounds })
  .check(z.refine(withinBounds, 'ratingValue must lie within worstRating and bestRating'));

export const SnippetAggregateRating = z
  .object({
    '@type': z.literal('AggregateRating'),
    ratingValue: z.number(),
    reviewCount: z.optional(z.int().check(z.positive())),
    ratingCount: z.optional(z.int().check(z.positive())),
    ...Bounds,
  })
  .check(
    z.refine((rating) => rating.reviewCount !== undefined || rating.ratingCount !== undefined, 'reviewCount or ratingCount is required'),
    z.refine(withinBounds, 'ratingValue must lie within worstRating and bestRating'),
  );

export const SnippetReview = z.object({
  '@type': z.literal('Review'),
  author: z.object({ '@type': z.enum(['Person', 'Organization']), name: NonEmpty }),
  reviewRating: SnippetRating,
  datePublished: z.optional(z.iso.date()),
  name: z.optional(z.string()),
  reviewBody: z.optional(z.string()),
});

export const SnippetProduct = z
  .object({
    '@context': z.literal('https://schema.org'),
    '@type': z.literal('Product'),
    name: NonEmpty,
    aggregateRating: z.optional(SnippetAggregateRating),
    review: z.optional(z.array(SnippetReview)),
  })
  .check(z.refine((product) => product.aggregateRating !== undefined || (product.review?.length ?? 0) > 0, 'aggregateRating or review is required'));
export type SnippetProduct = z.infer<typeof SnippetProduct>;
