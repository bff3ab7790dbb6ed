import type { Feedback, FeedbackReceipt, PublicReview, Review } from '@kith/schema';
import { SPAM_REASON_PREFIX } from '../abuse/review-spam.js';

/** What a product page shows of a review: no customer, no moderation, no staff id. */
export function toPublicReview(review: Review): PublicReview {
  return {
    id: review.id,
    productId: review.productId,
    rating: review.rating,
    title: review.title,
    body: review.body,
    authorName: review.authorName,
    language: review.language,
    verifiedPurchase: review.verifiedPurchase,
    reply: review.reply ? { body: review.reply.body, repliedAt: review.reply.repliedAt } : null,
    createdAt: review.createdAt,
  };
}

/** The answer to a publishable key that created feedback: nothing private (see `FeedbackReceipt`). */
export function toReceipt(feedback: Feedback): FeedbackReceipt {
  switch (feedback.kind) {
    case 'review': {
      const { reply: _reply, ...shown } = toPublicReview(feedback);
      // A review the spam rules caught reads "pending" to the sender: telling a bot it was
      // caught teaches it; a person whose review was caught by mistake is published by staff.
      const caught = feedback.status === 'rejected' && feedback.rejectionReason?.startsWith(SPAM_REASON_PREFIX) === true;
      return { kind: 'review', ...shown, status: caught ? 'pending' : feedback.status };
    }
    case 'survey':
      return { kind: 'survey', id: feedback.id, metric: feedback.metric, score: feedback.score, createdAt: feedback.createdAt };
    case 'complaint':
      return { kind: 'complaint', id: feedback.id, category: feedback.category, status: feedback.status, dueAt: feedback.dueAt, createdAt: feedback.createdAt };
  }
}
