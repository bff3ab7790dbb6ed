import * as z from 'zod/mini';
import {
  Complaint, ComplaintStatusChange, CreatedFeedback, Feedback, FeedbackListQuery, FeedbackPage, Id, ModerateRequest,
  NewFeedback, ReplyRequest,
} from '@kith/schema';
import { feedbackCreated } from '../events/feedback-events.js';
import { findVisibleFeedback } from '../feedback/access.js';
import { createFeedback } from '../feedback/create.js';
import { listFeedback } from '../feedback/list.js';
import { changeStatus, moderate, reply } from '../feedback/moderate.js';
import { toReceipt } from '../feedback/public.js';
import { forbidden } from '../http/auth.js';
import { route } from '../http/route.js';
import { visibilityOf } from '../visibility/visibility.js';

const ById = z.object({ id: Id });
/** A review or complaint is at most ~25 KB of UTF-8 text; anything much larger is not feedback. */
const MAX_BODY = 64 * 1024;

/**
 * `POST /v1/feedback`: a shopper's review, survey or complaint, from the widget with a
 * publishable key (anonymous) or a customer token (theirs: the customer comes from the
 * token, never from the body; only then can a review be a verified purchase).
 */
export const createFeedbackRoute = route({
  method: 'POST',
  path: '/v1/feedback',
  summary: 'Submit a review, survey answer or complaint',
  tag: 'feedback',
  access: { publishable: true, customer: true },
  body: NewFeedback,
  response: CreatedFeedback,
  status: 201,
  maxBodyBytes: MAX_BODY,
  async handle({ c, db, credential, body, now }) {
    const customerId = credential.kind === 'customer' ? credential.customerId : null;
    const created = await createFeedback(db, body, customerId, now, c.get('services').settings);
    // In the write's transaction: announced at commit, never for a rolled-back write.
    await feedbackCreated(db, created, now);
    // A customer sees their own record; a publishable key (public) only a receipt.
    return customerId === null ? toReceipt(created) : created;
  },
});

/**
 * `GET /v1/feedback`: the staff inbox, filtered and paged; staff see what their hierarchy
 * allows. A customer token lists only its own feedback, every kind and status (their pending
 * or rejected review with the reason, their complaints with the answer): the server applies
 * that filter itself, and a `customerId` naming anyone else is refused.
 */
export const listFeedbackRoute = route({
  method: 'GET',
  path: '/v1/feedback',
  summary: 'List feedback (complaints overdue first; a customer token: their own)',
  tag: 'feedback',
  access: { staff: 'feedback:read', secret: true, customer: true },
  query: FeedbackListQuery,
  response: FeedbackPage,
  async handle({ c, db, credential, query, now }) {
    if (credential.kind === 'customer' && query.customerId !== undefined && query.customerId !== credential.customerId) {
      throw forbidden('A customer token lists only its own feedback.');
    }
    c.header('Cache-Control', 'private, no-cache');
    return listFeedback(db, await visibilityOf(db, credential), query, now);
  },
});

/** `GET /v1/feedback/:id`: staff, the shop's server, or the customer who wrote it. */
export const getFeedbackRoute = route({
  method: 'GET',
  path: '/v1/feedback/:id',
  summary: 'Get one feedback record',
  tag: 'feedback',
  access: { staff: 'feedback:read', secret: true, customer: true },
  params: ById,
  response: Feedback,
  async handle({ c, db, credential, params }) {
    c.header('Cache-Control', 'private, no-cache');
    return (await findVisibleFeedback(db, credential, params.id)).record;
  },
});

/** `POST /v1/feedback/:id/moderate`: publish or reject (with a reason) a review. Audited. */
export const moderateFeedbackRoute = route({
  method: 'POST',
  path: '/v1/feedback/:id/moderate',
  summary: 'Publish or reject a review',
  tag: 'feedback',
  access: { staff: 'feedback:moderate', secret: true },
  params: ById,
  body: ModerateRequest,
  response: Feedback,
  async handle({ db, credential, params, body, now }) {
    return moderate(db, credential, params.id, body, now);
  },
});

/** `POST /v1/feedback/:id/reply`: the public reply to a review, or the answer to a complaint. Audited. */
export const replyFeedbackRoute = route({
  method: 'POST',
  path: '/v1/feedback/:id/reply',
  summary: 'Reply to a review or answer a complaint',
  tag: 'feedback',
  access: { staff: 'feedback:moderate', secret: true },
  params: ById,
  body: ReplyRequest,
  response: Feedback,
  maxBodyBytes: MAX_BODY,
  async handle({ db, credential, params, body, now }) {
    return reply(db, credential, params.id, body.body, now);
  },
});

/** `PATCH /v1/feedback/:id/status`: move a complaint forward (see `COMPLAINT_PATH`). Audited. */
export const complaintStatusRoute = route({
  method: 'PATCH',
  path: '/v1/feedback/:id/status',
  summary: 'Change a complaint\'s status',
  tag: 'feedback',
  access: { staff: 'feedback:moderate', secret: true },
  params: ById,
  body: ComplaintStatusChange,
  response: Complaint,
  async handle({ db, credential, params, body, now }) {
    return changeStatus(db, credential, params.id, body.status, now);
  },
});

/** The routes of this file. */
export const feedbackRoutes = [
  createFeedbackRoute, listFeedbackRoute, getFeedbackRoute, moderateFeedbackRoute, replyFeedbackRoute, complaintStatusRoute,
];
