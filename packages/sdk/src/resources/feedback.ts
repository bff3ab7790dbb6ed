// Feedback: shoppers' reviews, survey answers and complaints, and the staff inbox that
// moderates, answers and follows them up.
import type { CreatedFeedback} from '@kith/schema';
import {
  Complaint, Feedback, type FeedbackPage,
  type ComplaintStatusChange, type FeedbackListQuery, type ModerateRequest, type NewFeedback, type ReplyRequest,
} from '@kith/schema';
import type { KithCore } from '../core.js';
import type { WriteResult } from '../outbox/types.js';
import type { Read, ReadOptions } from '../reads/types.js';
import { seg, sender, type SendOptions } from './shared.js';
import { listFeedback, submitFeedback } from './standalone/feedback.js';

export { listFeedback, submitFeedback };

const FEEDBACK = '/v1/feedback';
/** A review's moderation or reply changes what product pages show. */
const PUBLIC_REVIEWS = ['/v1/products', '/v1/reviews'];

export interface FeedbackResource {
  /**
   * Submits a review, survey answer or complaint (`POST /v1/feedback`) through the outbox:
   * kept and delivered once even offline. With a publishable key it is anonymous and answers
   * a receipt; with a customer token it is theirs (a review may then be a verified purchase)
   * and answers the full record. A second survey answer of a metric within the shop's cap
   * is refused (`rate_limited`): ask `surveys.eligibility` first.
   */
  create(feedback: NewFeedback): Promise<WriteResult<CreatedFeedback>>;
  /**
   * The staff inbox, filtered and paged (`GET /v1/feedback`): complaints overdue first, else
   * newest first; observed, it follows `inbox`. Staff token with `feedback:read` (feedback
   * of the customers they see, and guests'), or the secret key. With a customer token: that
   * shopper's own feedback only, every kind and status (a pending or rejected review with
   * its reason, a complaint with its answer), the filters applying within it; a `customerId`
   * naming someone else is `forbidden`. Observed, it then follows the shopper's own
   * `customer:<id>` (complaint changes are announced there).
   */
  list(query?: FeedbackListQuery, options?: ReadOptions): Read<FeedbackPage>;
  /** One review, survey answer or complaint (`GET /v1/feedback/{id}`). Staff token with `feedback:read`, the secret key, or the customer who wrote it. */
  get(id: string, options?: ReadOptions): Read<Feedback>;
  /**
   * Publishes a review, or rejects it with a reason no product page shows, only staff and the
   * review's author (`POST /v1/feedback/{id}/moderate`); a moderator's decision, sent at
   * once. Staff token with `feedback:moderate`, or the secret key. Audited.
   */
  moderate(id: string, request: ModerateRequest, options?: SendOptions): Promise<Feedback>;
  /**
   * The public reply under a review, or the answer to a complaint
   * (`POST /v1/feedback/{id}/reply`), through the outbox. Staff token with
   * `feedback:moderate`, or the secret key. Audited.
   */
  reply(id: string, request: ReplyRequest): Promise<WriteResult<Feedback>>;
  /**
   * Moves a complaint along its path (`PATCH /v1/feedback/{id}/status`: in progress, answered,
   * resolved, closed), through the outbox. Staff token with `feedback:moderate`, or the secret key.
   */
  setStatus(id: string, request: ComplaintStatusChange): Promise<WriteResult<Complaint>>;
}

export function feedback(core: KithCore): FeedbackResource {
  const send = sender(core);
  const path = (id: string) => `${FEEDBACK}/${seg(id)}`;
  return {
    create: (body) => submitFeedback(core, body),
    list: (query, options) => listFeedback(core, query, options),
    get: (id, options) => core.read({ path: path(id), schema: Feedback }, options),
    moderate: (id, request, options) =>
      send({ method: 'POST', path: `${path(id)}/moderate`, body: request, schema: Feedback, invalidates: [FEEDBACK, ...PUBLIC_REVIEWS] }, options),
    reply: (id, request) =>
      core.write({ kind: 'feedback.reply', method: 'POST', path: `${path(id)}/reply`, body: request, schema: Feedback, invalidates: [FEEDBACK, ...PUBLIC_REVIEWS] }),
    setStatus: (id, request) =>
      core.write({ kind: 'feedback.setStatus', method: 'PATCH', path: `${path(id)}/status`, body: request, schema: Complaint, invalidates: [FEEDBACK] }),
  };
}
