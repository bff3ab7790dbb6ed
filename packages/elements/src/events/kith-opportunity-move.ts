import type { Opportunity } from '@kith/schema';
import type { WriteResult } from '@kith/sdk';

/** Detail of `kith-opportunity-move`: which deal a person moved, from where to where, and what the write did. */
export interface KithOpportunityMoveEventDetail {
  /** The deal as it was when it was lifted (`result.data` is the server's copy once sent). */
  opportunity: Opportunity;
  /** The stage it was in. */
  fromStageId: string;
  /** The stage it was dropped in (the same one for a move within a column). */
  toStageId: string;
  /** Where it was dropped in that column as the person saw it, from 1. */
  position: number;
  /**
   * `sent` (delivered), `queued` (kept in the outbox, delivered later exactly once: the card shows
   * as pending) or `failed` (refused: `conflict` when someone else changed the deal first; the card
   * went back to where it was).
   */
  status: WriteResult<Opportunity>['status'];
  result: WriteResult<Opportunity>;
}

/**
 * Fired when a person drops a deal in a new place (by pointer, touch or keyboard), once the outbox
 * has answered; again with `failed` when a queued move is refused later. Never fired when a
 * property is set, nor for a move someone else made.
 */
export type KithOpportunityMoveEvent = CustomEvent<KithOpportunityMoveEventDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'kith-opportunity-move': KithOpportunityMoveEvent;
  }
}
