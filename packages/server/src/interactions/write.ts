// Writes one interaction on a customer's timeline: staff notes and calls, and the stage
// changes that opportunity moves record.
import type { Interaction, InteractionRefs } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { interactionCreated } from '../events/customer-events.js';
import { validationError } from '../http/errors.js';
import { INTERACTION_COLUMNS, toInteraction, type InteractionRow } from './read.js';

export type InteractionInput = Pick<Interaction, 'customerId' | 'channel' | 'type' | 'direction' | 'phase' | 'summary' | 'staffId'> & {
  body?: string | null | undefined;
  occurredAt?: string | undefined;
  refs?: InteractionRefs | undefined;
};

const REF_TABLES = { orderId: 'orders', opportunityId: 'opportunities', feedbackId: 'feedback' } as const;

/**
 * Each record an interaction refers to must exist and be about the same customer; an
 * unknown one and another customer's answer the same 400, so nothing leaks.
 */
export async function checkRefs(tx: Queryable, customerId: string, refs: InteractionRefs | undefined): Promise<void> {
  for (const [field, table] of Object.entries(REF_TABLES) as [keyof InteractionRefs, (typeof REF_TABLES)[keyof typeof REF_TABLES]][]) {
    const id = refs?.[field];
    if (id === undefined || id === null) continue;
    // `table` comes from the constant above, never from input.
    const { rows } = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 AND customer_id = $2`, [id, customerId]);
    if (rows.length === 0) throw validationError(`Invalid body: refs.${field} is not a record of this customer`, [{ path: ['refs', field], message: 'Not a record of this customer' }]);
  }
}

/**
 * Inserts the interaction (at `now` unless it says when it occurred), announces it on the
 * customer's topic in the same transaction, and returns it.
 */
export async function insertInteraction(tx: Queryable, input: InteractionInput, now: Date): Promise<Interaction> {
  const { rows } = await tx.query<InteractionRow>(
    `INSERT INTO interactions AS i (customer_id, channel, type, direction, phase, summary, body, staff_id,
       order_id, opportunity_id, feedback_id, occurred_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     RETURNING ${INTERACTION_COLUMNS}`,
    [
      input.customerId, input.channel, input.type, input.direction, input.phase, input.summary, input.body ?? null, input.staffId,
      input.refs?.orderId ?? null, input.refs?.opportunityId ?? null, input.refs?.feedbackId ?? null,
      input.occurredAt ?? now, now,
    ],
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  const interaction = toInteraction(row);
  await interactionCreated(tx, interaction, now);
  return interaction;
}
