// Request and response shapes of the /v1 routes for pipeline (beyond the domain records):
// pipelines with per-stage totals, the board's list of opportunities, creating, moving and
// editing a deal.
import * as z from 'zod/mini';
import { CalendarDate, Id, Money } from './common.js';
import { Opportunity } from './opportunity.js';
import { Cursor, PageQuery } from './page.js';
import { Pipeline, Stage } from './pipeline.js';

/** Count, value and forecast of the deals in a stage (or a pipeline) that the viewer may see. */
export const DealTotals = z.strictObject({
  count: z.int().check(z.minimum(0)),
  /** Σ amount, in the pipeline's currency. */
  amount: Money,
  /** Σ amount × probability, rounded (half up) once per stage; a pipeline's is the sum of its stages'. */
  forecast: Money,
});
export type DealTotals = z.infer<typeof DealTotals>;

/** A stage with the totals of its deals. */
export const StageWithTotals = z.strictObject({ ...Stage.shape, totals: DealTotals });
export type StageWithTotals = z.infer<typeof StageWithTotals>;

/** `GET /v1/pipelines/:id` (and each item of `GET /v1/pipelines`): stages left to right, with totals. */
export const PipelineWithTotals = z.strictObject({
  ...Pipeline.shape,
  stages: z.array(StageWithTotals),
  totals: DealTotals,
});
export type PipelineWithTotals = z.infer<typeof PipelineWithTotals>;

/** `GET /v1/pipelines`: oldest first. */
export const PipelinePage = z.strictObject({ items: z.array(PipelineWithTotals), next: z.nullable(Cursor) });
export type PipelinePage = z.infer<typeof PipelinePage>;

/** The largest page of a board: a pipeline of 2,000 deals loads in four requests, not twenty. */
export const BOARD_PAGE_MAX = 500;

/** `GET /v1/pipelines/:id/opportunities`: by stage (left to right), then rank, then id. */
export const OpportunityQuery = z.strictObject({
  cursor: PageQuery.shape.cursor,
  limit: z.optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(BOARD_PAGE_MAX)))),
  stageId: z.optional(Id),
  ownerId: z.optional(Id),
  /** Only this customer's deals (a customer 360 page's board). */
  customerId: z.optional(Id),
});
export type OpportunityQuery = z.infer<typeof OpportunityQuery>;

/** A page of a board. */
export const OpportunityPage = z.strictObject({ items: z.array(Opportunity), next: z.nullable(Cursor) });
export type OpportunityPage = z.infer<typeof OpportunityPage>;

/**
 * `POST /v1/opportunities`: the deal goes to the end of its stage. The pipeline is the
 * stage's; `amount.currency` must be the pipeline's. `ownerId` defaults to the staff member
 * creating it (none for the shop's server).
 */
export const CreateOpportunity = z.strictObject({
  stageId: Id,
  customerId: Id,
  title: Opportunity.shape.title,
  amount: Money,
  expectedClose: z.optional(z.nullable(CalendarDate)),
  ownerId: z.optional(z.nullable(Id)),
});
export type CreateOpportunity = z.infer<typeof CreateOpportunity>;

/**
 * `POST /v1/opportunities/:id/move` with `If-Match: "<version>"`: to `stageId` (of the same
 * pipeline), right after `afterId` and/or right before `beforeId` (cards of that stage);
 * neither puts it at the end. The server computes the rank, so clients never need the
 * fractional-index algorithm and ranks stay short.
 */
export const MoveOpportunity = z.strictObject({
  stageId: Id,
  afterId: z.optional(z.nullable(Id)),
  beforeId: z.optional(z.nullable(Id)),
});
export type MoveOpportunity = z.infer<typeof MoveOpportunity>;

/** `PATCH /v1/opportunities/:id` with `If-Match`: only the fields sent change. */
export const UpdateOpportunity = z
  .strictObject({
    title: z.optional(Opportunity.shape.title),
    amount: z.optional(Money),
    expectedClose: z.optional(z.nullable(CalendarDate)),
    ownerId: z.optional(z.nullable(Id)),
  })
  .check(z.refine((patch) => Object.keys(patch).length > 0, 'Send at least one field to change'));
export type UpdateOpportunity = z.infer<typeof UpdateOpportunity>;
