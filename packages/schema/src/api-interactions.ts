// Request and response shapes of the /v1 routes for interactions (beyond the domain records).
import * as z from 'zod/mini';
import { Timestamp } from './common.js';
import { Interaction, InteractionChannel, InteractionDirection, InteractionPhase, InteractionRefs, InteractionType } from './interaction.js';
import { Cursor, PageQuery } from './page.js';

/**
 * A filter that may be repeated in the query string (`?channel=phone&channel=email` = any
 * of them): one value arrives as a string, several as an array; both become an array.
 */
const anyOf = <V extends string>(value: z.ZodMiniType<V>) =>
  z.optional(
    z.pipe(
      z.union([value, z.array(value).check(z.maxLength(20))]),
      z.transform((v: V | V[]): V[] => (Array.isArray(v) ? v : [v])),
    ),
  );

/** `GET /v1/customers/:id/interactions`: newest first; every filter applies to all rows, in SQL. */
export const InteractionQuery = z.strictObject({
  ...PageQuery.shape,
  channel: anyOf(InteractionChannel),
  type: anyOf(InteractionType),
  phase: anyOf(InteractionPhase),
  /** Text in the summary or the body, case-insensitive, taken literally (no wildcards). */
  q: z.optional(z.string().check(z.trim(), z.minLength(1, 'Must not be empty'), z.maxLength(200))),
  /** Only interactions that occurred strictly before this instant. */
  before: z.optional(Timestamp),
  /** Only interactions that occurred strictly after this instant. */
  after: z.optional(Timestamp),
});
export type InteractionQuery = z.infer<typeof InteractionQuery>;

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

/**
 * `POST /v1/customers/:id/interactions`: the customer comes from the path and the staff
 * member from the token, so neither is in the body. Fields are `Interaction`'s own, so the
 * two cannot drift apart. `stage_change` is written by opportunity moves only.
 */
export const CreateInteraction = z.strictObject({
  channel: InteractionChannel,
  type: InteractionType.check(z.refine((type) => type !== 'stage_change', 'stage_change is written by opportunity moves')),
  direction: InteractionDirection,
  phase: InteractionPhase,
  summary: Interaction.shape.summary,
  body: z.optional(Interaction.shape.body),
  /** Defaults to now (a call logged afterwards sets when it happened). */
  occurredAt: z.optional(Timestamp),
  /** Records it is about; each must belong to the same customer. */
  refs: z.optional(InteractionRefs),
});
export type CreateInteraction = z.infer<typeof CreateInteraction>;
