// Events about a customer's record and timeline, on `customer:<id>` for staff: payloads name
// what changed (ids, version, fields), and clients read the record for the rest.
import type { Interaction } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { publishEvent } from './publish.js';

/** `customer.updated`: the profile (`fields`), the owner or the shares changed. */
export async function customerUpdated(
  tx: Queryable,
  customerId: string,
  change: { version: number; fields?: readonly string[]; ownerId?: string | null; sharedWith?: readonly string[] },
  at: Date,
): Promise<void> {
  await publishEvent(tx, { topic: `customer:${customerId}`, type: 'customer.updated', audience: 'staff', data: { customerId, ...change } }, at);
}

/** `customer.merged`, on both customers' topics: the duplicate is gone, its records moved to the survivor. */
export async function customerMerged(tx: Queryable, survivorId: string, mergedId: string, version: number, at: Date): Promise<void> {
  const data = { customerId: survivorId, mergedId, version };
  for (const id of [survivorId, mergedId]) {
    await publishEvent(tx, { topic: `customer:${id}`, type: 'customer.merged', audience: 'staff', data }, at);
  }
}

/** `interaction.created` on the customer's timeline (staff only: the timeline holds internal notes). */
export async function interactionCreated(tx: Queryable, interaction: Interaction, at: Date): Promise<void> {
  const { id, customerId, channel, type, direction, phase, staffId, occurredAt } = interaction;
  await publishEvent(tx, {
    topic: `customer:${customerId}`,
    type: 'interaction.created',
    audience: 'staff',
    data: { interactionId: id, customerId, channel, type, direction, phase, staffId, occurredAt },
  }, at);
}
