// Customer-value analytics computed by the server over the customers the viewer sees. The
// same rules run in the browser over plain data in `@kith/sdk/analytics`.
import { AffinityResponse, ChurnPage, ParetoResponse, SegmentsResponse, type AffinityQuery, type ChurnQuery } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';

export interface AnalyticsResource {
  /** Customers and lifetime value per RFM segment (`GET /v1/analytics/segments`). Staff token with `analytics:read`, or the secret key. */
  segments(options?: ReadOptions): Read<SegmentsResponse>;
  /** The top 20 % by value, their share, the cut-off and the key accounts (`GET /v1/analytics/pareto`). Staff token with `analytics:read`, or the secret key. */
  pareto(options?: ReadOptions): Read<ParetoResponse>;
  /**
   * Customers at risk of churning, highest risk first, from `level` up (default `medium`)
   * (`GET /v1/analytics/churn`). Staff token with `analytics:read`, or the secret key.
   */
  churn(query?: ChurnQuery, options?: ReadOptions): Read<ChurnPage>;
  /** Products most often bought together with one (`GET /v1/analytics/affinity`). Staff token with `analytics:read`, or the secret key. */
  affinity(query: AffinityQuery, options?: ReadOptions): Read<AffinityResponse>;
}

export function analytics(core: KithCore): AnalyticsResource {
  return {
    segments: (options) => core.read({ path: '/v1/analytics/segments', schema: SegmentsResponse }, options),
    pareto: (options) => core.read({ path: '/v1/analytics/pareto', schema: ParetoResponse }, options),
    churn: (query, options) => core.read({ path: '/v1/analytics/churn', query, schema: ChurnPage }, options),
    affinity: (query, options) => core.read({ path: '/v1/analytics/affinity', query, schema: AffinityResponse }, options),
  };
}
