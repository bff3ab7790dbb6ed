import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';
import { demoFeedback } from '../feedback/demo-records.js';

export const feedbackMatrix: MatrixRow[] = [
  {
    route: 'POST /v1/feedback',
    path: () => '/v1/feedback',
    // Valid every time: each credential that passes creates one more survey answer.
    body: () => ({ kind: 'survey', metric: 'nps', score: 9, comment: 'Matrix check' }),
    expect: onlyAllowed({ pk: 201, customer: 201, otherCustomer: 201 }),
  },
  {
    route: 'GET /v1/feedback',
    path: () => '/v1/feedback?kind=complaint&limit=5',
    // A customer token lists its own feedback only (the server applies the filter).
    expect: onlyAllowed({ customer: 200, otherCustomer: 200, staff: 200, sk: 200 }),
  },
  {
    route: 'GET /v1/feedback',
    // Naming a customer: another customer's token is refused, never answered an empty page.
    path: (api) => `/v1/feedback?customerId=${api.customerId}&limit=5`,
    expect: onlyAllowed({ customer: 200, staff: 200, sk: 200 }),
  },
  {
    route: 'GET /v1/feedback/:id',
    // The sample customer's own review: another customer gets the 404 of an unknown id.
    path: () => `/v1/feedback/${demoFeedback().ownReviewId}`,
    expect: onlyAllowed({ customer: 200, otherCustomer: 404, staff: 200, sk: 200 }),
  },
  {
    route: 'POST /v1/feedback/:id/moderate',
    // Publishing a published review again answers it unchanged, so the row is repeatable.
    path: () => `/v1/feedback/${demoFeedback().ownReviewId}/moderate`,
    body: () => ({ action: 'publish' }),
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'POST /v1/feedback/:id/reply',
    path: () => `/v1/feedback/${demoFeedback().ownReviewId}/reply`,
    body: () => ({ body: 'Thank you for your review!' }),
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'PATCH /v1/feedback/:id/status',
    // The complaint's own status again: a no-op, repeatable.
    path: () => `/v1/feedback/${demoFeedback().complaint.id}/status`,
    body: () => ({ status: demoFeedback().complaint.status }),
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
];
