import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

// Matrix paths are built synchronously and no endpoint is seeded, so rows about one
// endpoint name an id that does not exist: a credential that passes reaches the route and
// gets its 404, so only the credential decides between 401/403 and 404 (the routes
// themselves are covered in webhooks.test.ts).
const UNKNOWN = '00000000-0000-4000-8000-00000000feed';
const UNKNOWN_DELIVERY = '00000000-0000-4000-8000-00000000beef';

export const webhooksMatrix: MatrixRow[] = [
  {
    route: 'POST /v1/webhooks',
    path: () => '/v1/webhooks',
    // Valid every time: each credential that passes registers one more endpoint. Loopback
    // port 9 (discard) refuses at once: nothing leaves the machine if a delivery is queued.
    body: () => ({ url: 'http://127.0.0.1:9/matrix', events: ['complaint.overdue'], description: 'Matrix check' }),
    expect: onlyAllowed({ sk: 201 }),
  },
  { route: 'GET /v1/webhooks', path: () => '/v1/webhooks?limit=5', expect: onlyAllowed({ sk: 200 }) },
  { route: 'GET /v1/webhooks/:id', path: () => `/v1/webhooks/${UNKNOWN}`, expect: onlyAllowed({ sk: 404 }) },
  {
    route: 'PATCH /v1/webhooks/:id',
    path: () => `/v1/webhooks/${UNKNOWN}`,
    body: () => ({ active: false }),
    expect: onlyAllowed({ sk: 404 }),
  },
  { route: 'DELETE /v1/webhooks/:id', path: () => `/v1/webhooks/${UNKNOWN}`, expect: onlyAllowed({ sk: 404 }) },
  {
    route: 'POST /v1/webhooks/:id/rotate-secret',
    path: () => `/v1/webhooks/${UNKNOWN}/rotate-secret`,
    body: () => ({}),
    expect: onlyAllowed({ sk: 404 }),
  },
  { route: 'GET /v1/webhooks/:id/deliveries', path: () => `/v1/webhooks/${UNKNOWN}/deliveries`, expect: onlyAllowed({ sk: 404 }) },
  {
    route: 'POST /v1/webhooks/:id/deliveries/:deliveryId/redeliver',
    path: () => `/v1/webhooks/${UNKNOWN}/deliveries/${UNKNOWN_DELIVERY}/redeliver`,
    expect: onlyAllowed({ sk: 404 }),
  },
  { route: 'POST /v1/webhooks/:id/ping', path: () => `/v1/webhooks/${UNKNOWN}/ping`, expect: onlyAllowed({ sk: 404 }) },
];
