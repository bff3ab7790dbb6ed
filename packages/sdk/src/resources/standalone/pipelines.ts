import { Opportunity, OpportunityPage, PipelineWithTotals, type MoveOpportunity, type OpportunityQuery } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { WriteResult } from '../../outbox/types.js';
import type { Read, ReadOptions } from '../../reads/types.js';
import { seg, type Versioned } from '../shared.js';

// What a board (`<kith-pipeline>`) calls, each on its own (exported by `@kith/sdk/resources/pipelines`
// and `@kith/sdk/resources/opportunities`): a page that shows a board carries neither the other
// routes' code nor their schemas.

const pipelinePath = (id: string) => `/v1/pipelines/${seg(id)}`;

/**
 * {@link PipelinesResource.get} on its own: one pipeline with, per stage, the count, Σ amount and
 * forecast of the viewer's deals; observed, it follows `pipeline:<id>`.
 */
export function getPipeline(core: KithCore, id: string, options?: ReadOptions): Read<PipelineWithTotals> {
  return core.read({ path: pipelinePath(id), schema: PipelineWithTotals, topics: [`pipeline:${id}`] }, options);
}

/**
 * {@link PipelinesResource.opportunities} on its own: one page of the board (by stage, then rank;
 * up to `BOARD_PAGE_MAX` = 500 deals a page); observed, it follows `pipeline:<id>`.
 */
export function getBoard(core: KithCore, id: string, query?: OpportunityQuery, options?: ReadOptions): Read<OpportunityPage> {
  return core.read({ path: `${pipelinePath(id)}/opportunities`, query, schema: OpportunityPage, topics: [`pipeline:${id}`] }, options);
}

/**
 * {@link OpportunitiesResource.move} on its own: the same write through the outbox (`If-Match`
 * with the version the deal was read at; the server computes the rank between `afterId` and
 * `beforeId`, neither: the end of the stage). Delivered, it makes the pipelines' reads (and the
 * customer's timeline, when `customerId` is given) fetch again.
 */
export function moveOpportunity(
  core: KithCore,
  opportunity: Versioned & { readonly customerId?: string | undefined },
  move: MoveOpportunity,
): Promise<WriteResult<Opportunity>> {
  const path = `/v1/opportunities/${seg(opportunity.id)}`;
  return core.write({
    kind: 'opportunities.move',
    method: 'POST',
    path: `${path}/move`,
    body: move,
    ifMatch: opportunity.version,
    schema: Opportunity,
    invalidates: [
      path,
      '/v1/pipelines',
      ...(opportunity.customerId ? [`/v1/customers/${seg(opportunity.customerId)}/interactions`] : []),
    ],
  });
}
