import type { Complaint, Feedback } from '@kith/schema';
import type { Queryable } from '../db/database.js';

/** `summary` is at most 300 characters (`Interaction`); titles and subjects are shorter, this is a guard. */
const line = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

/**
 * Feedback of a known customer is an event on their timeline (inbound, after-sale, from the
 * web — the widget), like the demo's: the 360° view shows what they said next to their orders.
 */
export async function recordOnTimeline(tx: Queryable, input: { customerId: string; feedback: Feedback; now: Date }): Promise<void> {
  const { feedback } = input;
  const summary =
    feedback.kind === 'review'
      ? `${feedback.rating}-star review: ${feedback.title}`
      : feedback.kind === 'survey'
        ? `${feedback.metric.toUpperCase()} survey: ${feedback.score}`
        : `Complaint (${feedback.category}): ${feedback.subject}`;
  const body = feedback.kind === 'survey' ? feedback.comment : feedback.body;
  await tx.query(
    `INSERT INTO interactions (customer_id, channel, type, direction, phase, summary, body, feedback_id, occurred_at, created_at)
     VALUES ($1, 'web', $2, 'inbound', 'after_sale', $3, $4, $5, $6, $6)`,
    [input.customerId, feedback.kind, line(summary), body, feedback.id, input.now],
  );
}

/**
 * The answer to a complaint goes out by e-mail when the contact has an address, else by
 * phone. Its text is kept here: the complaint record has no answer field (the reply columns
 * are a review's), and a complaint without a customer keeps it in the audit log only.
 */
export async function recordAnswer(tx: Queryable, input: { complaint: Complaint; body: string; staffId: string | null; now: Date }): Promise<void> {
  const { complaint } = input;
  if (complaint.customerId === null) return;
  await tx.query(
    `INSERT INTO interactions (customer_id, channel, type, direction, phase, summary, body, staff_id, feedback_id, occurred_at, created_at)
     VALUES ($1, $2, 'ticket', 'outbound', 'after_sale', $3, $4, $5, $6, $7, $7)`,
    [complaint.customerId, complaint.contact.email ? 'email' : 'phone', line(`Complaint answered: ${complaint.subject}`), input.body, input.staffId, complaint.id, input.now],
  );
}
