// Deals: created at the end of a stage, edited and moved with the version they were read at.
import { Opportunity, type CreateOpportunity, type MoveOpportunity, type UpdateOpportunity } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { WriteResult } from '../outbox/types.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg, sender, type SendOptions, type Versioned } from './shared.js';
import { moveOpportunity } from './standalone/pipelines.js';

export { moveOpportunity };

/** Boards and pipeline totals show every deal. */
const PIPELINES = '/v1/pipelines';

/** A deal being edited or moved: its id and version, and its customer when known (a stage change lands on their timeline). */
export interface VersionedOpportunity extends Versioned {
  readonly customerId?: string | undefined;
}

export interface OpportunitiesResource {
  /**
   * Creates a deal at the end of its stage (`POST /v1/opportunities`), sent at once: the caller
   * needs its id. `amount.currency` must be the pipeline's; `ownerId` defaults to the staff
   * user. Staff token with `opportunities:write`, or the secret key.
   */
  create(opportunity: CreateOpportunity, options?: SendOptions): Promise<Opportunity>;
  /**
   * One deal the viewer sees (`GET /v1/opportunities/{id}`; 404 otherwise), for a deal page
   * opened from a link before it edits or moves the deal. Staff token with
   * `opportunities:read`, or the secret key.
   */
  get(id: string, options?: ReadOptions): Read<Opportunity>;
  /**
   * Edits title, amount, expected close or owner (`PATCH /v1/opportunities/{id}` with
   * `If-Match`) through the outbox. A stale version fails (`failed`, `conflict`) with the
   * current deal in `error.current`. Staff token with `opportunities:write`, or the secret key.
   */
  update(opportunity: Versioned, patch: UpdateOpportunity): Promise<WriteResult<Opportunity>>;
  /**
   * Moves a deal to a stage of its pipeline, after `afterId` and/or before `beforeId` (neither:
   * the end) (`POST /v1/opportunities/{id}/move` with `If-Match`), through the outbox; the
   * server computes the rank and writes a stage change on the customer's timeline. Staff
   * token with `opportunities:write`, or the secret key.
   */
  move(opportunity: VersionedOpportunity, move: MoveOpportunity): Promise<WriteResult<Opportunity>>;
}

export function opportunities(core: KithCore): OpportunitiesResource {
  const send = sender(core);
  const path = (id: string) => `/v1/opportunities/${seg(id)}`;
  return {
    create: (opportunity, options) =>
      send({ method: 'POST', path: '/v1/opportunities', body: opportunity, schema: Opportunity, invalidates: [PIPELINES] }, options),
    get: (id, options) => core.read({ path: path(id), schema: Opportunity }, options),
    update: (opportunity, patch) =>
      core.write({
        kind: 'opportunities.update',
        method: 'PATCH',
        path: path(opportunity.id),
        body: patch,
        ifMatch: opportunity.version,
        schema: Opportunity,
        invalidates: [path(opportunity.id), PIPELINES],
      }),
    move: (opportunity, move) => moveOpportunity(core, opportunity, move),
  };
}
