import type { Interaction } from '@kith/schema';
import { iso } from '../db/rows.js';

/** An `interactions` row as `INTERACTION_COLUMNS` selects it. */
export interface InteractionRow {
  id: string;
  customer_id: string;
  channel: Interaction['channel'];
  type: Interaction['type'];
  direction: Interaction['direction'];
  phase: Interaction['phase'];
  summary: string;
  body: string | null;
  staff_id: string | null;
  order_id: string | null;
  opportunity_id: string | null;
  feedback_id: string | null;
  occurred_at: Date;
  created_at: Date;
}

/** The columns `toInteraction` needs, from `interactions i`. */
export const INTERACTION_COLUMNS = `i.id, i.customer_id, i.channel, i.type, i.direction, i.phase, i.summary, i.body, i.staff_id,
  i.order_id, i.opportunity_id, i.feedback_id, i.occurred_at, i.created_at`;
/** Append WHERE / ORDER BY / LIMIT (the timeline: `ORDER BY i.occurred_at DESC, i.id DESC`). */
export const SELECT_INTERACTIONS = `SELECT ${INTERACTION_COLUMNS} FROM interactions i`;

/**
 * Maps a row to `Interaction`. `refs` is present only when the interaction is about some
 * record, and then names all three kinds (null where unset) so clients see one shape.
 */
export function toInteraction(row: InteractionRow): Interaction {
  const { order_id: orderId, opportunity_id: opportunityId, feedback_id: feedbackId } = row;
  return {
    id: row.id,
    customerId: row.customer_id,
    channel: row.channel,
    type: row.type,
    direction: row.direction,
    phase: row.phase,
    summary: row.summary,
    body: row.body,
    staffId: row.staff_id,
    occurredAt: iso(row.occurred_at),
    createdAt: iso(row.created_at),
    ...(orderId || opportunityId || feedbackId ? { refs: { orderId, opportunityId, feedbackId } } : {}),
  };
}
