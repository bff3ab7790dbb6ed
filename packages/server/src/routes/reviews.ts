import * as z from 'zod/mini';
import { Id, PublicReviewPage, ReviewAggregate, ReviewAggregates, ReviewAggregatesQuery, ReviewListQuery } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { reviewAggregates } from '../reviews/aggregate.js';
import { listPublishedReviews } from '../reviews/list.js';
import { must } from '../util/must.js';

const ById = z.object({ id: Id });

// Published reviews are public record: any valid credential or none (a server rendering a
// product page). A publishable key from a foreign origin, or a bad token, is still refused
// by the authentication layer before the route runs. Nothing here names a customer.
const PUBLIC = { public: true } as const;

/**
 * A browser may reuse an answer for a minute (a newly published review shows within one).
 * `private`, not `public`: a shared cache would answer origins the key does not allow.
 */
const PUBLIC_CACHE = 'private, max-age=60';

async function assertProduct(db: Queryable, id: string): Promise<void> {
  const { rows } = await db.query('SELECT 1 FROM products WHERE id = $1', [id]);
  if (rows.length === 0) throw new ApiError(404, 'not_found', `No product with id ${id}.`);
}

/** `GET /v1/products/:id/reviews`: published reviews, sorted, filtered by stars and language, paged. */
export const listProductReviewsRoute = route({
  method: 'GET',
  path: '/v1/products/:id/reviews',
  summary: 'List a product\'s published reviews',
  tag: 'reviews',
  access: PUBLIC,
  params: ById,
  query: ReviewListQuery,
  response: PublicReviewPage,
  async handle({ c, db, params, query }) {
    await assertProduct(db, params.id);
    c.header('Cache-Control', PUBLIC_CACHE);
    return listPublishedReviews(db, params.id, query);
  },
});

/** `GET /v1/products/:id/reviews/aggregate`: count, average and star distribution of one product. */
export const productReviewAggregateRoute = route({
  method: 'GET',
  path: '/v1/products/:id/reviews/aggregate',
  summary: 'Star summary of a product\'s published reviews',
  tag: 'reviews',
  access: PUBLIC,
  params: ById,
  response: ReviewAggregate,
  async handle({ c, db, params }) {
    await assertProduct(db, params.id);
    c.header('Cache-Control', PUBLIC_CACHE);
    return must((await reviewAggregates(db, [params.id]))[0], 'the aggregate of the product');
  },
});

/** `GET /v1/reviews/aggregates?productId=a&productId=b`: up to 50 products' summaries in one query. */
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
    return { items: await reviewAggregates(db, query.productId) };
  },
});

/** The routes of this file. */
export const reviewsRoutes = [listProductReviewsRoute, productReviewAggregateRoute, reviewAggregatesRoute];
