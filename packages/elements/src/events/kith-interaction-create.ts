import type { CreateInteraction, Interaction } from '@kith/schema';
import type { WriteResult } from '@kith/sdk';

/** Detail of `kith-interaction-create`: the note or call a person wrote in the timeline, and what the outbox did with it. */
export interface KithInteractionCreateEventDetail {
  customerId: string;
  interaction: CreateInteraction;
  result: WriteResult<Interaction>;
}

/**
 * Fired when a person saves a note or a call in `<kith-timeline>`, once the outbox has answered:
 * `sent`, `queued` (kept, delivered later exactly once, shown as pending meanwhile) or `failed`
 * (the form keeps what was written). Never fired for interactions written elsewhere.
 */
export type KithInteractionCreateEvent = CustomEvent<KithInteractionCreateEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-interaction-create': KithInteractionCreateEvent;
  }
}
