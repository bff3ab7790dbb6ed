// Events of the feedback inbox (`inbox`, staff), of a product's public reviews
// (`product:<id>`, public: the review's id and rating, never who wrote it) and of a
// customer's own complaints and reviews (`customer:<id>`, that customer and staff).
import type { Complaint, Feedback, Review } from '@kith/schema';
import type { Queryable } from '../db/database.js';
import { publishEvent, type NewEvent } from './publish.js';

const inbox = (type: NewEvent['type'], data: Record<string, unknown>): NewEvent => ({ topic: 'inbox', type, audience: 'staff', data });

/** What shoppers may know of a published review (no customer, no text: clients read the list). */
const publicReview = (review: Review) => ({ reviewId: review.id, productId: review.productId, rating: review.rating });

/** What a complaint's author sees change: its status and answer time. */
const complaintState = (complaint: Complaint) => ({
  feedbackId: complaint.id, status: complaint.status, dueAt: complaint.dueAt, answeredAt: complaint.answeredAt,
});

async function publishAll(tx: Queryable, events: readonly NewEvent[], at: Date): Promise<void> {
  for (const event of events) await publishEvent(tx, event, at);
}

/**
 * A new review, survey answer or complaint. A review is announced (`review.created`) only
 * while it waits for a moderator (`pending`): that is "review awaiting moderation".
 */
export async function feedbackCreated(tx: Queryable, feedback: Feedback, at: Date): Promise<void> {
  const base = { feedbackId: feedback.id, customerId: feedback.customerId };
  switch (feedback.kind) {
    case 'review':
      if (feedback.status !== 'pending') return;
      return publishAll(tx, [inbox('review.created', {
        ...base, productId: feedback.productId, rating: feedback.rating, verifiedPurchase: feedback.verifiedPurchase,
      })], at);
    case 'survey':
      return publishAll(tx, [inbox('survey.answered', { ...base, metric: feedback.metric, score: feedback.score })], at);
    case 'complaint':
      return publishAll(tx, complaintEvents('complaint.created', feedback, { category: feedback.category }), at);
  }
}

/** A complaint's change for the inbox, and for its author when it has one. */
function complaintEvents(type: 'complaint.created' | 'complaint.updated' | 'complaint.answered', complaint: Complaint, extra: Record<string, unknown> = {}): NewEvent[] {
  const events = [inbox(type, { ...complaintState(complaint), customerId: complaint.customerId, ...extra })];
  if (complaint.customerId !== null) {
    events.push({ topic: `customer:${complaint.customerId}`, type, audience: 'customer', data: complaintState(complaint), webhook: false });
  }
  return events;
}

/**
 * A review published or rejected. Shoppers following the product hear `review.published`,
 * or `review.moderated` when a published review is taken down (it leaves their list); the
 * review's author hears `review.moderated` on `customer:<id>` either way.
 */
export async function reviewModerated(tx: Queryable, before: Review, after: Review, at: Date): Promise<void> {
  const events = [inbox('review.moderated', { feedbackId: after.id, customerId: after.customerId, productId: after.productId, status: after.status })];
  // The author follows their own reviews (a portal's list of them): the decision reaches them live.
  if (after.customerId !== null) {
    events.push({ topic: `customer:${after.customerId}`, type: 'review.moderated', audience: 'customer', data: { feedbackId: after.id, productId: after.productId, status: after.status }, webhook: false });
  }
  const product = `product:${after.productId}` as const;
  if (after.status === 'published' && before.status !== 'published') {
    events.push({ topic: product, type: 'review.published', audience: 'public', data: publicReview(after) });
  } else if (before.status === 'published' && after.status !== 'published') {
    events.push({ topic: product, type: 'review.moderated', audience: 'public', data: { reviewId: after.id, productId: after.productId, status: after.status }, webhook: false });
  }
  await publishAll(tx, events, at);
}

/** A reply to a review (public under a published one), or the answer to a complaint. */
export async function feedbackReplied(tx: Queryable, after: Feedback, at: Date): Promise<void> {
  if (after.kind === 'complaint') return publishAll(tx, complaintEvents('complaint.answered', after), at);
  if (after.kind !== 'review') return;
  const events = [inbox('review.replied', { feedbackId: after.id, customerId: after.customerId, productId: after.productId })];
  if (after.status === 'published') {
    events.push({ topic: `product:${after.productId}`, type: 'review.replied', audience: 'public', data: { ...publicReview(after), repliedAt: after.reply?.repliedAt ?? null }, webhook: false });
  }
  await publishAll(tx, events, at);
}

/** A complaint moved along its path (in progress, answered by phone, resolved, closed). */
export async function complaintUpdated(tx: Queryable, after: Complaint, at: Date): Promise<void> {
  await publishAll(tx, complaintEvents('complaint.updated', after), at);
}
