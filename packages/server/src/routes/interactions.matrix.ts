import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';

export const interactionsMatrix: MatrixRow[] = [
  {
    route: 'GET /v1/customers/:id/interactions',
    path: (api) => `/v1/customers/${api.customerId}/interactions?limit=5`,
    // Never the customer's own token: the timeline holds staff-internal notes.
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'POST /v1/customers/:id/interactions',
    path: (api) => `/v1/customers/${api.customerId}/interactions`,
    // Valid every time: each credential that passes logs one more call.
    body: () => ({ channel: 'phone', type: 'call', direction: 'outbound', phase: 'after_sale', summary: 'Matrix check call' }),
    expect: onlyAllowed({ staff: 201, sk: 201 }),
  },
];
