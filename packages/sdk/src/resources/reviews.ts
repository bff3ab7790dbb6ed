// Published product reviews and their star summaries: public record, readable with a
// publishable key (or none), followed live on `product:<id>`.
import { PublicReviewPage, ReviewAggregate, ReviewAggregates, type ReviewAggregatesQuery, type ReviewListQuery } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg } from './shared.js';

export interface ReviewsResource {
  /**
   * A product's published reviews, sorted (`newest`, `highest`, `lowest`), filtered by stars
   * and language, a cursor page at a time (`GET /v1/products/{id}/reviews`); observed, it
   * follows `product:<id>`. Any credential: a publishable key is enough.
   */
  list(productId: string, query?: ReviewListQuery, options?: ReadOptions): Read<PublicReviewPage>;
  /**
   * Count, average and star distribution of one product's published reviews
   * (`GET /v1/products/{id}/reviews/aggregate`); observed, it follows `product:<id>`. Any credential.
   */
  aggregate(productId: string, options?: ReadOptions): Read<ReviewAggregate>;
  /**
   * The star summaries of up to 50 products in one call, in request order
   * (`GET /v1/reviews/aggregates?productId=…`), for a listing page. Not followed live: a
   * listing would pass the stream's 20 topics; the server lets a browser reuse it for a minute.
   */
  aggregates(query: ReviewAggregatesQuery, options?: ReadOptions): Read<ReviewAggregates>;
}

export function reviews(core: KithCore): ReviewsResource {
  const path = (productId: string) => `/v1/products/${seg(productId)}/reviews`;
  return {
    list: (productId, query, options) =>
      core.read({ path: path(productId), query, schema: PublicReviewPage, topics: [`product:${productId}`] }, options),
    aggregate: (productId, options) =>
      core.read({ path: `${path(productId)}/aggregate`, schema: ReviewAggregate, topics: [`product:${productId}`] }, options),
    aggregates: (query, options) => core.read({ path: '/v1/reviews/aggregates', query, schema: ReviewAggregates }, options),
  };
}
