// Events of a pipeline board, on `pipeline:<id>` for staff. Each names its deal, so a
// stream delivers it only to staff who see that deal (`topics.ts`).
import type { Opportunity } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { publishEvent } from './publish.js';

export type OpportunityEventType = 'opportunity.created' | 'opportunity.updated' | 'opportunity.moved' | 'opportunity.deleted';

/** What a board needs to place or refresh a card: where it is, its version and owner. */
export interface OpportunityState {
  id: string;
  pipelineId: string;
  stageId: string;
  rank: string;
  version: number;
  ownerId: string | null;
  customerId: string;
}

/**
 * Publishes one deal's change. `previousOwnerId` (an owner change) lets the former owner's
 * board drop the card; `fromStageId` (a move) says where it left.
 */
export async function opportunityEvent(
  tx: Queryable,
  type: OpportunityEventType,
  deal: OpportunityState | Opportunity,
  at: Date,
  extra: { previousOwnerId?: string | null; fromStageId?: string } = {},
): Promise<void> {
  const data: Record<string, unknown> = {
    opportunityId: deal.id, pipelineId: deal.pipelineId, stageId: deal.stageId, rank: deal.rank,
    version: deal.version, ownerId: deal.ownerId, customerId: deal.customerId,
  };
  if (extra.previousOwnerId !== undefined && extra.previousOwnerId !== deal.ownerId) data.previousOwnerId = extra.previousOwnerId;
  if (extra.fromStageId !== undefined && extra.fromStageId !== deal.stageId) data.fromStageId = extra.fromStageId;
  await publishEvent(tx, { topic: `pipeline:${deal.pipelineId}`, type, audience: 'staff', data }, at);
}
