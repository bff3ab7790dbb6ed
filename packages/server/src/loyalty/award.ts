import type { Queryable } from '../db/database.js';
import { appendEntry } from './ledger.js';
import { activeProgram } from './program.js';

/**
 * Points for a published review, by the program's `review_points`: one `review` entry per
 * feedback, ever (a unique index — publishing again, or unpublishing and re-publishing,
 * pays nothing more). Joins the customer to the program if needed and updates their tier.
 * Call it inside the transaction that publishes the review.
 */
export async function awardReviewPoints(
  tx: Queryable,
  input: { customerId: string; feedbackId: string; now: Date },
): Promise<void> {
  const program = await activeProgram(tx);
  if (!program || program.review_points <= 0) return;
  await appendEntry(tx, program, {
    customerId: input.customerId,
    reason: 'review',
    points: program.review_points,
    feedbackId: input.feedbackId,
    note: 'Published review',
    now: input.now,
  });
}
