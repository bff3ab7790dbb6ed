// `GET /v1/customers/:id/interactions`: the query (a file of its own: see api-interactions.ts).
import * as z from 'zod/mini';
import { Timestamp } from './common.js';
import { InteractionChannel, InteractionPhase, InteractionType } from './interaction.js';
import { PageQuery } from './page.js';

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
