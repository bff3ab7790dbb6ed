import { demoFeedback } from '../feedback/demo-records.js';
import { publicRoute, type MatrixRow } from '../test-support/matrix.js';

// Public data: any valid credential or none; a foreign origin and bad tokens are refused.
export const reviewsMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/products/:id/reviews',
    path: () => `/v1/products/${demoFeedback().productId}/reviews?sort=highest&limit=5`,
    expect: publicRoute(),
  },
  {
    route: 'GET /v1/products/:id/reviews/aggregate',
    path: () => `/v1/products/${demoFeedback().productId}/reviews/aggregate`,
    expect: publicRoute(),
  },
  {
    route: 'GET /v1/reviews/aggregates',
    path: () => `/v1/reviews/aggregates?productId=${demoFeedback().productId}`,
    expect: publicRoute(),
  },
];
