// For tests (the auth matrix): ids of seeded feedback, known without a query. Matrix rows
// build their paths synchronously, and the demo seed is deterministic (a fixed PRNG seed:
// the same ids on every install, whatever the time of seeding), so regenerating the demo
// in memory once gives the ids the test database holds.
import type { ComplaintStatus } from '@kith/schema';
import { generateDemo } from '../seed/generate.js';
import { must } from '../util/must.js';

export interface DemoFeedback {
  /** A published review by the sample customer (the `customer` credential). */
  ownReviewId: string;
  /** Its product. */
  productId: string;
  /** A complaint of a customer owned by the sample customer's account manager (the `staff` credential). */
  complaint: { id: string; status: ComplaintStatus };
}

let cached: DemoFeedback | undefined;

export function demoFeedback(): DemoFeedback {
  if (cached) return cached;
  const demo = generateDemo(new Date());
  const sample = must(demo.customers.find((c) => c.id === demo.sampleCustomerId), 'the sample customer');
  const owned = new Set(demo.customers.filter((c) => c.owner_id !== null && c.owner_id === sample.owner_id).map((c) => c.id));
  const review = must(
    demo.feedback.find((f) => f.kind === 'review' && f.customer_id === sample.id && f.moderation_status === 'published'),
    'a published review of the sample customer',
  );
  const complaint = must(
    demo.feedback.find((f) => f.kind === 'complaint' && f.customer_id !== null && owned.has(f.customer_id)),
    'a complaint of a customer of the sample customer\'s owner',
  );
  cached = {
    ownReviewId: review.id,
    productId: must(review.product_id, 'the review\'s product'),
    complaint: { id: complaint.id, status: must(complaint.complaint_status, 'the complaint\'s status') },
  };
  return cached;
}
