import type { Complaint, ComplaintStatus, Feedback, ModerateRequest } from '@kith/schema';
import { audit } from '../audit/audit.js';
import type { Credential } from '../auth/credential.js';
import type { Queryable, SqlValue } from '../db/database.js';
import { complaintUpdated, feedbackReplied, reviewModerated } from '../events/feedback-events.js';
import { ApiError } from '../http/errors.js';
import { awardReviewPoints } from '../loyalty/award.js';
import { must } from '../util/must.js';
import { findVisibleFeedback } from './access.js';
import { FEEDBACK_COLUMNS, toFeedback, type FeedbackRow } from './read.js';
import { recordAnswer } from './timeline.js';

const conflict = (message: string, current: Feedback) => new ApiError(409, 'conflict', message, { current });

/** Updates one feedback row (`set` is fixed SQL with `$2…` parameters) and reads it back. */
async function update(tx: Queryable, id: string, set: string, params: SqlValue[]): Promise<Feedback> {
  const { rows } = await tx.query<FeedbackRow>(
    `WITH f AS (UPDATE feedback SET ${set} WHERE id = $1 RETURNING *) SELECT ${FEEDBACK_COLUMNS} FROM f`,
    [id, ...params],
  );
  return toFeedback(must(rows[0], `feedback ${id}`));
}

const staffIdOf = (credential: Credential) => (credential.kind === 'staff' ? credential.staffId : null);

/**
 * Publishes or rejects a review. Publishing a review again answers it unchanged;
 * a rejected review may be published later, and a published one rejected (taken down).
 * The first publication of a customer's review awards loyalty points (the ledger also
 * pays at most once per review, whatever happens here).
 */
export async function moderate(tx: Queryable, credential: Credential, id: string, action: ModerateRequest, now: Date): Promise<Feedback> {
  const { record: before } = await findVisibleFeedback(tx, credential, id, true);
  if (before.kind !== 'review') throw conflict(`Only reviews are moderated; this is a ${before.kind}.`, before);
  const status = action.action === 'publish' ? 'published' : 'rejected';
  const reason = action.action === 'reject' ? must(action.reason, 'a rejection reason (schema)') : null;
  if (before.status === status && before.rejectionReason === reason) return before;

  const after = await update(tx, id, 'moderation_status = $2, rejection_reason = $3, updated_at = $4', [status, reason, now]);
  if (after.kind === 'review') await reviewModerated(tx, before, after, now);
  if (status === 'published' && before.customerId !== null) {
    await awardReviewPoints(tx, { customerId: before.customerId, feedbackId: id, now });
  }
  await audit(tx, credential, { action: `feedback.${action.action}`, entity: 'feedback', entityId: id, before, after }, now);
  return after;
}

/**
 * The shop's public reply under a review, or the answer to a complaint (a later one replaces
 * either): a complaint's first answer sets `answeredAt`, and an open or in-progress complaint
 * becomes `answered`. Surveys take no reply; a closed complaint takes no more answers.
 */
export async function reply(tx: Queryable, credential: Credential, id: string, body: string, now: Date): Promise<Feedback> {
  const { record: before } = await findVisibleFeedback(tx, credential, id, true);
  const staffId = staffIdOf(credential);
  let after: Feedback;
  if (before.kind === 'review') {
    after = await update(tx, id, 'reply_body = $2, reply_staff_id = $3, replied_at = $4, updated_at = $4', [body, staffId, now]);
  } else if (before.kind === 'complaint') {
    if (before.status === 'closed') throw conflict('This complaint is closed; it takes no more answers.', before);
    const status: ComplaintStatus = before.status === 'open' || before.status === 'in_progress' ? 'answered' : before.status;
    after = await update(
      tx, id,
      'complaint_status = $2, answered_at = COALESCE(answered_at, $3), reply_body = $4, reply_staff_id = $5, replied_at = $3, updated_at = $3',
      [status, now, body, staffId],
    );
    await recordAnswer(tx, { complaint: before, body, staffId, now });
  } else {
    throw conflict('A survey answer takes no reply.', before);
  }
  await feedbackReplied(tx, after, now);
  await audit(tx, credential, { action: 'feedback.reply', entity: 'feedback', entityId: id, before, after }, now);
  return after;
}

/**
 * A complaint moves forward only, one or more steps at a time:
 * open → in_progress → answered → resolved → closed. `closed` is final. Reaching
 * `answered` or `resolved` without an answer through the reply route (answered by phone)
 * sets `answeredAt` now. Setting the current status again answers it unchanged.
 */
export const COMPLAINT_PATH: readonly ComplaintStatus[] = ['open', 'in_progress', 'answered', 'resolved', 'closed'];

export async function changeStatus(tx: Queryable, credential: Credential, id: string, status: ComplaintStatus, now: Date): Promise<Complaint> {
  const { record: before } = await findVisibleFeedback(tx, credential, id, true);
  if (before.kind !== 'complaint') throw conflict(`Only complaints have a status to change; this is a ${before.kind}.`, before);
  if (before.status === status) return before;
  if (COMPLAINT_PATH.indexOf(status) < COMPLAINT_PATH.indexOf(before.status)) {
    throw conflict(`A complaint cannot go back from ${before.status} to ${status}.`, before);
  }
  const answers = status === 'answered' || status === 'resolved';
  const after = await update(
    tx, id,
    `complaint_status = $2, answered_at = CASE WHEN $3::boolean THEN COALESCE(answered_at, $4) ELSE answered_at END, updated_at = $4`,
    [status, answers, now],
  );
  if (after.kind !== 'complaint') throw new Error('a complaint stayed a complaint');
  await complaintUpdated(tx, after, now);
  await audit(tx, credential, { action: 'feedback.status', entity: 'feedback', entityId: id, before, after }, now);
  return after;
}
