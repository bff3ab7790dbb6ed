import { ProductRefParams, PublicReviewPage, ReviewAggregate, ReviewAggregates, ReviewAggregatesQuery, ReviewListQuery } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { resolveProduct, resolveProducts } from '../products/resolve.js';
import { reviewAggregates } from '../reviews/aggregate.js';
import { listPublishedReviews } from '../reviews/list.js';
import { must } from '../util/must.js';

// Published reviews are public record: any valid credential or none (a server rendering a
// product page). A publishable key from a foreign origin, or a bad token, is still refused
// by the authentication layer before the route runs. Nothing here names a customer.
const PUBLIC = { public: true } as const;

/**
 * A browser may reuse an answer for a minute (a newly published review shows within one).
 * `private`, not `public`: a shared cache would answer origins the key does not allow.
 */
const PUBLIC_CACHE = 'private, max-age=60';

/** Kith's id of the product `:id` names (its id or the shop's own id / SKU); 404 when none. */
async function productOf(db: Queryable, ref: string): Promise<string> {
  const id = await resolveProduct(db, ref);
  if (id === null) throw new ApiError(404, 'not_found', `No product with id or external id ${JSON.stringify(ref)}.`);
  return id;
}

/** `GET /v1/products/:id/reviews`: published reviews, sorted, filtered by stars and language, paged. */
export const listProductReviewsRoute = route({
  method: 'GET',
  path: '/v1/products/:id/reviews',
  summary: 'List a product\'s published reviews',
  tag: 'reviews',
  access: PUBLIC,
  params: ProductRefParams,
  query: ReviewListQuery,
  response: PublicReviewPage,
  async handle({ c, db, params, query }) {
    const productId = await productOf(db, params.id);
    c.header('Cache-Control', PUBLIC_CACHE);
    return listPublishedReviews(db, productId, query);
  },
});

/** `GET /v1/products/:id/reviews/aggregate`: count, average and star distribution of one product. */
export const productReviewAggregateRoute = route({
  method: 'GET',
  path: '/v1/products/:id/reviews/aggregate',
  summary: 'Star summary of a product\'s published reviews',
  tag: 'reviews',
  access: PUBLIC,
  params: ProductRefParams,
  response: ReviewAggregate,
  async handle({ c, db, params }) {
    const productId = await productOf(db, params.id);
    c.header('Cache-Control', PUBLIC_CACHE);
    return must((await reviewAggregates(db, [productId]))[0], 'the aggregate of the product');
  },
});

/**
 * `GET /v1/reviews/aggregates?productId=a&productId=b`: up to 50 products' summaries, named by
 * id or SKU (mixed), in two queries whatever their number: the references, then the counts.
 */
export const reviewAggregatesRoute = route({
  method: 'GET',
  path: '/v1/reviews/aggregates',
  summary: 'Star summaries of several products at once',
  tag: 'reviews',
  access: PUBLIC,
  query: ReviewAggregatesQuery,
  response: ReviewAggregates,
  async handle({ c, db, query }) {
    c.header('Cache-Control', PUBLIC_CACHE);
    const refs = [...new Set(query.productId)];
    const ids = await resolveProducts(db, refs);
    const known = refs.flatMap((ref) => ids.get(ref) ?? []);
    const byId = new Map((await reviewAggregates(db, known)).map((aggregate) => [aggregate.productId, aggregate]));
    return {
      items: refs.map((ref) => {
        const productId = ids.get(ref) ?? null;
        const { productId: _id, ...counts } = (productId !== null ? byId.get(productId) : undefined) ?? NO_REVIEWS;
        return { ref, productId, ...counts };
      }),
    };
  },
});

/** The summary of a product without published reviews, or of an unknown reference. */
const NO_REVIEWS = { productId: null, count: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } } as const;

/** The routes of this file. */
export const reviewsRoutes = [listProductReviewsRoute, productReviewAggregateRoute, reviewAggregatesRoute];
