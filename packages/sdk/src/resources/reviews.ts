// Published product reviews and their star summaries: public record, readable with a
// publishable key (or none), followed live on `product:<id>`. A product is named by Kith's id
// or by the shop's own id / SKU (`ProductRef`).
import {
  PublicReviewPage, ReviewAggregate, ReviewAggregates, type ProductRef, type ReviewAggregatesQuery, type ReviewListQuery,
} from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg } from './shared.js';

export interface ReviewsResource {
  /**
   * A product's published reviews, sorted (`newest`, `highest`, `lowest`), filtered by stars
   * and language, a cursor page at a time (`GET /v1/products/{id}/reviews`). `product` is
   * Kith's id or the shop's own id / SKU. Observed, it follows `product:<id>` when `product`
   * is in UUID form; live topics name Kith's ids only, so for a SKU follow
   * `list(review.productId)` or `aggregate(aggregate.productId)` once an answer told you the id.
   * Any credential: a publishable key is enough.
   */
  list(product: ProductRef, query?: ReviewListQuery, options?: ReadOptions): Read<PublicReviewPage>;
  /**
   * Count, average and star distribution of one product's published reviews
   * (`GET /v1/products/{id}/reviews/aggregate`); `product` as for `list`, and the answer's
   * `productId` is always Kith's id. Observed, it follows `product:<id>` as `list` does. Any credential.
   */
  aggregate(product: ProductRef, options?: ReadOptions): Read<ReviewAggregate>;
  /**
   * The star summaries of up to 50 products in one call (`GET /v1/reviews/aggregates?productId=…`),
   * for a listing page: ids and SKUs may be mixed; one item per distinct reference in request
   * order, each with its `ref` and Kith's `productId` (null for an unknown reference). Not
   * followed live: a listing would pass the stream's 20 topics; the server lets a browser reuse
   * it for a minute.
   */
  aggregates(query: ReviewAggregatesQuery, options?: ReadOptions): Read<ReviewAggregates>;
}

/** Live topics name products by Kith's id: a reference in another form has none to follow. */
const UUID_FORM = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const topicsOf = (product: ProductRef) => (UUID_FORM.test(product) ? [`product:${product}` as const] : undefined);

export function reviews(core: KithCore): ReviewsResource {
  const path = (product: ProductRef) => `/v1/products/${seg(product)}/reviews`;
  return {
    list: (product, query, options) =>
      core.read({ path: path(product), query, schema: PublicReviewPage, topics: topicsOf(product) }, options),
    aggregate: (product, options) =>
      core.read({ path: `${path(product)}/aggregate`, schema: ReviewAggregate, topics: topicsOf(product) }, options),
    aggregates: (query, options) => core.read({ path: '/v1/reviews/aggregates', query, schema: ReviewAggregates }, options),
  };
}
