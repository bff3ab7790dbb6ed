// Sales pipelines: stages with the totals and forecast of the deals the viewer sees, and the
// board of deals, followed live on `pipeline:<id>`.
import { OpportunityPage, PipelinePage, PipelineWithTotals, type OpportunityQuery, type PageQuery } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg } from './shared.js';
import { getBoard, getPipeline } from './standalone/pipelines.js';

export { getBoard, getPipeline };

export interface PipelinesResource {
  /** Every pipeline with its stages and totals, oldest first (`GET /v1/pipelines`). Staff token with `opportunities:read`, or the secret key. */
  list(query?: PageQuery, options?: ReadOptions): Read<PipelinePage>;
  /**
   * One pipeline; per stage the count, Σ amount and forecast of the viewer's deals
   * (`GET /v1/pipelines/{id}`); observed, it follows `pipeline:<id>`. Staff token with
   * `opportunities:read`, or the secret key.
   */
  get(id: string, options?: ReadOptions): Read<PipelineWithTotals>;
  /**
   * The board: a pipeline's deals the viewer sees, by stage then rank, up to 500 a page
   * (`GET /v1/pipelines/{id}/opportunities`); observed, it follows `pipeline:<id>`. Staff
   * token with `opportunities:read`, or the secret key.
   */
  opportunities(id: string, query?: OpportunityQuery, options?: ReadOptions): Read<OpportunityPage>;
}

export function pipelines(core: KithCore): PipelinesResource {
  const path = (id: string) => `/v1/pipelines/${seg(id)}`;
  return {
    list: (query, options) => core.read({ path: '/v1/pipelines', query, schema: PipelinePage }, options),
    get: (id, options) => core.read({ path: path(id), schema: PipelineWithTotals, topics: [`pipeline:${id}`] }, options),
    opportunities: (id, query, options) =>
      core.read({ path: `${path(id)}/opportunities`, query, schema: OpportunityPage, topics: [`pipeline:${id}`] }, options),
  };
}
