import * as z from 'zod/mini';
import { Id, OpportunityPage, OpportunityQuery, PageQuery, PipelinePage, PipelineWithTotals } from '@kith/schema';
import { ApiError } from '../http/errors.js';
import { route } from '../http/route.js';
import { listOpportunities } from '../opportunities/list.js';
import { getPipeline, listPipelines } from '../pipelines/list.js';
import { visibilityOf } from '../visibility/visibility.js';

const ById = z.object({ id: Id });

/** `GET /v1/pipelines`: every pipeline with its stages and the totals of the deals the viewer sees. */
export const listPipelinesRoute = route({
  method: 'GET',
  path: '/v1/pipelines',
  summary: 'List pipelines with stage totals and forecast',
  tag: 'pipelines',
  access: { staff: 'opportunities:read', secret: true },
  query: PageQuery,
  response: PipelinePage,
  async handle({ db, credential, query }) {
    return listPipelines(db, await visibilityOf(db, credential), query);
  },
});

/** `GET /v1/pipelines/:id`: one pipeline; per stage the count, Σ amount and forecast of the viewer's deals. */
export const getPipelineRoute = route({
  method: 'GET',
  path: '/v1/pipelines/:id',
  summary: 'Get a pipeline with stage totals and forecast',
  tag: 'pipelines',
  access: { staff: 'opportunities:read', secret: true },
  params: ById,
  response: PipelineWithTotals,
  async handle({ c, db, credential, params }) {
    const pipeline = await getPipeline(db, await visibilityOf(db, credential), params.id);
    if (!pipeline) throw new ApiError(404, 'not_found', `No pipeline with id ${params.id}.`);
    c.header('Cache-Control', 'private, no-cache');
    return pipeline;
  },
});

/**
 * `GET /v1/pipelines/:id/opportunities`: the board, by stage then rank, only the deals the
 * viewer may see. `limit` goes up to 500 here (not 100): a board shows every card at once,
 * and 2,000 deals in four pages beats twenty round trips; the rows are small.
 */
export const listOpportunitiesRoute = route({
  method: 'GET',
  path: '/v1/pipelines/:id/opportunities',
  summary: 'List a pipeline\'s opportunities by stage and rank',
  tag: 'pipelines',
  access: { staff: 'opportunities:read', secret: true },
  params: ById,
  query: OpportunityQuery,
  response: OpportunityPage,
  async handle({ c, db, credential, params, query }) {
    const { rows } = await db.query('SELECT 1 FROM pipelines WHERE id = $1', [params.id]);
    if (rows.length === 0) throw new ApiError(404, 'not_found', `No pipeline with id ${params.id}.`);
    c.header('Cache-Control', 'private, no-cache');
    return listOpportunities(db, await visibilityOf(db, credential), params.id, query);
  },
});

/** The routes of this file. */
export const pipelinesRoutes = [listPipelinesRoute, getPipelineRoute, listOpportunitiesRoute];
