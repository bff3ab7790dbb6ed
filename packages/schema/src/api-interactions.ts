// What a timeline reads from the /v1 routes for interactions: a page with its facet counts. The
// query and the write have files of their own (api-interaction-query.ts, api-interaction-create.ts):
// a schema built at a module's top level stays in every bundle that imports that module (the
// bundler cannot prove a chain like `.check(...)` pure), so a page that only shows a timeline
// would carry them.
import * as z from 'zod/mini';
import { Interaction, InteractionChannel, InteractionPhase, InteractionType } from './interaction.js';
import { Cursor } from './page.js';

const countsOf = <T extends z.core.$ZodEnum>(values: T) => z.record(values, z.int().check(z.minimum(0)));

/**
 * Facet counts: each one counts the rows matching every OTHER filter (so a filter bar can
 * show what picking another channel would give), every value present, zeros included.
 */
export const InteractionCounts = z.strictObject({
  channel: countsOf(InteractionChannel),
  type: countsOf(InteractionType),
  phase: countsOf(InteractionPhase),
});
export type InteractionCounts = z.infer<typeof InteractionCounts>;

/** A page of a customer's timeline, with the number of matching rows and the facet counts. */
export const InteractionPage = z.strictObject({
  items: z.array(Interaction),
  next: z.nullable(Cursor),
  /** All rows matching every filter, over all pages. */
  total: z.int().check(z.minimum(0)),
  counts: InteractionCounts,
});
export type InteractionPage = z.infer<typeof InteractionPage>;
