import { onlyAllowed, type MatrixRow } from '../test-support/matrix.js';
import { demoPipeline } from './pipelines.matrix.js';

const firstStage = () => demoPipeline().stages[0]?.id ?? 'missing-stage';
const anyDeal = () => demoPipeline().opportunities[0]?.id ?? 'missing-deal';

export const opportunitiesMatrix: MatrixRow[] = [
  {
    route: 'POST /v1/opportunities',
    path: () => '/v1/opportunities',
    // Valid every time: each credential that passes adds one deal at the end of the first stage.
    body: (api) => ({
      stageId: firstStage(),
      customerId: api.customerId,
      title: 'Matrix check deal',
      amount: { amount: 100_000, currency: demoPipeline().pipeline.currency },
    }),
    expect: onlyAllowed({ staff: 201, sk: 201 }),
  },
  {
    route: 'GET /v1/opportunities/:id',
    // A deal of the `staff` credential's own (the sample customer's owner), so it may see it.
    path: (api) => `/v1/opportunities/${demoPipeline().opportunities.find((deal) => deal.owner_id === api.staffId)?.id ?? anyDeal()}`,
    expect: onlyAllowed({ staff: 200, sk: 200 }),
  },
  {
    route: 'POST /v1/opportunities/:id/move',
    path: () => `/v1/opportunities/${anyDeal()}/move`,
    // The matrix sends no If-Match: a credential that passes reaches the route and gets 428,
    // so the row is repeatable and only the credential decides between 401/403 and 428.
    body: () => ({ stageId: firstStage() }),
    expect: onlyAllowed({ staff: 428, sk: 428 }),
  },
  {
    route: 'PATCH /v1/opportunities/:id',
    path: () => `/v1/opportunities/${anyDeal()}`,
    body: () => ({ title: 'Matrix check deal' }),
    expect: onlyAllowed({ staff: 428, sk: 428 }),
  },
];
