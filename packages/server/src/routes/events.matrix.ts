import type { TestApi } from '../test-support/api.js';
import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

const route = 'GET /v1/events';
const events = (topic: (api: TestApi) => string) => (api: TestApi) => `/v1/events?topic=${encodeURIComponent(topic(api))}`;
/** Product and pipeline topics are authorised by kind, not by looking the id up: any id will do. */
const SOME_ID = '00000000-0000-4000-8000-000000000000';

// A stream is refused before it opens (401/403 as JSON), or answers 200 and stays open: the
// matrix cancels the body of a 200. The topic decides who may read (events/topics.ts).
export const eventsMatrix: MatrixRow[] = [
  {
    // Public product events: every valid credential, a staff token without scopes included.
    route,
    stream: true,
    path: events(() => `product:${SOME_ID}`),
    expect: onlyAllowed({ pk: 200, customer: 200, otherCustomer: 200, staffNoScope: 200, staff: 200, sk: 200 }),
  },
  {
    // A customer's own topic: that customer, staff who see them (`customers:read`), the server.
    route,
    stream: true,
    path: events((api) => `customer:${api.customerId}`),
    expect: onlyAllowed({ customer: 200, staff: 200, sk: 200 }),
  },
  {
    // The inbox: staff with `feedback:read`, the server.
    route,
    stream: true,
    path: events(() => 'inbox'),
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    // A pipeline board: staff with `opportunities:read` (each deal's events filtered), the server.
    route,
    stream: true,
    path: events(() => `pipeline:${SOME_ID}`),
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
];
