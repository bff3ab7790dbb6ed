// A customer's timeline: notes, calls, meetings, messages, stage changes.
import { Interaction, type CreateInteraction, type InteractionPage, type InteractionQuery } from '@kith/schema';
import type { KithCore } from '../core.js';
import type { WriteResult } from '../outbox/types.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg } from './shared.js';
import { getTimeline } from './standalone/interactions.js';

export { getTimeline };

export interface InteractionsResource {
  /**
   * A customer's timeline, newest first, filtered (channel, type, phase — each any of several
   * —, text, time) with the total and facet counts (`GET /v1/customers/{id}/interactions`);
   * observed, it follows `customer:<id>`. Staff token with `customers:read`, or the secret
   * key; never a customer token (the timeline holds internal notes).
   */
  list(customerId: string, query?: InteractionQuery, options?: ReadOptions): Read<InteractionPage>;
  /**
   * Records a note, call, meeting… on a customer's timeline
   * (`POST /v1/customers/{id}/interactions`); the staff member is the token's subject. A
   * user's note, so it goes through the outbox. Staff token with `interactions:write`, or
   * the secret key.
   */
  create(customerId: string, interaction: CreateInteraction): Promise<WriteResult<Interaction>>;
}

export function interactions(core: KithCore): InteractionsResource {
  const path = (customerId: string) => `/v1/customers/${seg(customerId)}/interactions`;
  return {
    list: (customerId, query, options) => getTimeline(core, customerId, query, options),
    create: (customerId, interaction) =>
      core.write({
        kind: 'interactions.create',
        method: 'POST',
        path: path(customerId),
        body: interaction,
        schema: Interaction,
        invalidates: [path(customerId)],
      }),
  };
}
