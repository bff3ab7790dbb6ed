import type { Complaint, Feedback } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { insertInteraction } from '../interactions/write.js';

/** `summary` is at most 300 characters (`Interaction`); titles and subjects are shorter, this is a guard. */
const line = (text: string) => (text.length > 300 ? `${text.slice(0, 299)}…` : text);

/**
 * Feedback of a known customer is an event on their timeline (inbound, after-sale, from the
 * web — the widget), like the demo's: the 360° view shows what they said next to their orders.
 * Written like every timeline entry (`insertInteraction`), so `interaction.created` reaches an
 * open card: the customer's last contact changed.
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
  await insertInteraction(tx, {
    customerId: input.customerId, channel: 'web', type: feedback.kind, direction: 'inbound', phase: 'after_sale',
    summary: line(summary), body, staffId: null, refs: { feedbackId: feedback.id },
  }, input.now);
}

/**
 * The answer to a complaint goes out by e-mail when the contact has an address, else by
 * phone. The complaint record keeps only the latest answer (`Complaint.reply`), so each one is
 * also kept here, in the customer's history (a guest's complaint has none: its answers stay in
 * the audit log). Announced as `interaction.created` like any timeline entry (it is the
 * customer's last contact now).
 */
export async function recordAnswer(tx: Queryable, input: { complaint: Complaint; body: string; staffId: string | null; now: Date }): Promise<void> {
  const { complaint } = input;
  if (complaint.customerId === null) return;
  await insertInteraction(tx, {
    customerId: complaint.customerId, channel: complaint.contact.email ? 'email' : 'phone', type: 'ticket', direction: 'outbound',
    phase: 'after_sale', summary: line(`Complaint answered: ${complaint.subject}`), body: input.body, staffId: input.staffId,
    refs: { feedbackId: complaint.id },
  }, input.now);
}
