// What the shopper wrote: reviews with their moderation (and the reason, if not published), and
// complaints with their status and the shop's answer.
import type { ReactNode } from 'react';
import type { Complaint, Feedback, FeedbackPage, Review } from '@kith/schema';
import type { ReadState } from '@kith/sdk/core';
import { date, dateTime } from './format.js';
import { COMPLAINT_CATEGORY, COMPLAINT_STATUS, REVIEW_STATUS } from './labels.js';
import { Loadable } from './Loadable.js';

interface FeedbackProps {
  readonly reviews: ReadState<FeedbackPage>;
  readonly complaints: ReadState<FeedbackPage>;
  /** Product names the shopper's orders give (a review names its product by id only). */
  readonly productNames: ReadonlyMap<string, string>;
}

export function FeedbackSections({ reviews, complaints, productNames }: FeedbackProps) {
  return (
    <>
      <FeedbackSection
        name="reviews"
        heading="Your reviews"
        state={reviews}
        pick={(item): item is Review => item.kind === 'review'}
        empty="You have not reviewed anything yet."
        render={(review) => <ReviewItem key={review.id} review={review} product={productNames.get(review.productId)} />}
      />
      <FeedbackSection
        name="complaints"
        heading="Your complaints"
        state={complaints}
        pick={(item): item is Complaint => item.kind === 'complaint'}
        empty="No complaints. If something goes wrong, the shop answers within a day."
        render={(complaint) => <ComplaintItem key={complaint.id} complaint={complaint} />}
      />
    </>
  );
}

interface SectionProps<T extends Feedback> {
  /** `reviews` gives the ids `reviews-heading` and `reviews-list`. */
  readonly name: string;
  readonly heading: string;
  readonly state: ReadState<FeedbackPage>;
  readonly pick: (item: Feedback) => item is T;
  readonly empty: string;
  readonly render: (item: T) => ReactNode;
}

function FeedbackSection<T extends Feedback>({ name, heading, state, pick, empty, render }: SectionProps<T>) {
  return (
    <section className="card" aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`}>{heading}</h2>
      <Loadable state={state} what={`your ${name}`}>
        {(page) => {
          const items = page.items.filter(pick);
          return items.length === 0 ? (
            <p className="empty">{empty}</p>
          ) : (
            <ul id={`${name}-list`} className="feedback" aria-labelledby={`${name}-heading`}>
              {items.map(render)}
            </ul>
          );
        }}
      </Loadable>
    </section>
  );
}

function Stars({ rating }: { readonly rating: number }) {
  return (
    <span className="stars" role="img" aria-label={`${rating} out of 5 stars`}>
      {'★'.repeat(rating)}
      <span className="unlit">{'★'.repeat(5 - rating)}</span>
    </span>
  );
}

function ReviewItem({ review, product }: { readonly review: Review; readonly product: string | undefined }) {
  const headingId = `review-${review.id}`;
  return (
    <li className="item" data-id={review.id} data-status={review.status}>
      <article aria-labelledby={headingId}>
        <header className="item-head">
          <h3 id={headingId}>{review.title || 'Untitled review'}</h3>
          <span className={`status status-${review.status}`}>{REVIEW_STATUS[review.status]}</span>
        </header>
        <p className="meta">
          <Stars rating={review.rating} />
          {product && <> · {product}</>} · <time dateTime={review.createdAt}>{date(review.createdAt)}</time>
          {review.verifiedPurchase && <> · Verified purchase</>}
        </p>
        <p className="body">{review.body}</p>
        {review.status === 'rejected' && review.rejectionReason && (
          <p className="reason">
            <strong>Why it was not published:</strong> {review.rejectionReason}
          </p>
        )}
        {review.reply && (
          <blockquote className="reply">
            <p className="meta">The shop replied on {date(review.reply.repliedAt)}:</p>
            <p>{review.reply.body}</p>
          </blockquote>
        )}
      </article>
    </li>
  );
}

function ComplaintItem({ complaint }: { readonly complaint: Complaint }) {
  const headingId = `complaint-${complaint.id}`;
  const waiting = complaint.status === 'open' || complaint.status === 'in_progress';
  return (
    <li className="item" data-id={complaint.id} data-status={complaint.status}>
      <article aria-labelledby={headingId}>
        <header className="item-head">
          <h3 id={headingId}>{complaint.subject}</h3>
          <span className={`status status-${complaint.status}`}>{COMPLAINT_STATUS[complaint.status]}</span>
        </header>
        <p className="meta">
          {COMPLAINT_CATEGORY[complaint.category]} · sent <time dateTime={complaint.createdAt}>{date(complaint.createdAt)}</time>
          {waiting && complaint.answeredAt === null && <> · answer due by {dateTime(complaint.dueAt)}</>}
        </p>
        <p className="body">{complaint.body}</p>
        {complaint.reply ? (
          <blockquote className="reply">
            <p className="meta">The shop's answer, {date(complaint.reply.repliedAt)}:</p>
            <p>{complaint.reply.body}</p>
          </blockquote>
        ) : (
          complaint.answeredAt && <p className="meta">The shop answered on {date(complaint.answeredAt)} (not in writing).</p>
        )}
      </article>
    </li>
  );
}
