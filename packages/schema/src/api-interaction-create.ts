// `POST /v1/customers/:id/interactions`: the body (a file of its own: see api-interactions.ts).
import * as z from 'zod/mini';
import { Timestamp } from './common.js';
import { Interaction, InteractionChannel, InteractionDirection, InteractionPhase, InteractionRefs, InteractionType } from './interaction.js';

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
