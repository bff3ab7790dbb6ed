import * as z from 'zod/mini';
import { CalendarDate, Id, Money, Timestamp, shortText } from './common.js';

/**
 * A fractional index that orders opportunities within a stage: moving a card writes one
 * new rank between its neighbours instead of renumbering the column. Base-62 digits only,
 * so byte order (the database's `COLLATE "C"`) and JavaScript's `<` agree.
 */
export const Rank = z.string().check(z.regex(/^[0-9A-Za-z]{1,64}$/, 'Must be 1 to 64 characters of 0-9, A-Z, a-z'));
export type Rank = z.infer<typeof Rank>;

/** A deal in a pipeline: what it is worth, where it stands, who works it. */
export const Opportunity = z.strictObject({
  id: Id,
  pipelineId: Id,
  stageId: Id,
  customerId: Id,
  title: shortText(200),
  amount: Money,
  expectedClose: z.nullable(CalendarDate),
  /** The staff member working the deal. */
  ownerId: z.nullable(Id),
  rank: Rank,
  /** Increments on every change; send it back in `If-Match` to update safely. */
  version: z.int().check(z.minimum(1)),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Opportunity = z.infer<typeof Opportunity>;
