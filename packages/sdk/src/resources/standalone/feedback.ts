import { CreatedFeedback, FeedbackPage, type FeedbackListQuery, type NewFeedback } from '@kith/schema';
import type { KithCore } from '../../core.js';
import type { WriteResult } from '../../outbox/types.js';
import type { Read, ReadOptions } from '../../reads/types.js';

// What a shopper's form (`<kith-feedback>`) and the staff inbox's list call, each on its own
// (exported by `@kith/sdk/resources/feedback`): the form's chunk does not carry the inbox's
// routes, nor the inbox's first paint the shopper's schemas and the moderation calls.

const FEEDBACK = '/v1/feedback';

/**
 * {@link FeedbackResource.create} on its own: a review, survey answer or complaint through the
 * outbox (`POST /v1/feedback`), kept and delivered once even offline.
 */
export function submitFeedback(core: KithCore, body: NewFeedback): Promise<WriteResult<CreatedFeedback>> {
  return core.write({
    kind: 'feedback.create',
    method: 'POST',
    path: FEEDBACK,
    body,
    schema: CreatedFeedback,
    invalidates: body.kind === 'survey' ? [FEEDBACK, '/v1/surveys/eligibility'] : [FEEDBACK],
  });
}

/**
 * {@link FeedbackResource.list} on its own: the staff inbox, filtered and paged, observed on
 * `inbox`; a shopper's own feedback with a customer token, observed on their `customer:<id>`
 * (a customer token may not follow `inbox`, and one refused topic would end the client's stream).
 */
export function listFeedback(core: KithCore, query?: FeedbackListQuery, options?: ReadOptions): Read<FeedbackPage> {
  return core.read({ path: FEEDBACK, query, schema: FeedbackPage, topics: (subject) => [subject.startsWith('customer:') ? subject : 'inbox'] }, options);
}
