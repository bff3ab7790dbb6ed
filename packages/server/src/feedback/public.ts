import type { Feedback, FeedbackReceipt, PublicReview, Review } from '@kith/schema';

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
      return { kind: 'review', ...shown, status: feedback.status };
    }
    case 'survey':
      return { kind: 'survey', id: feedback.id, metric: feedback.metric, score: feedback.score, createdAt: feedback.createdAt };
    case 'complaint':
      return { kind: 'complaint', id: feedback.id, category: feedback.category, status: feedback.status, dueAt: feedback.dueAt, createdAt: feedback.createdAt };
  }
}
